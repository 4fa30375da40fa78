// A unit's distribution curve in a period, for HR: the spread of predikat, the rules of the
// organisational result and whether they hold; HR/admin may set the result and finalise.
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDateTime, useDecimal } from '../../../components/numbers';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { usePeriod } from '../api/periods';
import { ORG_RESULTS, useDistribution, useFinaliseUnit, useSetOrgResult, type Distribution, type OrgResult } from '../api/distribution';
import { PREDIKATS } from './predikat';
import { PeriodNav } from './PeriodNav';
import { BlockersList } from './Blockers';

export function DistributionPage() {
  const { id = '', code = '' } = useParams();
  const { t } = useI18n();
  const period = usePeriod(id);
  const dist = useDistribution(id, code);
  const unitName = dist.data?.unit_name ?? code;
  useDocumentTitle(t('hr.dist.title', { unit: unitName }));
  const fid = useId();
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me) && period.data?.state !== 'published';

  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <PeriodNav period={period.data} />
      <p className="small">
        <Link to={`/hr/periods/${id}/progress`}>← {t('hr.sub.progress')}</Link>
      </p>
      <h1 id={`${fid}-title`}>{t('hr.dist.title', { unit: unitName })}</h1>
      <p className="muted">{t('hr.dist.intro')}</p>
      {dist.isPending ? (
        <Loading />
      ) : dist.isError ? (
        <ErrorState error={dist.error} onRetry={() => void dist.refetch()} />
      ) : (
        <DistributionView periodId={id} code={code} dist={dist.data} canWrite={canWrite} />
      )}
    </section>
  );
}

function DistributionView({ periodId, code, dist, canWrite }: { periodId: string; code: string; dist: Distribution; canWrite: boolean }) {
  const { t } = useI18n();
  const dec = useDecimal();
  const dateTime = useDateTime();
  const fid = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const [finalising, setFinalising] = useState(false);
  const editable = canWrite && !dist.finalised;

  return (
    <>
      <FormAlert message={notice} tone="success" />
      <article className="card" aria-labelledby={`${fid}-org`}>
        <h2 id={`${fid}-org`}>{t('hr.dist.orgResult')}</h2>
        <p>
          <strong>{dist.org_result ? t(`hr.org.${dist.org_result}`) : t('hr.dist.orgNone')}</strong>
        </p>
        {editable && <OrgResultForm periodId={periodId} code={code} current={dist.org_result ?? null} onSaved={() => setNotice(t('hr.dist.orgSaved'))} />}
        {!canWrite && <p className="note">{t('hr.dist.readOnly')}</p>}
      </article>

      <article className="card" aria-labelledby={`${fid}-counts`}>
        <h2 id={`${fid}-counts`}>{t('hr.dist.countsCaption')}</h2>
        <p>{t('hr.dist.employees', { n: dist.employees })}</p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('hr.dist.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.dist.predikat')}</th>
                <th scope="col" className="num">{t('hr.dist.count')}</th>
                <th scope="col" className="num">{t('hr.dist.percent')}</th>
              </tr>
            </thead>
            <tbody>
              {PREDIKATS.map((p) => (
                <tr key={p}>
                  <th scope="row">{t(`help.predikat.${p}`)}</th>
                  <td className="num">{dist.counts[p]}</td>
                  <td className="num">{dec(dist.percentages[p], 1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </article>

      <article className="card" aria-labelledby={`${fid}-rules`}>
        <h2 id={`${fid}-rules`}>{t('hr.dist.rulesCaption')}</h2>
        {dist.rules.length === 0 ? (
          <p>{t('hr.dist.noRules')}</p>
        ) : (
          <>
            <p className={`alert ${dist.conforms ? 'alert-success' : 'alert-error'}`} role="status">
              {dist.conforms ? t('hr.dist.conforms') : t('hr.dist.violates')}
            </p>
            <div className="table-wrap">
              <table className="stack">
                <caption className="visually-hidden">{t('hr.dist.rulesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hr.dist.rule')}</th>
                    <th scope="col" className="num">{t('hr.dist.limit')}</th>
                    <th scope="col" className="num">{t('hr.dist.actual')}</th>
                    <th scope="col">{t('hr.dist.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dist.rules.map((r, i) => (
                    <tr key={i}>
                      <td data-label={t('hr.dist.rule')}>
                        <div>
                          {r.rule}
                          {r.message && (
                            <>
                              <br />
                              <span className="small">{r.message}</span>
                            </>
                          )}
                        </div>
                      </td>
                      <td className="num" data-label={t('hr.dist.limit')}>{r.limit ?? t('common.none')}</td>
                      <td className="num" data-label={t('hr.dist.actual')}>{r.actual}</td>
                      <td data-label={t('hr.dist.status')}>
                        <div>
                          <span className={`badge ${r.satisfied ? 'badge-ok' : 'badge-off'}`}>
                            {r.satisfied ? t('hr.dist.ok') : t('hr.dist.broken')}
                          </span>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {dist.warning && <p className="alert alert-info">{dist.warning}</p>}
        {dist.evaluations_not_final > 0 && <p className="note">{t('hr.dist.notFinal', { n: dist.evaluations_not_final })}</p>}
      </article>

      <article className="card" aria-labelledby={`${fid}-final`}>
        <h2 id={`${fid}-final`}>{t('hr.dist.finalise')}</h2>
        {dist.finalised ? (
          <>
            <p>
              <span className="badge badge-ok">{t('hr.rs.final')}</span>{' '}
              {dist.finalised_at ? t('hr.dist.finalised', { at: dateTime(dist.finalised_at) }) : null}
            </p>
            {dist.override_reason && <p className="note">{t('hr.dist.override', { reason: dist.override_reason })}</p>}
          </>
        ) : canWrite ? (
          <>
            <p className="muted small">{t('hr.dist.finaliseBody')}</p>
            <button type="button" className="btn btn-primary" onClick={() => setFinalising(true)}>
              {t('hr.dist.finalise')}
            </button>
          </>
        ) : (
          <p>{t('hr.dist.orgNone')}</p>
        )}
      </article>

      {finalising && (
        <FinaliseDialog
          periodId={periodId}
          code={code}
          dist={dist}
          onClose={() => setFinalising(false)}
          onDone={() => {
            setFinalising(false);
            setNotice(t('hr.dist.done', { unit: dist.unit_name }));
          }}
        />
      )}
    </>
  );
}

function OrgResultForm({ periodId, code, current, onSaved }: { periodId: string; code: string; current: OrgResult | null; onSaved: () => void }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [value, setValue] = useState<OrgResult | ''>(current ?? '');
  const set = useSetOrgResult(periodId, code);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!value) {
      setError(t('common.required'));
      return;
    }
    setError(null);
    set.mutate(value, { onSuccess: onSaved, onError: (err) => setError(errorText(err)) });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <Field id={`${fid}-org`} label={t('hr.dist.orgChoose')} required errors={error ? [error] : undefined}>
        <select value={value} onChange={(e) => setValue(e.target.value as OrgResult | '')}>
          <option value="">{t('hr.dist.orgNone')}</option>
          {ORG_RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`hr.org.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="btn btn-primary" disabled={set.isPending}>
        {set.isPending ? t('common.saving') : t('hr.dist.orgSave')}
      </button>
    </form>
  );
}

function FinaliseDialog({
  periodId,
  code,
  dist,
  onClose,
  onDone,
}: {
  periodId: string;
  code: string;
  dist: Distribution;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const finalise = useFinaliseUnit(periodId, code);
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const needsReason = dist.needs_override;
  const serverFieldErrors = finalise.error instanceof ApiError ? finalise.error.fields.override_reason : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const r = reason.trim();
    if ((needsReason || r) && r.length < 10) {
      setLocalError(t('hr.dist.overrideShort'));
      return;
    }
    setLocalError(null);
    finalise.mutate(r || null, { onSuccess: onDone });
  };

  return (
    <Dialog title={t('hr.dist.finaliseTitle', { unit: dist.unit_name })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          <p>{t('hr.dist.finaliseBody')}</p>
          {dist.conforms === false && <p className="alert alert-error">{t('hr.dist.violates')}</p>}
        </div>
        <div role="alert" aria-live="assertive">
          {finalise.error != null && !serverFieldErrors && (
            <div className="alert alert-error">
              {finalise.error instanceof ApiError && finalise.error.status === 409 && (
                <p className="alert-title">{t('hr.action.refused')}</p>
              )}
              <p>{errorText(finalise.error)}</p>
              {finalise.error instanceof ApiError && <BlockersList blockers={finalise.error.blockers} />}
              {finalise.error instanceof ApiError && finalise.error.code === 'unit_incomplete' && (
                <p>
                  <Link to={`/hr/periods/${periodId}/progress?unit=${encodeURIComponent(code)}`}>
                    {t('hr.action.progressHint')}
                  </Link>
                </p>
              )}
            </div>
          )}
        </div>
        <Field
          id={`${fid}-reason`}
          label={t('hr.dist.overrideReason')}
          hint={t('hr.dist.overrideHint')}
          required={needsReason}
          errors={localError ? [localError] : serverFieldErrors}
        >
          <textarea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={finalise.isPending}>
            {finalise.isPending ? t('common.saving') : t('hr.dist.finalise')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
