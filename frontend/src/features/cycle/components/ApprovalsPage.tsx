// "Persetujuan SKP": the direct subordinates' plans of a year, filtered by status.
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { useDateTime } from '../../../components/numbers';
import { TeamNav } from './CycleNav';
import { SkpStatusBadge } from './ui';
import { yearOptions } from './MySkpPage';
import { SKP_STATUSES, useApprovals, type SkpStatus } from '../api/skp';

export function ApprovalsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('approve.title'));
  const dateTime = useDateTime();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const statusParam = params.get('status') ?? 'submitted';
  const status = (SKP_STATUSES as readonly string[]).includes(statusParam) || statusParam === 'none' ? (statusParam as SkpStatus | 'none') : '';
  const list = useApprovals(year, status);
  const yearId = useId();
  const statusId = useId();
  const update = (k: string, v: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(k, v);
        return next;
      },
      { replace: true },
    );

  return (
    <section className="page" aria-labelledby="approve-title">
      <TeamNav />
      <div className="page-head">
        <h1 id="approve-title">{t('approve.title')}</h1>
      </div>
      <div className="toolbar">
        <div className="toolbar-item">
          <label htmlFor={yearId}>{t('skp.year')}</label>
          <select id={yearId} value={year} onChange={(e) => update('year', e.target.value)}>
            {yearOptions().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-item">
          <label htmlFor={statusId}>{t('approve.status')}</label>
          <select id={statusId} value={status} onChange={(e) => update('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {SKP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`skp.status.${s}`)}
              </option>
            ))}
            <option value="none">{t('skp.status.none')}</option>
          </select>
        </div>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="alert alert-info">{t('approve.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption className="visually-hidden">{t('approve.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.member')}</th>
                <th scope="col">{t('approve.status')}</th>
                <th scope="col">{t('approve.rhkCount')}</th>
                <th scope="col">{t('skp.submittedAt')}</th>
                <th scope="col">{t('cycle.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.nip}>
                  <td data-label={t('team.member')}>
                    <strong>{i.name}</strong>
                    <br />
                    <span className="small muted">{i.jabatan}</span>
                  </td>
                  <td data-label={t('approve.status')}>
                    <SkpStatusBadge status={i.skp?.status ?? null} />
                  </td>
                  <td data-label={t('approve.rhkCount')}>{i.skp?.rhk_count ?? 0}</td>
                  <td data-label={t('skp.submittedAt')}>{i.skp?.submitted_at ? dateTime(i.skp.submitted_at) : t('common.none')}</td>
                  <td data-label={t('cycle.actions')}>
                    {i.skp && (
                      <Link className="btn btn-secondary btn-small" to={`/tim/skp/${i.nip}?year=${year}`}>
                        {t('approve.review', { name: i.name })}
                      </Link>
                    )}
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
