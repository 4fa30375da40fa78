// "Keberatan": appeals the signed-in employee decides (as atasan pejabat penilai) or must
// answer (as the penilai), and one appeal in full.
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { useDateTime } from '../../../components/numbers';
import { TeamNav } from './CycleNav';
import { AppealView } from './AppealView';
import { useAppeal, useAppeals, type AppealRole } from '../api/appeals';

function AppealTable({ role, title }: { role: AppealRole; title: string }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const list = useAppeals(role);
  return (
    <section className="card" aria-labelledby={`appeals-${role}`}>
      <h2 id={`appeals-${role}`}>{title}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('appealsDecide.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('appeal.employee')}</th>
                <th scope="col">{t('cycle.period')}</th>
                <th scope="col">{t('appeal.filedAt')}</th>
                <th scope="col">{t('appeal.status')}</th>
                <th scope="col">{t('cycle.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id}>
                  <td data-label={t('appeal.employee')}>{a.employee.name}</td>
                  <td data-label={t('cycle.period')}>{a.period.name}</td>
                  <td data-label={t('appeal.filedAt')}>{dateTime(a.filed_at)}</td>
                  <td data-label={t('appeal.status')}>
                    <span className={a.status === 'decided' ? 'badge badge-ok' : 'badge badge-info'}>
                      {t(a.status === 'decided' ? 'appeal.status.decided' : 'appeal.status.filed')}
                    </span>
                  </td>
                  <td data-label={t('cycle.actions')}>
                    <Link className="btn btn-secondary btn-small" to={`/tim/keberatan/${a.id}`}>
                      {t('appealsDecide.open', { name: a.employee.name })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function AppealsDecidePage() {
  const { t } = useI18n();
  useDocumentTitle(t('appealsDecide.title'));
  return (
    <section className="page" aria-labelledby="appeals-title">
      <TeamNav />
      <div className="page-head">
        <h1 id="appeals-title">{t('appealsDecide.title')}</h1>
      </div>
      <p className="muted">{t('appealsDecide.intro')}</p>
      <AppealTable role="to_decide" title={t('appealsDecide.toDecide')} />
      <AppealTable role="penilai" title={t('appealsDecide.asPenilai')} />
    </section>
  );
}

export function AppealDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data: me } = useMe();
  const appeal = useAppeal(id);
  useDocumentTitle(t('appealsDecide.detail'));
  const nip = me?.employee?.nip;
  const as = appeal.data
    ? appeal.data.can_decide
      ? 'decider'
      : appeal.data.penilai.nip === nip
        ? 'penilai'
        : appeal.data.employee.nip === nip
          ? 'employee'
          : 'decider'
    : 'decider';
  return (
    <section className="page" aria-labelledby="appeal-detail-title">
      <TeamNav />
      <p>
        <Link to="/tim/keberatan">← {t('appealsDecide.back')}</Link>
      </p>
      {appeal.isPending ? (
        <Loading />
      ) : appeal.isError ? (
        <ErrorState error={appeal.error} onRetry={() => void appeal.refetch()} />
      ) : (
        <>
          <h1 id="appeal-detail-title">
            {t('appealsDecide.detailOf', { name: appeal.data.employee.name, period: appeal.data.period.name })}
          </h1>
          <div className="card">
            <AppealView appeal={appeal.data} as={as} />
          </div>
        </>
      )}
    </section>
  );
}
