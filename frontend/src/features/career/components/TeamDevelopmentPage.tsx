// "Pengembangan Tim": the supervisor sees each direct report's recommendations (and why),
// turns them into a development plan, and follows the plans' progress.
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useDirectReports, usePlans, useRecommendations, useTeamPlans, useTeamRecommendations } from '../api/development';
import { RecommendationCard } from './RecommendationCard';
import { PlanBuilder } from './PlanBuilder';
import { PlansSection } from './PlansSection';

type Notice = { text: string; tone: 'success' | 'error' } | null;

export function TeamDevelopmentPage() {
  const { t } = useI18n();
  useDocumentTitle(t('career.team.title'));
  const { data: me } = useMe();
  const nip = me?.employee?.nip ?? undefined;
  const team = useDirectReports(nip);
  const [notice, setNotice] = useState<Notice>(null);

  return (
    <section className="page career" aria-labelledby="team-title">
      <div className="page-head">
        <h1 id="team-title">{t('career.team.title')}</h1>
      </div>
      <p className="muted">{t('career.team.intro')}</p>
      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />
      {team.isPending ? (
        <Loading />
      ) : team.isError ? (
        <ErrorState error={team.error} onRetry={() => void team.refetch()} />
      ) : team.data.length === 0 ? (
        <p className="muted">{t('career.team.empty')}</p>
      ) : (
        <>
          <TeamSummary members={team.data.map((e) => ({ nip: e.nip, name: e.full_name || e.name }))} />
          {team.data.map((e) => (
            <Member
              key={e.nip}
              nip={e.nip}
              name={e.full_name || e.name}
              jabatan={e.jabatan}
              onNotice={(text, tone) => setNotice({ text, tone })}
            />
          ))}
        </>
      )}
    </section>
  );
}

function Member({
  nip,
  name,
  jabatan,
  onNotice,
}: {
  nip: string;
  name: string;
  jabatan: string;
  onNotice: (text: string, tone: 'success' | 'error') => void;
}) {
  const { t } = useI18n();
  const recs = useRecommendations(nip);
  const plans = usePlans(nip);
  const [building, setBuilding] = useState(false);
  const items = recs.data?.items ?? [];
  // Nothing recommended and no plan yet: a one-line card keeps a large team readable.
  const quiet = !building && recs.isSuccess && items.length === 0 && plans.isSuccess && plans.data.items.length === 0;
  return (
    <section id={`member-${nip}`} className="card member" aria-labelledby={`member-${nip}-h`} data-testid="team-member">
      <div className="page-head">
        <h2 id={`member-${nip}-h`}>
          {name}
          <span className="muted small member-sub">
            {jabatan} · <span className="mono">{nip}</span>
          </span>
        </h2>
        {!building && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={recs.isPending}
            onClick={() => setBuilding(true)}
          >
            {t('career.team.createPlan')}
            <span className="visually-hidden"> {t('career.team.forName', { name })}</span>
          </button>
        )}
      </div>
      {quiet ? (
        <p className="muted small">
          {t('career.team.quiet', { period: recs.data?.period?.name ?? t('common.none') })}
        </p>
      ) : (
        <>
          <h3>{t('career.rec.title')}</h3>
          {recs.isPending ? (
            <Loading />
          ) : recs.isError ? (
            <ErrorState error={recs.error} onRetry={() => void recs.refetch()} />
          ) : items.length === 0 ? (
            <p className="muted">
              {recs.data.period
                ? t('career.rec.noneInPeriodOther', { period: recs.data.period.name })
                : t('career.rec.noPeriod')}
            </p>
          ) : (
            items.map((r) => <RecommendationCard key={r.key} rec={r} level={4} />)
          )}
          {building && (
            <PlanBuilder
              nip={nip}
              name={name}
              recommendations={items}
              periodId={recs.data?.period?.id ?? null}
              periodName={recs.data?.period?.name ?? null}
              onCancel={() => setBuilding(false)}
              onCreated={(plan) => {
                setBuilding(false);
                onNotice(t('career.team.created', { name, n: plan.items.length }), 'success');
              }}
            />
          )}
          <PlansSection nip={nip} owner={false} onNotice={onNotice} level={3} />
        </>
      )}
    </section>
  );
}

/** One row per direct report: recommendations and plan progress at a glance, linked to the card. */
function TeamSummary({ members }: { members: { nip: string; name: string }[] }) {
  const { t } = useI18n();
  const nips = members.map((m) => m.nip);
  const recs = useTeamRecommendations(nips);
  const plans = useTeamPlans(nips);
  return (
    <div className="table-wrap">
      <table className="stack">
        <caption>{t('career.team.summary')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('career.col.name')}</th>
            <th scope="col" className="num">
              {t('career.team.recCount')}
            </th>
            <th scope="col">{t('career.team.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m, i) => {
            const r = recs[i]?.data;
            const items = plans[i]?.data?.items.flatMap((p) => p.items) ?? [];
            const done = items.filter((x) => x.status === 'done').length;
            const late = items.filter((x) => x.overdue).length;
            return (
              <tr key={m.nip}>
                <td data-label={t('career.col.name')}>
                  <a href={`#member-${m.nip}`}>{m.name}</a>
                </td>
                <td className="num" data-label={t('career.team.recCount')}>
                  {r ? r.items.length : t('common.none')}
                </td>
                <td data-label={t('career.team.progress')}>
                  {!plans[i]?.data
                    ? t('common.none')
                    : items.length === 0
                      ? t('career.team.noPlan')
                      : t('career.plan.progress', { done, total: items.length })}
                  {late > 0 && (
                    <>
                      {' '}
                      <span className="badge badge-late">{t('career.team.late', { n: late })}</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
