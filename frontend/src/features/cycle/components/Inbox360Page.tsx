// "Formulir 360": the forms the signed-in employee is asked to fill (self, supervisor, peer,
// subordinate), with their deadline and state.
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { MyNav } from './CycleNav';
import { useDate } from './ui';
import { formStatus, useInbox, type FormStatus } from '../api/f360';
import { daysUntil } from '../domain';
import { PeerNominationSection } from './PeersSection';

const STATUS_BADGE: Record<FormStatus, string> = { assigned: 'badge', draft: 'badge badge-info', submitted: 'badge badge-ok' };

export function Inbox360Page() {
  const { t } = useI18n();
  useDocumentTitle(t('f360.title'));
  const inbox = useInbox();
  const date = useDate();

  return (
    <section className="page" aria-labelledby="f360-title">
      <MyNav />
      <div className="page-head">
        <h1 id="f360-title">{t('f360.title')}</h1>
      </div>
      <p className="muted">{t('f360.intro')}</p>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <p className="alert alert-info">{t('f360.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption className="visually-hidden">{t('f360.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('f360.ratee')}</th>
                <th scope="col">{t('f360.as')}</th>
                <th scope="col">{t('cycle.period')}</th>
                <th scope="col">{t('f360.deadline')}</th>
                <th scope="col">{t('f360.status')}</th>
                <th scope="col">{t('cycle.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {inbox.data.items.map((f) => {
                const left = f.deadline ? daysUntil(f.deadline) : null;
                return (
                  <tr key={f.id}>
                    <td data-label={t('f360.ratee')}>
                      <strong>{f.group === 'self' ? t('f360.yourself') : f.ratee.name}</strong>
                      <br />
                      <span className="small muted">{f.ratee.jabatan}</span>
                    </td>
                    <td data-label={t('f360.as')}>{t(`group.${f.group}`)}</td>
                    <td data-label={t('cycle.period')}>{f.period_name}</td>
                    <td data-label={t('f360.deadline')}>
                      {f.deadline ? (
                        <>
                          {date(f.deadline)}
                          {left !== null && left >= 0 && f.status !== 'submitted' && (
                            <span className="small muted"> · {t('f360.daysLeft', { n: left })}</span>
                          )}
                        </>
                      ) : (
                        t('f360.noDeadline')
                      )}
                    </td>
                    <td data-label={t('f360.status')}>
                      <span className={STATUS_BADGE[formStatus(f)]}>{t(`f360.status.${formStatus(f)}`)}</span>
                    </td>
                    <td data-label={t('cycle.actions')}>
                      <Link to={`/kinerja/360/${f.id}`} className="btn btn-secondary btn-small">
                        {f.editable && f.status !== 'submitted'
                          ? t('f360.fill', { name: f.group === 'self' ? t('f360.yourself') : f.ratee.name })
                          : t('f360.view', { name: f.group === 'self' ? t('f360.yourself') : f.ratee.name })}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <PeerNominationSection />
    </section>
  );
}
