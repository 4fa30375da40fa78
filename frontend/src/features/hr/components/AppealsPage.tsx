// "Keberatan pegawai": every appeal for HR, admin and the auditor, filtered by status.
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDateTime } from '../../../components/numbers';
import { TableWrap } from '../../../components/TableWrap';
import { Pagination } from '../../../components/Pagination';
import { ErrorState, Loading } from '../../../components/Status';
import { useAllAppeals, type Appeal, type AppealStatusFilter } from '../api/appeals';

const PER_PAGE = 20;

export function AppealsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('hr.appeals.title'));
  const fid = useId();
  const dateTime = useDateTime();
  const [params, setParams] = useSearchParams();
  const s = params.get('status');
  const status: AppealStatusFilter = s === 'filed' || s === 'decided' ? s : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const appeals = useAllAppeals(status, page, PER_PAGE);

  const predikatOf = (snapshot: Appeal['old']) => (snapshot ? t(`help.predikat.${snapshot.predikat.value}`) : t('common.none'));

  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <h1 id={`${fid}-title`}>{t('hr.appeals.title')}</h1>
      <p className="muted">{t('hr.appeals.intro')}</p>
      <div className="toolbar" role="search">
        <div className="toolbar-item">
          <label htmlFor={`${fid}-status`}>{t('hr.appeals.status')}</label>
          <select
            id={`${fid}-status`}
            value={status}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          >
            <option value="">{t('common.all')}</option>
            <option value="filed">{t('hr.appeals.filed')}</option>
            <option value="decided">{t('hr.appeals.decided')}</option>
          </select>
        </div>
      </div>
      {appeals.isPending ? (
        <Loading />
      ) : appeals.isError ? (
        <ErrorState error={appeals.error} onRetry={() => void appeals.refetch()} />
      ) : (
        <>
          <TableWrap label={t('hr.appeals.title')} busy={appeals.isFetching}>
            <table className="stack">
              <caption>{t('hr.appeals.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hr.appeals.employee')}</th>
                  <th scope="col">{t('hr.appeals.period')}</th>
                  <th scope="col">{t('hr.appeals.penilai')}</th>
                  <th scope="col">{t('hr.appeals.decider')}</th>
                  <th scope="col">{t('hr.appeals.filedAt')}</th>
                  <th scope="col">{t('hr.appeals.status')}</th>
                  <th scope="col">{t('hr.appeals.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {appeals.data.items.length === 0 && (
                  <tr>
                    <td colSpan={7}>{t('hr.appeals.empty')}</td>
                  </tr>
                )}
                {appeals.data.items.map((a) => (
                  <tr key={a.id}>
                    <td data-label={t('hr.appeals.employee')}>
                      <div>
                        <strong>{a.employee.name}</strong> <span className="muted mono small">{a.employee.nip}</span>
                        <details>
                          <summary className="small">{t('hr.appeals.reasons')}</summary>
                          <p className="small">{a.reasons}</p>
                        </details>
                      </div>
                    </td>
                    <td data-label={t('hr.appeals.period')}>{a.period.name}</td>
                    <td data-label={t('hr.appeals.penilai')}>{a.penilai.name}</td>
                    <td data-label={t('hr.appeals.decider')}>
                      {a.decided_by_hr ? t('hr.appeals.byHr') : (a.decider?.name ?? t('common.none'))}
                    </td>
                    <td data-label={t('hr.appeals.filedAt')}>
                      <div>
                        {dateTime(a.filed_at)}
                        {a.decided_at && (
                          <>
                            <br />
                            <span className="muted small">
                              {t('hr.appeals.decidedAt')}: {dateTime(a.decided_at)}
                            </span>
                          </>
                        )}
                      </div>
                    </td>
                    <td data-label={t('hr.appeals.status')}>
                      <div>
                        <span className={`badge ${a.status === 'decided' ? 'badge-ok' : 'badge-off'}`}>
                          {a.status === 'decided' ? t('hr.appeals.decided') : t('hr.appeals.filed')}
                        </span>
                      </div>
                    </td>
                    <td data-label={t('hr.appeals.decision')}>
                      <div>
                        {a.decision_reason && <p className="small">{a.decision_reason}</p>}
                        {a.decision ? (
                          <>
                            {a.decision === 'change' ? t('hr.appeals.change') : t('hr.appeals.keep')}
                            <br />
                            <span className="muted small">
                              {t('hr.appeals.before', { p: predikatOf(a.old) })}
                              {a.new && (
                                <>
                                  {' · '}
                                  {t('hr.appeals.after', { p: predikatOf(a.new) })}
                                </>
                              )}
                            </span>
                          </>
                        ) : (
                          t('common.none')
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination
            page={page}
            perPage={appeals.data.meta.per_page}
            total={appeals.data.meta.total}
            onPage={(p) => setParams((prev) => {
              const next = new URLSearchParams(prev);
              next.set('page', String(p));
              return next;
            })}
          />
        </>
      )}
    </section>
  );
}
