// "Realisasi": per period, the employee records what was achieved for each indicator and
// attaches bukti dukung (links and files).
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMe } from '../../../lib/auth/auth';
import { ApiError } from '../../../lib/api/errors';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useDateTime } from '../../../components/numbers';
import { MyNav } from './CycleNav';
import { PeriodSelect, usePeriodParam } from './PeriodSelect';
import { SkpStatusBadge } from './ui';
import { useTargetText } from './SkpView';
import {
  downloadEvidence,
  useAddLink,
  useDeleteEvidence,
  useRealisasi,
  useSaveRealisasi,
  useUploadEvidence,
  type Evidence,
  type RealisasiIndicator,
  type RealisasiSheet,
} from '../api/realisasi';
import { checkEvidenceFile, DEFAULT_MAX_UPLOAD_BYTES, evidenceContentType, EVIDENCE_ACCEPT, formatBytes } from '../domain';
import { parseDecimal } from '../skpDraft';

export function RealisasiPage() {
  const { t } = useI18n();
  useDocumentTitle(t('realisasi.title'));
  const { data: me } = useMe();
  const nip = me?.employee?.nip;
  const { periods, list, period, setPeriod } = usePeriodParam((p) => p.state !== 'draft');
  const sheet = useRealisasi(period?.id, nip);

  return (
    <section className="page" aria-labelledby="realisasi-title">
      <MyNav />
      <div className="page-head">
        <h1 id="realisasi-title">{t('realisasi.title')}</h1>
      </div>
      <p className="muted">{t('realisasi.intro')}</p>
      {periods.isPending ? (
        <Loading />
      ) : periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      ) : !period ? (
        <p className="alert alert-info">{t('cycle.noPeriods')}</p>
      ) : (
        <>
          <div className="toolbar">
            <PeriodSelect periods={list} value={period.id} onChange={setPeriod} />
          </div>
          {!nip ? (
            <p className="alert alert-info">{t('cycle.noEmployee')}</p>
          ) : sheet.isPending ? (
            <Loading />
          ) : sheet.isError ? (
            <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />
          ) : (
            <RealisasiSheetView sheet={sheet.data} periodId={period.id} nip={nip} editable={sheet.data.can_edit} />
          )}
        </>
      )}
    </section>
  );
}

export function RealisasiSheetView({
  sheet,
  periodId,
  nip,
  editable,
}: {
  sheet: RealisasiSheet;
  periodId: string;
  nip: string;
  editable: boolean;
}) {
  const { t } = useI18n();
  if (!sheet.skp) {
    return (
      <p className="alert alert-info">
        {t('realisasi.noSkp', { year: sheet.period.year })}{' '}
        {editable && <Link to={`/kinerja/skp?year=${sheet.period.year}`}>{t('skp.title')}</Link>}
      </p>
    );
  }
  return (
    <>
      <p>
        {t('realisasi.skpStatus')} <SkpStatusBadge status={sheet.skp.status} />
      </p>
      {sheet.skp.status !== 'approved' && <p className="alert alert-info">{t('realisasi.notApproved')}</p>}
      {sheet.period.state !== 'open' && <p className="alert alert-info">{t('realisasi.periodNotOpen')}</p>}
      {sheet.rhk.map((r) => (
        <section key={r.id} className="card rhk-card" aria-labelledby={`rr-${r.id}`}>
          <h2 id={`rr-${r.id}`} className="rhk-head">
            <span className={r.kind === 'utama' ? 'badge badge-info' : 'badge'}>{t(`skp.kind.${r.kind}`)}</span>{' '}
            {r.description}
          </h2>
          {r.indicators.map((i) => (
            <IndicatorBlock key={i.id} indicator={i} periodId={periodId} nip={nip} editable={editable} />
          ))}
        </section>
      ))}
    </>
  );
}

function IndicatorBlock({
  indicator,
  periodId,
  nip,
  editable,
}: {
  indicator: RealisasiIndicator;
  periodId: string;
  nip: string;
  editable: boolean;
}) {
  const { t, errorText } = useI18n();
  const target = useTargetText();
  const dateTime = useDateTime();
  const fid = useId();
  const r = indicator.realisasi;
  const numeric = indicator.target_value !== null && indicator.target_value !== undefined;
  const [value, setValue] = useState(r ? (numeric ? (r.value_number?.toString() ?? '') : (r.value_text ?? '')) : '');
  const [note, setNote] = useState(r?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const save = useSaveRealisasi(periodId, nip);

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setError(null);
    const v = value.trim();
    if (!v) {
      setError(t('common.required'));
      document.getElementById(`${fid}-value`)?.focus();
      return;
    }
    let body;
    if (numeric) {
      const n = parseDecimal(v);
      if (n === null) {
        setError(t('cycle.notNumber'));
        document.getElementById(`${fid}-value`)?.focus();
        return;
      }
      body = { value_number: n, note: note.trim() || null };
    } else {
      body = { value_text: v, note: note.trim() || null };
    }
    save.mutate(
      { indicatorId: indicator.id, body },
      {
        onSuccess: () => setStatus(t('realisasi.saved')),
        onError: (err) => {
          const fieldMsg = err instanceof ApiError ? (err.fields.value_number ?? err.fields.value_text) : undefined;
          setError(fieldMsg ? fieldMsg.join(' ') : errorText(err));
        },
      },
    );
  };

  return (
    <div className="indicator-block">
      <h3 className="indicator-title">{indicator.description}</h3>
      <p className="small muted">
        {t(`skp.aspect.${indicator.aspect}`)} · {t('skp.target')}: <strong>{target(indicator)}</strong>
      </p>
      {editable ? (
        <form onSubmit={onSave} noValidate className="realisasi-form">
          <div className={`field${error ? ' field-invalid' : ''}`}>
            <label htmlFor={`${fid}-value`}>
              {t('realisasi.value', { indicator: indicator.description })}
              {numeric && indicator.target_unit ? ` (${indicator.target_unit})` : ''}
            </label>
            <input
              id={`${fid}-value`}
              inputMode={numeric ? 'decimal' : undefined}
              value={value}
              maxLength={2000}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fid}-error` : undefined}
              onChange={(e) => setValue(e.target.value)}
            />
            {error && (
              <p id={`${fid}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${fid}-note`}>{t('realisasi.note')}</label>
            <textarea id={`${fid}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('realisasi.save')}
            </button>
            <span role="status" aria-live="polite" className="small">
              {status}
            </span>
          </div>
        </form>
      ) : (
        <dl className="deflist">
          <dt>{t('realisasi.achieved')}</dt>
          <dd>{r ? (r.value_number ?? r.value_text ?? t('common.none')) : <span className="muted">{t('realisasi.notYet')}</span>}</dd>
          {r?.note && (
            <>
              <dt>{t('realisasi.note')}</dt>
              <dd>{r.note}</dd>
            </>
          )}
        </dl>
      )}
      {r && (
        <p className="small muted">
          {t('realisasi.updatedAt', { when: dateTime(r.updated_at) })}
        </p>
      )}
      <EvidenceList
        realisasiId={r?.id ?? null}
        evidence={r?.evidence ?? []}
        periodId={periodId}
        nip={nip}
        editable={editable}
        label={indicator.description}
      />
    </div>
  );
}

function EvidenceList({
  realisasiId,
  evidence,
  periodId,
  nip,
  editable,
  label,
}: {
  realisasiId: string | null;
  evidence: Evidence[];
  periodId: string;
  nip: string;
  editable: boolean;
  label: string;
}) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const addLink = useAddLink(periodId, nip);
  const upload = useUploadEvidence(periodId, nip);
  const del = useDeleteEvidence(periodId, nip);
  const [url, setUrl] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const onAddLink = (e: FormEvent) => {
    e.preventDefault();
    if (!realisasiId) return;
    setStatus(null);
    const v = url.trim();
    if (!/^https?:\/\/\S+$/i.test(v) || v.length > 2000) {
      setLinkError(t('evidence.badUrl'));
      document.getElementById(`${fid}-url`)?.focus();
      return;
    }
    setLinkError(null);
    addLink.mutate(
      { realisasiId, url: v },
      {
        onSuccess: () => {
          setUrl('');
          setStatus(t('evidence.added'));
        },
        onError: (err) => setLinkError(err instanceof ApiError && err.fields.url ? err.fields.url.join(' ') : errorText(err)),
      },
    );
  };

  const onFile = () => {
    const file = fileRef.current?.files?.[0];
    if (!file || !realisasiId) return;
    setStatus(null);
    const problem = checkEvidenceFile(file, DEFAULT_MAX_UPLOAD_BYTES);
    if (problem) {
      setFileError(
        problem.kind === 'empty'
          ? t('evidence.empty')
          : problem.kind === 'too_large'
            ? t('evidence.tooLarge', { max: formatBytes(problem.max) })
            : t('evidence.badType'),
      );
      return;
    }
    setFileError(null);
    upload.mutate(
      { realisasiId, file, contentType: evidenceContentType(file)! },
      {
        onSuccess: () => {
          if (fileRef.current) fileRef.current.value = '';
          setStatus(t('evidence.uploaded', { name: file.name }));
        },
        onError: (err) => setFileError(errorText(err)),
      },
    );
  };

  return (
    <div className="evidence">
      <h4>{t('evidence.title')}</h4>
      {evidence.length === 0 ? (
        <p className="small muted">{t('evidence.none')}</p>
      ) : (
        <ul className="evidence-list">
          {evidence.map((e) => (
            <li key={e.id}>
              {e.kind === 'link' && e.url ? (
                <a href={e.url} target="_blank" rel="noopener noreferrer">
                  {e.url}
                </a>
              ) : (
                <button
                  type="button"
                  className="btn btn-link"
                  onClick={() => void downloadEvidence(e).catch((err: unknown) => setFileError(errorText(err)))}
                >
                  {t('evidence.download', { name: e.file_name ?? '' })}
                </button>
              )}
              {e.size_bytes != null && <span className="small muted"> · {formatBytes(e.size_bytes)}</span>}
              {editable && (
                <button
                  type="button"
                  className="btn btn-link btn-small danger"
                  disabled={del.isPending && del.variables === e.id}
                  onClick={() =>
                    del.mutate(e.id, {
                      onSuccess: () => setStatus(t('evidence.deleted')),
                      onError: (err) => setFileError(errorText(err)),
                    })
                  }
                >
                  {t('evidence.delete', { name: e.file_name ?? e.url ?? '' })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable &&
        (realisasiId ? (
          <div className="evidence-add">
            <form onSubmit={onAddLink} noValidate className="inline-form">
              <div className={`field${linkError ? ' field-invalid' : ''}`}>
                <label htmlFor={`${fid}-url`}>{t('evidence.link', { indicator: label })}</label>
                <input
                  id={`${fid}-url`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={url}
                  maxLength={2000}
                  aria-invalid={linkError ? true : undefined}
                  aria-describedby={linkError ? `${fid}-url-error` : undefined}
                  onChange={(e) => setUrl(e.target.value)}
                />
                {linkError && (
                  <p id={`${fid}-url-error`} className="field-error">
                    {linkError}
                  </p>
                )}
              </div>
              <button type="submit" className="btn btn-secondary btn-small" disabled={addLink.isPending}>
                {t('evidence.addLink')}
              </button>
            </form>
            <div className={`field${fileError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${fid}-file`}>{t('evidence.file', { indicator: label })}</label>
              <input
                ref={fileRef}
                id={`${fid}-file`}
                type="file"
                accept={EVIDENCE_ACCEPT}
                aria-describedby={`${fid}-file-hint${fileError ? ` ${fid}-file-error` : ''}`}
                aria-invalid={fileError ? true : undefined}
                onChange={onFile}
                disabled={upload.isPending}
              />
              <p id={`${fid}-file-hint`} className="field-hint">
                {t('evidence.fileHint', { max: formatBytes(DEFAULT_MAX_UPLOAD_BYTES) })}
              </p>
              {fileError && (
                <p id={`${fid}-file-error`} className="field-error">
                  {fileError}
                </p>
              )}
            </div>
          </div>
        ) : (
          <p className="small muted">{t('evidence.saveFirst')}</p>
        ))}
      <FormAlert message={status} tone="success" />
    </div>
  );
}
