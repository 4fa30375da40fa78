// "Progres": per unit, who has not yet finished what — supervisor evaluations (with links to
// each unit's distribution curve), the employees who block finalisation and publication
// (with an exemption dialog for HR), and 360 forms (units and the raters still owing forms).
import { lazy, Suspense, useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { UnitSelect, useAllUnits } from '../../../components/UnitSelect';
import { usePeriod, type Period } from '../api/periods';
import { useResults, type ResultRow } from '../api/results';
import { useProgress360, useUnitEmployees, useUnitSkpProgress } from '../api/raters';
import { usePeriodUnits, type UnitSummary } from '../api/distribution';
import { PeriodNav } from './PeriodNav';
import { BlockersTable } from './Blockers';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import type { ResultStatus } from '../../../api/types';

const StackedBars = lazy(() => import('./ProgressCharts').then((m) => ({ default: m.StackedBars })));

const COLORS = { final: '#146c2e', draft: '#b58105', none: '#aab3c0', submitted: '#0f4c81', pending: '#b42318' };

/** A unit's evaluations counted per result status (one count for every ResultStatus). */
export interface UnitEvaluations extends Record<ResultStatus, number> {
  unit_code: string;
  unit_name: string;
  employees: number | null;
}

/** Counts evaluations per unit by status; units with employees but no evaluation are included. */
export function evaluationsPerUnit(
  rows: readonly ResultRow[],
  units: readonly { code: string; name: string; employee_count: number }[],
  onlyUnit: string,
): UnitEvaluations[] {
  const byUnit = new Map<string, UnitEvaluations>();
  const unitInfo = new Map(units.map((u) => [u.code, u]));
  const entry = (code: string) => {
    let e = byUnit.get(code);
    if (!e) {
      const info = unitInfo.get(code);
      e = { unit_code: code, unit_name: info?.name ?? code, employees: info?.employee_count ?? null, draft: 0, final: 0, published: 0, under_appeal: 0 };
      byUnit.set(code, e);
    }
    return e;
  };
  for (const u of units) if (u.employee_count > 0 && (!onlyUnit || u.code === onlyUnit)) entry(u.code);
  for (const r of rows) {
    const e = entry(r.unit_code);
    e[r.status] += 1;
  }
  return [...byUnit.values()].sort((a, b) => a.unit_code.localeCompare(b.unit_code));
}

export function ProgressPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  useDocumentTitle(t('hr.progress.title'));
  const period = usePeriod(id);
  const fid = useId();
  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <PeriodNav period={period.data} />
      <h1 id={`${fid}-title`}>{t('hr.progress.title')}</h1>
      <p className="muted">{t('hr.progress.intro')}</p>
      {period.isPending ? (
        <Loading />
      ) : period.isError ? (
        <ErrorState error={period.error} onRetry={() => void period.refetch()} />
      ) : (
        <Progress period={period.data} />
      )}
    </section>
  );
}

function Progress({ period }: { period: Period }) {
  const { t } = useI18n();
  const fid = useId();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  return (
    <>
      <div className="toolbar" role="search">
        <div className="toolbar-item grow">
          <label htmlFor={`${fid}-unit`}>{t('hr.progress.unitFilter')}</label>
          <UnitSelect
            id={`${fid}-unit`}
            value={unit}
            onChange={(v) => setParams(v ? { unit: v } : {}, { replace: true })}
            emptyLabel={t('common.all')}
          />
        </div>
      </div>
      <EvaluationProgress period={period} unit={unit} />
      <Blockers period={period} unit={unit} />
      {unit ? <SkpProgress periodId={period.id} unit={unit} /> : <p className="note">{t('hr.progress.skpChooseUnit')}</p>}
      {period.run_360 ? (
        <Progress360 periodId={period.id} unit={unit} />
      ) : (
        <p className="alert alert-info">{t('hr.progress.no360')}</p>
      )}
    </>
  );
}

function EvaluationProgress({ period, unit }: { period: Period; unit: string }) {
  const { t } = useI18n();
  const fid = useId();
  const results = useResults(period.id, unit);
  const units = useAllUnits();
  const curves = usePeriodUnits(period.id);
  if (results.isPending || units.isPending) return <Loading />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const rows = evaluationsPerUnit(results.data.items, units.data ?? [], unit);
  const curveOf = new Map((curves.data?.items ?? []).map((c) => [c.unit_code, c]));
  for (const c of curves.data?.items ?? []) {
    if ((!unit || c.unit_code === unit) && !rows.some((r) => r.unit_code === c.unit_code))
      rows.push({ unit_code: c.unit_code, unit_name: c.unit_name, employees: null, draft: 0, final: 0, published: 0, under_appeal: 0 });
  }
  const rated = (r: UnitEvaluations) => r.draft + r.final + r.published + r.under_appeal;
  const done = (r: UnitEvaluations) => r.final + r.published + r.under_appeal;
  const notRated = (r: UnitEvaluations) => (r.employees === null ? null : Math.max(0, r.employees - rated(r)));
  const chart = rows.map((r) => ({ unit: r.unit_code, name: r.unit_name, final: done(r), draft: r.draft, none: notRated(r) ?? 0 }));

  return (
    <article className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.progress.eval')}</h2>
      {rows.length === 0 ? (
        <p>{t('hr.progress.empty')}</p>
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <StackedBars
              caption={t('hr.progress.evalChart')}
              data={chart}
              series={[
                { key: 'final', label: t('hr.progress.final'), color: COLORS.final },
                { key: 'draft', label: t('hr.progress.draft'), color: COLORS.draft },
                { key: 'none', label: t('hr.progress.notRated'), color: COLORS.none },
              ]}
            />
          </Suspense>
          <div className="table-wrap" aria-busy={results.isFetching}>
            <table className="stack">
              <caption>{t('hr.progress.evalCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hr.progress.unit')}</th>
                  <th scope="col" className="num">{t('hr.progress.employees')}</th>
                  <th scope="col" className="num">{t('hr.progress.notRated')}</th>
                  <th scope="col" className="num">{t('hr.progress.draft')}</th>
                  <th scope="col" className="num">{t('hr.progress.final')}</th>
                  <th scope="col" className="num">{t('hr.progress.published')}</th>
                  <th scope="col" className="num">{t('hr.progress.underAppeal')}</th>
                  <th scope="col">{t('hr.dist.orgResult')}</th>
                  <th scope="col">{t('hr.progress.distribution')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.unit_code}>
                    <td data-label={t('hr.progress.unit')}>
                      {r.unit_name} <span className="muted mono small">({r.unit_code})</span>
                    </td>
                    <td className="num" data-label={t('hr.progress.employees')}>{r.employees ?? t('common.none')}</td>
                    <td className="num" data-label={t('hr.progress.notRated')}>{notRated(r) ?? t('common.none')}</td>
                    <td className="num" data-label={t('hr.progress.draft')}>{r.draft}</td>
                    <td className="num" data-label={t('hr.progress.final')}>{r.final}</td>
                    <td className="num" data-label={t('hr.progress.published')}>{r.published}</td>
                    <td className="num" data-label={t('hr.progress.underAppeal')}>{r.under_appeal}</td>
                    <td data-label={t('hr.dist.orgResult')}>
                      <CurveStatus summary={curveOf.get(r.unit_code)} />
                    </td>
                    <td data-label={t('hr.progress.distribution')}>
                      <div>
                        <Link to={`/hr/periods/${period.id}/units/${encodeURIComponent(r.unit_code)}`}>
                          {t('hr.progress.distribution')}
                          <span className="visually-hidden"> — {r.unit_name}</span>
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}

/** Who blocks finalisation and publication: active employees with neither a final
 * evaluation nor an exemption, per unit (from the period overview). */
function Blockers({ period, unit }: { period: Period; unit: string }) {
  const { t } = useI18n();
  const fid = useId();
  const me = useMe();
  const curves = usePeriodUnits(period.id);
  if (curves.isPending) return <Loading />;
  if (curves.isError) return <ErrorState error={curves.error} onRetry={() => void curves.refetch()} />;
  const blockers = curves.data.items.filter((u) => !unit || u.unit_code === unit).flatMap((u) => u.blockers);
  const canExempt = canWriteMasterData(me.data) && period.state !== 'published';
  return (
    <article className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.blockers.title')}</h2>
      <p className="muted">{t('hr.blockers.intro')}</p>
      {blockers.length > 0 && <p aria-live="polite">{t('hr.blockers.count', { n: blockers.length })}</p>}
      <BlockersTable periodId={period.id} blockers={blockers} canExempt={canExempt} />
    </article>
  );
}

/** Per employee of one unit: the SKP's status and how many indicators have a realisasi. */
function SkpProgress({ periodId, unit }: { periodId: string; unit: string }) {
  const { t } = useI18n();
  const fid = useId();
  const employees = useUnitEmployees(unit);
  const list = employees.data?.items ?? [];
  const progress = useUnitSkpProgress(
    periodId,
    list.map((e) => e.nip),
  );
  if (employees.isPending) return <Loading />;
  if (employees.isError) return <ErrorState error={employees.error} onRetry={() => void employees.refetch()} />;
  const approved = progress.filter((q) => q.data?.skp === 'approved').length;
  const submitted = progress.filter((q) => q.data?.skp === 'submitted').length;
  return (
    <article className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.progress.skp')}</h2>
      <p aria-live="polite">{t('hr.progress.skpSummary', { n: list.length, approved, submitted })}</p>
      <div className="table-wrap">
        <table className="stack">
          <caption>{t('hr.progress.skpCaption', { unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hr.assign.employee')}</th>
              <th scope="col">{t('hr.progress.skpStatus')}</th>
              <th scope="col" className="num">{t('hr.progress.realisasi')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e, i) => {
              const q = progress[i];
              const d = q?.data;
              return (
                <tr key={e.nip}>
                  <td data-label={t('hr.assign.employee')}>
                    <div>
                      {e.full_name} <span className="muted mono small">{e.nip}</span>
                    </div>
                  </td>
                  <td data-label={t('hr.progress.skpStatus')}>
                    {q?.isError
                      ? t('common.errorTitle')
                      : !d
                        ? t('common.loading')
                        : d.skp
                          ? t(`hr.skp.${d.skp}`)
                          : t('hr.skp.none')}
                  </td>
                  <td className="num" data-label={t('hr.progress.realisasi')}>
                    {d ? t('hr.progress.realisasiOf', { filled: d.filled, total: d.indicators }) : t('common.none')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </article>
  );
}

function CurveStatus({ summary }: { summary: UnitSummary | undefined }) {
  const { t } = useI18n();
  if (!summary) return <>{t('hr.dist.orgNone')}</>;
  return (
    <>
      {summary.org_result ? t(`hr.org.${summary.org_result}`) : t('hr.dist.orgNone')}{' '}
      {summary.finalised ? (
        <span className="badge badge-ok">{t('hr.progress.finalised')}</span>
      ) : (
        <span className="badge">{t('hr.progress.notFinalised')}</span>
      )}
      {summary.conforms === false && <span className="badge badge-off">{t('hr.dist.broken')}</span>}
    </>
  );
}

function Progress360({ periodId, unit }: { periodId: string; unit: string }) {
  const { t } = useI18n();
  const fid = useId();
  const progress = useProgress360(periodId, unit);
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  const { units, raters } = progress.data;
  return (
    <>
      <article className="card" aria-labelledby={`${fid}-units`}>
        <h2 id={`${fid}-units`}>{t('hr.progress.360')}</h2>
        {units.length === 0 ? (
          <p>{t('hr.progress.empty')}</p>
        ) : (
          <>
            <Suspense fallback={<Loading />}>
              <StackedBars
                caption={t('hr.progress.360Chart')}
                data={units.map((u) => ({ unit: u.unit_code, name: u.unit_name, submitted: u.submitted, pending: u.pending }))}
                series={[
                  { key: 'submitted', label: t('hr.progress.submitted'), color: COLORS.submitted },
                  { key: 'pending', label: t('hr.progress.pending'), color: COLORS.pending },
                ]}
              />
            </Suspense>
            <div className="table-wrap" aria-busy={progress.isFetching}>
              <table className="stack">
                <caption>{t('hr.progress.360Caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hr.progress.unit')}</th>
                    <th scope="col" className="num">{t('hr.progress.assigned')}</th>
                    <th scope="col" className="num">{t('hr.progress.submitted')}</th>
                    <th scope="col" className="num">{t('hr.progress.pending')}</th>
                    <th scope="col" className="num">{t('hr.progress.awaiting')}</th>
                  </tr>
                </thead>
                <tbody>
                  {units.map((u) => (
                    <tr key={u.unit_code}>
                      <td data-label={t('hr.progress.unit')}>
                        {u.unit_name} <span className="muted mono small">({u.unit_code})</span>
                      </td>
                      <td className="num" data-label={t('hr.progress.assigned')}>{u.assigned}</td>
                      <td className="num" data-label={t('hr.progress.submitted')}>{u.submitted}</td>
                      <td className="num" data-label={t('hr.progress.pending')}>{u.pending}</td>
                      <td className="num" data-label={t('hr.progress.awaiting')}>{u.awaiting_approval}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </article>
      <article className="card" aria-labelledby={`${fid}-raters`}>
        <h2 id={`${fid}-raters`}>{t('hr.progress.raters')}</h2>
        {raters.length === 0 ? (
          <p>{t('hr.progress.noPending')}</p>
        ) : (
          <div className="table-wrap">
            <table className="stack">
              <caption>{t('hr.progress.ratersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hr.progress.unit')}</th>
                  <th scope="col" className="num">{t('hr.progress.raterCount')}</th>
                  <th scope="col" className="num">{t('hr.progress.pendingForms')}</th>
                </tr>
              </thead>
              <tbody>
                {raters.map((r) => (
                  <tr key={r.unit_code}>
                    <td data-label={t('hr.progress.unit')}>
                      {r.unit_name} <span className="muted mono small">{r.unit_code}</span>
                    </td>
                    <td className="num" data-label={t('hr.progress.raterCount')}>{r.raters}</td>
                    <td className="num" data-label={t('hr.progress.pendingForms')}>{r.pending}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </article>
    </>
  );
}
