// HR reports of development: plan items per unit (overdue highlighted), training hours per
// unit against the 20 JP target (chart + table), angka kredit per unit and year (CSV export).
import { lazy, Suspense, useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDecimal } from '../../../components/numbers';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { Pagination } from '../../../components/Pagination';
import { useItems, useUnitHours } from '../api/development';
import { downloadAngkaKreditCsv, saveBlob, useUnitAngkaKredit } from '../api/talent';
import { CareerNav } from './CareerNav';
import { UnitFilter, YearFilter, useFilterParams } from './Filters';
import { useDate, useEnumLabel } from './format';

const HoursChart = lazy(() => import('./HoursChart'));
const PER_PAGE = 20;

export function ReportsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('career.reports.title'));
  const fid = useId();
  const { params, unitCode, year, update } = useFilterParams();
  // Local state as well as the URL: the router applies URL changes in a transition, and a
  // controlled checkbox must not spring back meanwhile.
  const [overdue, setOverdue] = useState(params.get('overdue') === '1');
  const page = Math.max(1, Number(params.get('page')) || 1);

  return (
    <section className="page career" aria-labelledby="rep-title">
      <CareerNav />
      <div className="page-head">
        <h1 id="rep-title">{t('career.reports.title')}</h1>
      </div>
      <p className="muted">{t('career.reports.intro')}</p>
      <div className="toolbar" role="search">
        <UnitFilter id={`${fid}-unit`} value={unitCode} onChange={(v) => update({ unit: v })} />
        <YearFilter id={`${fid}-year`} value={year} onChange={(v) => update({ year: String(v) })} />
      </div>
      <PlanItemsReport
        unitCode={unitCode}
        overdue={overdue}
        page={page}
        onOverdue={(v) => {
          setOverdue(v);
          update({ overdue: v ? '1' : '' });
        }}
        onPage={(p) => update({ page: String(p) })}
      />
      <HoursReport unitCode={unitCode} year={year} />
      <AkReport unitCode={unitCode} year={year} />
    </section>
  );
}

function PlanItemsReport({
  unitCode,
  overdue,
  page,
  onOverdue,
  onPage,
}: {
  unitCode: string;
  overdue: boolean;
  page: number;
  onOverdue: (v: boolean) => void;
  onPage: (p: number) => void;
}) {
  const { t } = useI18n();
  const date = useDate();
  const label = useEnumLabel();
  const fid = useId();
  const items = useItems({ unitCode, overdue, page, perPage: PER_PAGE });
  return (
    <section className="card" aria-labelledby={`${fid}-h`}>
      <h2 id={`${fid}-h`}>{t('career.reports.plans')}</h2>
      <div className="field-check">
        <input id={`${fid}-late`} type="checkbox" checked={overdue} onChange={(e) => onOverdue(e.target.checked)} />
        <label htmlFor={`${fid}-late`}>{t('career.reports.onlyOverdue')}</label>
      </div>
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <>
          <div className="table-wrap" aria-busy={items.isFetching}>
            <table className="stack">
              <caption>
                {t(overdue ? 'career.reports.plansCaptionLate' : 'career.reports.plansCaption', {
                  n: items.data.meta.total,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('career.col.name')}</th>
                  <th scope="col">{t('field.unit')}</th>
                  <th scope="col">{t('career.item.title')}</th>
                  <th scope="col">{t('career.item.due')}</th>
                  <th scope="col">{t('career.item.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.data.items.length === 0 && (
                  <tr>
                    <td colSpan={5}>{t('career.reports.noItems')}</td>
                  </tr>
                )}
                {items.data.items.map((i) => (
                  <tr key={i.id} data-testid="report-item" className={i.overdue ? 'row-late' : undefined}>
                    <td data-label={t('career.col.name')}>
                      {i.name ?? t('common.none')}
                      <br />
                      <span className="mono small">{i.nip}</span>
                    </td>
                    <td data-label={t('field.unit')}>{i.unit_code ?? t('common.none')}</td>
                    <td data-label={t('career.item.title')}>
                      {i.title} <span className="badge">{label('kind', i.kind)}</span>
                    </td>
                    <td data-label={t('career.item.due')}>
                      {date(i.due_on)}
                      {i.overdue && (
                        <>
                          {' '}
                          <span className="badge badge-late">{t('career.item.overdue')}</span>
                        </>
                      )}
                    </td>
                    <td data-label={t('career.item.status')}>
                      {label('status', i.status)}
                      {i.completed_on && <span className="muted small"> {date(i.completed_on)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.data.meta.total > PER_PAGE && (
            <Pagination page={page} perPage={PER_PAGE} total={items.data.meta.total} onPage={onPage} />
          )}
        </>
      )}
    </section>
  );
}

function HoursReport({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const fid = useId();
  const hours = useUnitHours(unitCode, year);
  const rows = hours.data?.items ?? [];
  const met = rows.filter((r) => r.met).length;
  return (
    <section className="card" aria-labelledby={`${fid}-h`}>
      <h2 id={`${fid}-h`}>{t('career.reports.hours', { year })}</h2>
      {hours.isPending ? (
        <Loading />
      ) : hours.isError ? (
        <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">{t('career.reports.noHours')}</p>
      ) : (
        <>
          <p>
            {t('career.reports.hoursSummary', { met, total: rows.length, target: hours.data.target_jp })}
          </p>
          <figure className="chart" aria-labelledby={`${fid}-cap`}>
            <figcaption id={`${fid}-cap`} className="chart-caption">
              {t('career.reports.hoursChart', { target: hours.data.target_jp })}
            </figcaption>
            <Suspense fallback={<Loading />}>
              <HoursChart rows={rows} target={hours.data.target_jp} />
            </Suspense>
          </figure>
          <div className="table-wrap" aria-busy={hours.isFetching}>
            <table className="stack">
              <caption>{t('career.reports.hoursCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('career.col.name')}</th>
                  <th scope="col">{t('field.unit')}</th>
                  <th scope="col" className="num">
                    {t('career.hours.jp')}
                  </th>
                  <th scope="col">{t('career.reports.target')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.nip}>
                    <td data-label={t('career.col.name')}>
                      {r.name}
                      <br />
                      <span className="mono small">{r.nip}</span>
                    </td>
                    <td data-label={t('field.unit')}>{r.unit_code}</td>
                    <td className="num" data-label={t('career.hours.jp')}>
                      {r.completed_jp}
                    </td>
                    <td data-label={t('career.reports.target')}>
                      <span className={`badge ${r.met ? 'badge-ok' : 'badge-off'}`}>
                        {r.met ? t('career.reports.met') : t('career.reports.notMet')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function AkReport({ unitCode, year }: { unitCode: string; year: number }) {
  const { t, errorText } = useI18n();
  const dec = useDecimal();
  const label = useEnumLabel();
  const fid = useId();
  const ak = useUnitAngkaKredit(unitCode, year);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);

  const download = async () => {
    setBusy(true);
    setNotice(null);
    try {
      saveBlob(await downloadAngkaKreditCsv(unitCode, year), `angka-kredit-${year}${unitCode ? `-${unitCode}` : ''}.csv`);
      setNotice({ text: t('career.download.done'), tone: 'success' });
    } catch (err) {
      setNotice({ text: errorText(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${fid}-h`}>
      <div className="page-head">
        <h2 id={`${fid}-h`}>{t('career.reports.ak', { year })}</h2>
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void download()}>
          {busy ? t('career.download.pending') : t('career.reports.akExport')}
        </button>
      </div>
      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />
      {ak.isPending ? (
        <Loading />
      ) : ak.isError ? (
        <ErrorState error={ak.error} onRetry={() => void ak.refetch()} />
      ) : (
        <>
          <p className="muted small">{ak.data.formula}</p>
          <div className="table-wrap" aria-busy={ak.isFetching}>
            <table className="stack">
              <caption>{t('career.reports.akCaption', { year, n: ak.data.items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('career.col.name')}</th>
                  <th scope="col">{t('career.col.jabatan')}</th>
                  <th scope="col" className="num">
                    {t('career.reports.coefficient')}
                  </th>
                  <th scope="col" className="num">
                    {t('career.reports.periods')}
                  </th>
                  <th scope="col" className="num">
                    {t('career.reports.totalAk')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ak.data.items.length === 0 && (
                  <tr>
                    <td colSpan={5}>{t('career.reports.noAk')}</td>
                  </tr>
                )}
                {ak.data.items.map((r) => (
                  <tr key={r.nip}>
                    <td data-label={t('career.col.name')}>
                      {r.name}
                      <br />
                      <span className="mono small">{r.nip}</span> <span className="muted small">· {r.unit_code}</span>
                    </td>
                    <td data-label={t('career.col.jabatan')}>
                      {r.jabatan}
                      {r.jenjang && <span className="muted small"> ({label('jenjang', r.jenjang)})</span>}
                    </td>
                    <td className="num" data-label={t('career.reports.coefficient')}>
                      {r.coefficient != null ? dec(r.coefficient, 2, 0) : t('common.none')}
                    </td>
                    <td className="num" data-label={t('career.reports.periods')}>
                      {r.periods}
                    </td>
                    <td className="num" data-label={t('career.reports.totalAk')}>
                      <strong>{dec(r.total_ak, 3, 2)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
