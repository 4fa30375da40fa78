// "Periode": the periods of a year, and (HR/admin) creating a new one.
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { usePeriods } from '../api/periods';
import { PeriodForm } from './PeriodForm';
import { StateBadge } from './StateBadge';
import { useShortDate } from './format';

export function PeriodsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('hr.periods.title'));
  const fid = useId();
  const short = useShortDate();
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me);
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear;
  const periods = usePeriods(year);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const years = Array.from(new Set([thisYear + 1, thisYear, thisYear - 1, thisYear - 2, year])).sort((a, b) => b - a);
  const notSet = t('hr.periods.notSet');

  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <div className="page-head">
        <h1 id={`${fid}-title`}>{t('hr.periods.title')}</h1>
        {canWrite && !creating && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('hr.periods.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('hr.periods.intro')}</p>
      {!canWrite && <p className="note">{t('hr.periods.readOnly')}</p>}
      <FormAlert message={notice} tone="success" />

      {creating && (
        <PeriodForm
          year={year}
          onCancel={() => setCreating(false)}
          onDone={(p) => {
            setCreating(false);
            setNotice(t('hr.form.created', { name: p.name }));
            if (p.year !== year) setParams({ year: String(p.year) });
          }}
        />
      )}

      <div className="toolbar" role="search">
        <div className="toolbar-item">
          <label htmlFor={`${fid}-year`}>{t('hr.periods.year')}</label>
          <select id={`${fid}-year`} value={year} onChange={(e) => setParams({ year: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>

      {periods.isPending ? (
        <Loading />
      ) : periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      ) : (
        <TableWrap label={t('hr.periods.title')} busy={periods.isFetching}>
          <table className="stack">
            <caption>{t('hr.periods.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.periods.name')}</th>
                <th scope="col">{t('hr.periods.dates')}</th>
                <th scope="col">{t('hr.periods.state')}</th>
                <th scope="col">{t('hr.periods.run360')}</th>
                <th scope="col">{t('hr.periods.deadline360')}</th>
                <th scope="col">{t('hr.periods.evaluationDeadline')}</th>
                <th scope="col">{t('hr.periods.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.data.items.length === 0 && (
                <tr>
                  <td colSpan={7}>{t('hr.periods.empty', { year })}</td>
                </tr>
              )}
              {periods.data.items.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('hr.periods.name')}>
                    <strong>{p.name}</strong>
                  </td>
                  <td data-label={t('hr.periods.dates')}>
                    {t('hr.periods.range', { from: short(p.starts_on) ?? '', to: short(p.ends_on) ?? '' })}
                  </td>
                  <td data-label={t('hr.periods.state')}>
                    <StateBadge state={p.state} />
                  </td>
                  <td data-label={t('hr.periods.run360')}>{p.run_360 ? t('common.yes') : t('common.no')}</td>
                  <td data-label={t('hr.periods.deadline360')}>{p.run_360 ? (short(p.deadline_360) ?? notSet) : t('common.none')}</td>
                  <td data-label={t('hr.periods.evaluationDeadline')}>{short(p.evaluation_deadline) ?? notSet}</td>
                  <td data-label={t('hr.periods.actions')}>
                    <div>
                      <Link className="btn btn-secondary btn-small" to={`/hr/periods/${p.id}`}>
                        {t('hr.periods.open')}
                        <span className="visually-hidden"> — {p.name}</span>
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
