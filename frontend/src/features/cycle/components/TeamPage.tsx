// "Tim Saya": the supervisor's direct subordinates in a period — SKP, realisasi, 360,
// suggestion and rating at a glance, each with a link to rate them.
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { useDecimal } from '../../../components/numbers';
import { TeamNav } from './CycleNav';
import { PeriodSelect, usePeriodParam } from './PeriodSelect';
import { PredikatBadge, SkpStatusBadge } from './ui';
import { useTeam } from '../api/results';

export function TeamPage() {
  const { t } = useI18n();
  useDocumentTitle(t('team.title'));
  const decimal = useDecimal();
  const { periods, list, period, setPeriod } = usePeriodParam((p) => p.state !== 'draft');
  const team = useTeam(period?.id);

  return (
    <section className="page" aria-labelledby="team-title">
      <TeamNav />
      <div className="page-head">
        <h1 id="team-title">{t('team.title')}</h1>
      </div>
      {periods.isPending ? (
        <Loading />
      ) : periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      ) : !period ? (
        <p className="alert alert-info">{t('cycle.noPeriods')}</p>
      ) : (
        <>
          <div className="toolbar">
            <PeriodSelect periods={list} value={period.id} onChange={setPeriod} />
          </div>
          {team.isPending ? (
            <Loading />
          ) : team.isError ? (
            <ErrorState error={team.error} onRetry={() => void team.refetch()} />
          ) : team.data.items.length === 0 ? (
            <p className="alert alert-info">{t('team.empty')}</p>
          ) : (
            <div className="table-wrap" aria-busy={team.isFetching}>
              <table className="stack">
                <caption className="visually-hidden">{t('team.caption', { period: period.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('team.member')}</th>
                    <th scope="col">{t('team.skp')}</th>
                    <th scope="col">{t('team.realisasi')}</th>
                    <th scope="col">{t('team.responses360')}</th>
                    <th scope="col">{t('s360.suggestion')}</th>
                    <th scope="col">{t('team.evaluation')}</th>
                    <th scope="col">{t('cycle.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {team.data.items.map((m) => (
                    <tr key={m.nip}>
                      <td data-label={t('team.member')}>
                        <strong>{m.name}</strong>
                        <br />
                        <span className="small muted">{m.jabatan}</span>
                      </td>
                      <td data-label={t('team.skp')}>
                        <SkpStatusBadge status={m.skp_status ?? null} />
                      </td>
                      <td data-label={t('team.realisasi')}>
                        {t('team.realisasiOf', { done: m.realisasi, total: m.indicators })}
                      </td>
                      <td data-label={t('team.responses360')}>
                        {m.results_360_released ? t('team.released360') : t('team.notReleased360')}
                      </td>
                      <td data-label={t('s360.suggestion')}>
                        {m.suggestion ? `${t(`rating.${m.suggestion.rating}`)} (${decimal(m.suggestion.mean)})` : t('common.none')}
                      </td>
                      <td data-label={t('team.evaluation')}>
                        {m.evaluation ? (
                          <>
                            <PredikatBadge predikat={m.evaluation.predikat.value} />{' '}
                            <span className="small muted">
                              {t(m.evaluation.status === 'final' ? 'team.evalStatus.final' : 'team.evalStatus.draft')}
                            </span>
                          </>
                        ) : (
                          <span className="muted">{t('team.notRated')}</span>
                        )}
                        {m.appeal_status && (
                          <span className="badge badge-info">
                            {t(m.appeal_status === 'decided' ? 'team.appeal.decided' : 'team.appeal.filed')}
                          </span>
                        )}
                      </td>
                      <td data-label={t('cycle.actions')}>
                        <Link className="btn btn-secondary btn-small" to={`/tim/pegawai/${m.nip}?period=${period.id}`}>
                          {t('team.open', { name: m.name })}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
