// "Kurva Distribusi": for a unit the supervisor leads (or leads from above), the predikat
// counts against the limits of its organisational result, what breaks, setting the result
// and finalising (with an override reason when the curve is broken).
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMe } from '../../../lib/auth/auth';
import { ApiError } from '../../../lib/api/errors';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useDecimal, useDateTime } from '../../../components/numbers';
import { useAllUnits } from '../../../components/UnitSelect';
import { TeamNav } from './CycleNav';
import { PeriodSelect, usePeriodParam } from './PeriodSelect';
import { ErrorSummary, PredikatBadge } from './ui';
import { ORG_RESULTS, useDistribution, useFinalise, useSetOrgResult, useTeam, type Distribution, type OrgResult } from '../api/results';
import { PREDIKATS } from '../domain';

export function CurvePage() {
  const { t } = useI18n();
  useDocumentTitle(t('curve.title'));
  const { data: me } = useMe();
  const { periods, list, period, setPeriod } = usePeriodParam((p) => p.state !== 'draft');
  const team = useTeam(period?.id);
  const [params, setParams] = useSearchParams();
  const unitId = useId();
  const allUnits = useAllUnits();
  // Units the supervisor leads: those of their direct subordinates (the units one level
  // down, whose organisational result they set) and their own.
  const units = new Map<string, string>();
  const nameOf = (code: string) => allUnits.data?.find((u) => u.code === code)?.name ?? code;
  for (const m of team.data?.items ?? []) {
    if (m.unit_code !== me?.employee?.unit_code) units.set(m.unit_code, nameOf(m.unit_code));
  }
  if (me?.employee) units.set(me.employee.unit_code, me.employee.unit_name);
  // Choose only once the team is known, so no request goes out for a unit merely first in line.
  const unit = team.data ? (params.get('unit') ?? [...units.keys()][0] ?? '') : '';
  const dist = useDistribution(period?.id, unit);

  return (
    <section className="page" aria-labelledby="curve-title">
      <TeamNav />
      <div className="page-head">
        <h1 id="curve-title">{t('curve.title')}</h1>
      </div>
      <p className="muted">{t('curve.intro')}</p>
      {periods.isPending ? (
        <Loading />
      ) : periods.isError ? (
        <ErrorState error={periods.error} />
      ) : !period ? (
        <p className="alert alert-info">{t('cycle.noPeriods')}</p>
      ) : (
        <>
          <div className="toolbar">
            <PeriodSelect periods={list} value={period.id} onChange={setPeriod} />
            <div className="toolbar-item">
              <label htmlFor={unitId}>{t('curve.unit')}</label>
              <select
                id={unitId}
                value={unit}
                onChange={(e) =>
                  setParams(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      next.set('unit', e.target.value);
                      return next;
                    },
                    { replace: true },
                  )
                }
              >
                {[...units.entries()].map(([code, name]) => (
                  <option key={code} value={code}>
                    {name === code ? code : `${name} (${code})`}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {team.isPending ? (
            <Loading />
          ) : !unit ? (
            <p className="alert alert-info">{t('curve.noUnits')}</p>
          ) : dist.isPending ? (
            <Loading />
          ) : dist.isError ? (
            <ErrorState error={dist.error} onRetry={() => void dist.refetch()} />
          ) : (
            <CurveView key={`${period.id}:${unit}`} d={dist.data} periodId={period.id} periodOpen={period.state !== 'published'} />
          )}
        </>
      )}
    </section>
  );
}

function CurveView({ d, periodId, periodOpen }: { d: Distribution; periodId: string; periodOpen: boolean }) {
  const { t, errorText } = useI18n();
  const decimal = useDecimal();
  const dateTime = useDateTime();
  const fid = useId();
  const setOrg = useSetOrgResult(periodId, d.unit_code);
  const finalise = useFinalise(periodId, d.unit_code);
  const [org, setOrgValue] = useState<OrgResult | ''>(d.org_result ?? '');
  const [override, setOverride] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const broken = d.rules.filter((r) => !r.satisfied);
  const needsOverride = d.needs_override;
  const editable = !d.finalised && periodOpen;

  const onSetOrg = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setFailure(null);
    if (!org) {
      setErrors({ [`${fid}-org-istimewa`]: t('curve.chooseOrg') });
      return;
    }
    setErrors({});
    setOrg.mutate(org, { onSuccess: () => setNotice(t('curve.orgSaved')), onError: (err) => setFailure(errorText(err)) });
  };

  const onFinalise = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setFailure(null);
    const reason = override.trim();
    if (needsOverride && reason.length < 10) {
      setErrors({ [`${fid}-override`]: t('curve.overrideRequired') });
      return;
    }
    setErrors({});
    finalise.mutate(reason || null, {
      onSuccess: () => setNotice(t('curve.finalised')),
      onError: (err) => {
        if (err instanceof ApiError && err.fields.override_reason) {
          setErrors({ [`${fid}-override`]: err.fields.override_reason.join(' ') });
        } else setFailure(errorText(err));
      },
    });
  };

  return (
    <>
      <FormAlert message={notice} tone="success" />
      <FormAlert message={failure} />
      <section className="card" aria-labelledby={`${fid}-counts`}>
        <h2 id={`${fid}-counts`}>
          {d.unit_name} · {t('curve.employees', { n: d.employees })}
        </h2>
        {d.finalised && (
          <p className="alert alert-success">
            {t('curve.isFinal')}
            {d.finalised_at && ` · ${dateTime(d.finalised_at)}`}
            {d.override_reason && ` · ${t('curve.overrideWas', { reason: d.override_reason })}`}
          </p>
        )}
        <div className="table-wrap">
          <table className="curve">
            <caption className="visually-hidden">{t('curve.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hasil.predikat')}</th>
                <th scope="col">{t('curve.count')}</th>
                <th scope="col">{t('curve.percent')}</th>
                <th scope="col" aria-hidden="true"></th>
              </tr>
            </thead>
            <tbody>
              {PREDIKATS.map((p) => (
                <tr key={p}>
                  <th scope="row" data-label={t('hasil.predikat')}>
                    <PredikatBadge predikat={p} />
                  </th>
                  <td data-label={t('curve.count')}>{d.counts[p] ?? 0}</td>
                  <td data-label={t('curve.percent')}>{decimal(d.percentages[p] ?? 0, 1)}%</td>
                  <td aria-hidden="true" className="bar-cell">
                    <span className="bar" style={{ width: `${Math.min(100, d.percentages[p] ?? 0)}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {d.evaluations_not_final > 0 && <p className="alert alert-info">{t('curve.notFinal', { n: d.evaluations_not_final })}</p>}
      </section>

      <section className="card" aria-labelledby={`${fid}-rules`}>
        <h2 id={`${fid}-rules`}>{t('curve.rules')}</h2>
        {!d.org_result ? (
          <p className="muted">{t('curve.noOrg')}</p>
        ) : (
          <>
            <p>
              {t('curve.orgResult')}: <strong>{t(`org.${d.org_result}`)}</strong> ·{' '}
              {d.conforms ? (
                <span className="badge badge-ok">{t('curve.conforms')}</span>
              ) : (
                <span className="badge badge-off">{t('curve.breaks', { n: broken.length })}</span>
              )}
            </p>
            {d.warning && <p className="alert alert-info">{d.warning}</p>}
            <ul className="rules">
              {d.rules.map((r) => (
                <li key={r.rule} className={r.satisfied ? 'rule-ok' : 'rule-broken'}>
                  <span aria-hidden="true">{r.satisfied ? '✓' : '✗'}</span>{' '}
                  <span className="visually-hidden">{r.satisfied ? t('curve.ruleOk') : t('curve.ruleBroken')}: </span>
                  {r.rule} — {t(`curve.kind.${r.kind}`, { limit: r.limit, actual: r.actual })}
                  {r.message && <span className="small"> · {r.message}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {editable && (
        <form onSubmit={onSetOrg} noValidate className="card">
          <h2>{t('curve.setOrg')}</h2>
          <ErrorSummary problems={Object.entries(errors).filter(([k]) => k.includes('-org-')).map(([id, message]) => ({ id, message }))} />
          <fieldset className="choice">
            <legend>{t('curve.orgResult')}</legend>
            {ORG_RESULTS.map((o) => (
              <label key={o} className="choice-item">
                <input type="radio" id={`${fid}-org-${o}`} name={`${fid}-org`} checked={org === o} onChange={() => setOrgValue(o)} />
                {t(`org.${o}`)}
              </label>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary" disabled={setOrg.isPending}>
              {setOrg.isPending ? t('common.saving') : t('curve.saveOrg')}
            </button>
          </div>
        </form>
      )}

      {editable && d.org_result && (
        <form onSubmit={onFinalise} noValidate className="card">
          <h2>{t('curve.finaliseTitle')}</h2>
          <ErrorSummary problems={Object.entries(errors).filter(([k]) => k.endsWith('-override')).map(([id, message]) => ({ id, message }))} />
          {needsOverride && <p className="alert alert-error">{t('curve.overrideIntro')}</p>}
          {d.small_unit && !d.conforms && <p className="alert alert-info">{t('curve.smallUnit')}</p>}
          {(needsOverride || override) && (
            <div className={`field${errors[`${fid}-override`] ? ' field-invalid' : ''}`}>
              <label htmlFor={`${fid}-override`}>
                {t('curve.overrideReason')}
                {needsOverride && (
                  <span className="required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                )}
              </label>
              <textarea
                id={`${fid}-override`}
                rows={3}
                maxLength={2000}
                aria-required={needsOverride || undefined}
                aria-invalid={errors[`${fid}-override`] ? true : undefined}
                value={override}
                onChange={(e) => setOverride(e.target.value)}
              />
              <p className="field-hint">{t('curve.overrideHint')}</p>
              {errors[`${fid}-override`] && <p className="field-error">{errors[`${fid}-override`]}</p>}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={finalise.isPending}>
              {finalise.isPending ? t('common.saving') : t('curve.finalise')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
