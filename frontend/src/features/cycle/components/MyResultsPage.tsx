// "Hasil Saya": published results per period (predikat, matrix, why), the 360 summary, the
// citizen index, feedback and coaching received, and the appeal right.
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMe } from '../../../lib/auth/auth';
import { ApiError } from '../../../lib/api/errors';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { Dialog } from '../../../components/Dialog';
import { useDecimal, useDateTime } from '../../../components/numbers';
import { MyNav } from './CycleNav';
import { PredikatBadge, PredikatMatrix, useDate } from './ui';
import { Summary360View } from './Summary360View';
import { AppealView } from './AppealView';
import { NotesList } from './NotesList';
import { PdfButton } from './PdfButton';
import { CoachingList } from './CoachingList';
import { useCitizenIndex, useMyResults, type MyResult } from '../api/results';
import { useSummary360 } from '../api/f360';
import { useBerakhlak } from '../api/common';
import { useAppeal, useFileAppeal } from '../api/appeals';
import { daysUntil } from '../domain';

export function MyResultsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('hasil.title'));
  const { data: me } = useMe();
  const nip = me?.employee?.nip;
  const results = useMyResults(!!nip);
  const [params, setParams] = useSearchParams();
  const selectId = useId();
  // The server lists the newest period first.
  const items = results.data?.items ?? [];
  const chosen = items.find((r) => r.period.id === params.get('period')) ?? items[0];

  return (
    <section className="page" aria-labelledby="hasil-title">
      <MyNav />
      <div className="page-head">
        <h1 id="hasil-title">{t('hasil.title')}</h1>
      </div>
      {!nip ? (
        <p className="alert alert-info">{t('cycle.noEmployee')}</p>
      ) : (
        <>
          {results.isPending ? (
            <Loading />
          ) : results.isError ? (
            <ErrorState error={results.error} onRetry={() => void results.refetch()} />
          ) : items.length === 0 ? (
            <p className="alert alert-info" role="status">
              {t('hasil.none')}
            </p>
          ) : (
            <>
              <div className="toolbar">
                <div className="toolbar-item">
                  <label htmlFor={selectId}>{t('cycle.period')}</label>
                  <select
                    id={selectId}
                    value={chosen?.period.id}
                    onChange={(e) => setParams({ period: e.target.value }, { replace: true })}
                  >
                    {items.map((r) => (
                      <option key={r.period.id} value={r.period.id}>
                        {r.period.name}
                      </option>
                    ))}
                  </select>
                </div>
                {chosen && (
                  <PdfButton
                    label={t('doc.evaluasiPdf')}
                    doc={{
                      kind: 'evaluasi',
                      nip,
                      periodId: chosen.period.id,
                      fileTag: `${chosen.period.year}-${chosen.period.kind === 'monthly' ? `B${String(chosen.period.number).padStart(2, '0')}` : `TW${chosen.period.number}`}`,
                    }}
                  />
                )}
              </div>
              {chosen && <ResultCard key={chosen.period.id} result={chosen} nip={nip} />}
            </>
          )}
          <CitizenIndexCard nip={nip} period={chosen?.period} />
          <section className="card" aria-labelledby="notes-title">
            <h2 id="notes-title">{t('notes.received')}</h2>
            <NotesList nip={nip} />
          </section>
          <section className="card" aria-labelledby="coaching-title">
            <h2 id="coaching-title">{t('coaching.received')}</h2>
            <CoachingList nip={nip} canRate />
          </section>
        </>
      )}
    </section>
  );
}

function ResultCard({ result, nip }: { result: MyResult; nip: string }) {
  const { t } = useI18n();
  const decimal = useDecimal();
  const summary = useSummary360(result.period.id, nip);
  const values = useBerakhlak();
  const r = result;
  return (
    <>
      <section className="card result-card" aria-labelledby="result-title">
        <h2 id="result-title">{t('hasil.resultFor', { period: r.period.name })}</h2>
        <p className="predikat-big" aria-live="polite">
          {t('hasil.predikat')}: <PredikatBadge predikat={r.predikat.value} />
        </p>
        {r.status === 'under_appeal' && <p className="alert alert-info">{t('hasil.underAppeal')}</p>}
        <dl className="deflist">
          <dt>{t('rating.hasilKerja')}</dt>
          <dd>{t(`rating.${r.rating_hasil_kerja.value}`)}</dd>
          <dt>{t('rating.perilaku')}</dt>
          <dd>{t(`rating.${r.rating_perilaku.value}`)}</dd>
          <dt>{t('hasil.penilai')}</dt>
          <dd>
            {r.penilai.name} · {r.penilai.jabatan}
          </dd>
          {r.mean_360 != null && (
            <>
              <dt>{t('hasil.mean360')}</dt>
              <dd>
                {decimal(r.mean_360)}
                {r.suggested_perilaku && ` → ${t('s360.suggestion')}: ${t(`rating.${r.suggested_perilaku.value}`)}`}
              </dd>
            </>
          )}
          {r.justification && (
            <>
              <dt>{t('hasil.justification')}</dt>
              <dd>{r.justification}</dd>
            </>
          )}
        </dl>
        <h3>{t('hasil.why')}</h3>
        <MatrixExplanation cell={r.matrix} />
        <PredikatMatrix hasil={r.rating_hasil_kerja.value} perilaku={r.rating_perilaku.value} />
      </section>
      <AppealSection result={r} nip={nip} />
      <section className="card" aria-labelledby="s360-section">
        <span id="s360-section" className="visually-hidden">
          {t('s360.title')}
        </span>
        {summary.isPending ? (
          <Loading />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <Summary360View summary={summary.data} values={values.data} />
        )}
      </section>
    </>
  );
}

function AppealSection({ result, nip }: { result: MyResult; nip: string }) {
  const { t } = useI18n();
  const date = useDate();
  const [open, setOpen] = useState(false);
  const appeal = useAppeal(result.appeal?.id);
  const left = result.appeal_deadline ? daysUntil(result.appeal_deadline) : null;
  return (
    <section className="card" aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t('appeal.title')}</h2>
      {result.appeal ? (
        appeal.isPending ? (
          <Loading />
        ) : appeal.isError ? (
          <ErrorState error={appeal.error} onRetry={() => void appeal.refetch()} />
        ) : (
          <AppealView appeal={appeal.data} as="employee" />
        )
      ) : result.can_appeal ? (
        <>
          <p>
            {t('appeal.right')}{' '}
            {result.appeal_deadline && (
              <strong>{t('appeal.until', { date: date(result.appeal_deadline), n: Math.max(0, left ?? 0) })}</strong>
            )}
          </p>
          <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
            {t('appeal.file')}
          </button>
        </>
      ) : (
        <p className="muted">
          {result.appeal_deadline ? t('appeal.closed', { date: date(result.appeal_deadline) }) : t('appeal.notAvailable')}
        </p>
      )}
      {open && <AppealDialog result={result} nip={nip} onClose={() => setOpen(false)} />}
    </section>
  );
}

function AppealDialog({ result, nip, onClose }: { result: MyResult; nip: string; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const file = useFileAppeal(result.period.id, nip);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!reasons.trim()) {
      setError(t('common.required'));
      document.getElementById(`${fid}-r`)?.focus();
      return;
    }
    setError(null);
    file.mutate(reasons.trim(), {
      onSuccess: onClose,
      onError: (err) => {
        if (err instanceof ApiError && err.fields.reasons) setError(err.fields.reasons.join(' '));
        else setFailure(errorText(err));
      },
    });
  };
  return (
    <Dialog title={t('appeal.formTitle', { period: result.period.name })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <p className="dialog-body">{t('appeal.formIntro')}</p>
        <FormAlert message={failure} />
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${fid}-r`}>
            {t('appeal.reasons')}
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <textarea
            id={`${fid}-r`}
            rows={5}
            maxLength={4000}
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fid}-e` : undefined}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
          {error && (
            <p id={`${fid}-e`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={file.isPending}>
            {file.isPending ? t('common.saving') : t('appeal.send')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The citizen index of the selected period (its first to last day); the last months without one. */
function CitizenIndexCard({ nip, period }: { nip: string; period: MyResult['period'] | undefined }) {
  const { t } = useI18n();
  const decimal = useDecimal();
  const dateTime = useDateTime();
  const q = useCitizenIndex(nip, period ? { from: period.starts_on, to: period.ends_on } : undefined);
  return (
    <section className="card" aria-labelledby="citizen-title">
      <h2 id="citizen-title">{t('hasil.citizen')}</h2>
      {period && <p className="small muted">{t('hasil.citizenPeriod', { period: period.name })}</p>}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.sufficient && q.data.index ? (
        <>
          <p className="ikm-number">
            <strong>{decimal(q.data.index.konversi)}</strong> · {q.data.index.mutu} {q.data.index.mutu_label}
          </p>
          <p className="small">
            {t('hasil.citizenFormula', {
              u6: decimal(q.data.index.u6_nrr),
              u7: decimal(q.data.index.u7_nrr),
              index: decimal(q.data.index.konversi),
            })}
          </p>
          <p className="small muted">{t('hasil.respondents', { n: q.data.respondents })}</p>
        </>
      ) : (
        <p className="muted">{t('hasil.citizenNotEnough', { n: q.data.respondents, min: q.data.min_respondents })}</p>
      )}
      {q.data && q.data.comments.length > 0 && (
        <ul className="comments">
          {q.data.comments.slice(0, 5).map((c) => (
            <li key={c.id} className="comment-item">
              <p className="small muted">{dateTime(c.created_at)}</p>
              <p>{c.comment}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Why this predikat?" written in the reader's language from the matrix cell's codes. */
export function MatrixExplanation({ cell }: { cell: MyResult['matrix'] }) {
  const { t } = useI18n();
  const hk = t(`rating.${cell.row}`);
  const pk = t(`rating.${cell.column}`);
  return (
    <p>
      {t('hasil.whyText', { hk, pk, predikat: t(`predikat.${cell.predikat}`) })}
      {cell.note && ` ${t(`hasil.whyNote.${cell.note}`)}`}
    </p>
  );
}
