// One 360 form: the seven BerAKHLAK values scored 1–5 (radio groups, the value's indicators
// as help), optional comments, save as draft or submit before the deadline.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useDateTime } from '../../../components/numbers';
import { MyNav } from './CycleNav';
import { ErrorSummary, useDate, type Problem } from './ui';
import { useBerakhlak, type BerakhlakValue } from '../api/common';
import { formStatus, useForm360, useSaveForm360, type Form360 } from '../api/f360';
import { VALUE_CODES, daysUntil } from '../domain';

const SCORES = [1, 2, 3, 4, 5] as const;

export function Form360Page() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const form = useForm360(id);
  const values = useBerakhlak();
  useDocumentTitle(t('f360.formTitle'));
  return (
    <section className="page" aria-labelledby="form360-title">
      <MyNav />
      <p>
        <Link to="/kinerja/360">← {t('f360.backToInbox')}</Link>
      </p>
      {form.isPending || values.isPending ? (
        <Loading />
      ) : form.isError ? (
        <ErrorState error={form.error} onRetry={() => void form.refetch()} />
      ) : values.isError ? (
        <ErrorState error={values.error} onRetry={() => void values.refetch()} />
      ) : (
        <Form360Editor key={form.data.id} form={form.data} values={values.data} />
      )}
    </section>
  );
}

function valueCode(v: BerakhlakValue): string {
  return String(v.code);
}

export function Form360Editor({ form, values }: { form: Form360; values: BerakhlakValue[] }) {
  const { t, lang, errorText } = useI18n();
  const date = useDate();
  const dateTime = useDateTime();
  const [scores, setScores] = useState<Record<string, number>>(form.scores ?? {});
  const [comments, setComments] = useState<Record<string, string>>(form.comments ?? {});
  const [overall, setOverall] = useState(form.overall_comment ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const save = useSaveForm360(form.id);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const readOnly = !form.editable || form.status === 'submitted';
  const ordered = [...values].sort((a, b) => a.number - b.number);
  const codes = ordered.length ? ordered.map(valueCode) : [...VALUE_CODES];
  const left = form.deadline ? daysUntil(form.deadline) : null;
  const name = form.group === 'self' ? t('f360.yourself') : form.ratee.name;

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const body = (submit: boolean) => {
    const c: Record<string, string> = {};
    for (const [k, v] of Object.entries(comments)) if (v.trim()) c[k] = v.trim();
    return { scores, comments: c, overall_comment: overall.trim() || null, submit };
  };

  const nameOf = (code: string) => {
    const v = ordered.find((x) => valueCode(x) === code);
    return v ? (lang === 'en' ? v.name_en : v.name) : code;
  };

  const onServerError = (err: unknown) => {
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
      const fe: Record<string, string> = {};
      const list: Problem[] = [];
      for (const [path, msgs] of Object.entries(err.fields)) {
        const [kind, code] = path.split('.');
        const id = kind === 'scores' && code ? `score-${code}-1` : kind === 'comments' && code ? `comment-${code}` : kind === 'overall_comment' ? 'overall-comment' : `score-${codes[0]}-1`;
        fe[id] = msgs.join(' ');
        list.push({ id, message: `${code ? nameOf(code) : t('f360.scoresLabel')}: ${msgs.join(' ')}` });
      }
      setFieldErrors(fe);
      setProblems(list);
    } else {
      setFailure(errorText(err));
    }
  };

  const onDraft = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setFailure(null);
    setProblems([]);
    setFieldErrors({});
    save.mutate(body(false), { onSuccess: () => setNotice(t('f360.draftSaved')), onError: onServerError });
  };

  const askSubmit = () => {
    setNotice(null);
    setFailure(null);
    const missing = codes.filter((c) => !scores[c]);
    if (missing.length > 0) {
      const fe: Record<string, string> = {};
      for (const c of missing) fe[`score-${c}-1`] = t('f360.scoreRequired');
      setFieldErrors(fe);
      setProblems(missing.map((c) => ({ id: `score-${c}-1`, message: t('f360.scoreMissing', { value: nameOf(c) }) })));
      return;
    }
    setProblems([]);
    setFieldErrors({});
    setConfirm(true);
  };

  const doSubmit = () =>
    save.mutate(body(true), {
      onSuccess: () => {
        setConfirm(false);
        setNotice(t('f360.submitted'));
        // After the confirmation dialog has closed and returned focus to its opener.
        setTimeout(() => titleRef.current?.focus(), 0);
      },
      onError: (err) => {
        setConfirm(false);
        onServerError(err);
      },
    });

  return (
    <>
      <div className="page-head">
        <h1 id="form360-title" ref={titleRef} tabIndex={-1}>
          {t('f360.formFor', { name })}
        </h1>
      </div>
      <dl className="deflist card">
        <dt>{t('f360.ratee')}</dt>
        <dd>
          {form.ratee.name} · {form.ratee.jabatan} · {form.ratee.unit_name}
        </dd>
        <dt>{t('f360.as')}</dt>
        <dd>{t(`group.${form.group}`)}</dd>
        <dt>{t('cycle.period')}</dt>
        <dd>{form.period_name}</dd>
        <dt>{t('f360.deadline')}</dt>
        <dd>
          {form.deadline ? date(form.deadline) : t('f360.noDeadline')}
          {left !== null && left >= 0 && !readOnly && <span className="muted"> · {t('f360.daysLeft', { n: left })}</span>}
        </dd>
        <dt>{t('f360.status')}</dt>
        <dd>
          {t(`f360.status.${formStatus(form)}`)}
          {form.submitted_at && ` · ${dateTime(form.submitted_at)}`}
        </dd>
      </dl>
      {form.group !== 'self' && form.group !== 'supervisor' && <p className="alert alert-info">{t('f360.anonymous')}</p>}
      {readOnly && form.status !== 'submitted' && <p className="alert alert-info">{t('f360.closed')}</p>}
      <FormAlert message={notice} tone="success" />
      <FormAlert message={failure} />
      {form.status === 'submitted' ? (
        // A submitted response is sealed: the server never sends its answers back.
        <p className="alert alert-success" role="status">
          {t('f360.sealed')}
        </p>
      ) : (
      <form onSubmit={onDraft} noValidate>
        <ErrorSummary problems={problems} />
        <p className="muted small">{t('f360.scale')}</p>
        {codes.map((code) => {
          const v = ordered.find((x) => valueCode(x) === code);
          const indicators = v ? (lang === 'en' ? v.indicators_en : v.indicators) : [];
          const err = fieldErrors[`score-${code}-1`];
          return (
            <fieldset key={code} className={`card value-fieldset${err ? ' field-invalid' : ''}`} aria-describedby={`help-${code}${err ? ` err-${code}` : ''}`}>
              <legend>
                {v ? `${v.number}. ` : ''}
                {nameOf(code)}
              </legend>
              <ul id={`help-${code}`} className="small muted value-help">
                {indicators.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
              <div className="score-row">
                {SCORES.map((s) => (
                  <label key={s} className="choice-item score-item">
                    <input
                      type="radio"
                      id={`score-${code}-${s}`}
                      name={`score-${code}`}
                      value={s}
                      checked={scores[code] === s}
                      disabled={readOnly}
                      onChange={() => setScores((prev) => ({ ...prev, [code]: s }))}
                    />
                    <span>
                      {s} <span className="small muted">{t(`score.${s}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
              {err && (
                <p id={`err-${code}`} className="field-error">
                  {err}
                </p>
              )}
              <div className="field">
                <label htmlFor={`comment-${code}`}>{t('f360.commentFor', { value: nameOf(code) })}</label>
                <textarea
                  id={`comment-${code}`}
                  rows={2}
                  maxLength={1000}
                  disabled={readOnly}
                  value={comments[code] ?? ''}
                  onChange={(e) => setComments((prev) => ({ ...prev, [code]: e.target.value }))}
                />
              </div>
            </fieldset>
          );
        })}
        <div className="field">
          <label htmlFor="overall-comment">{t('f360.overall')}</label>
          <textarea
            id="overall-comment"
            rows={3}
            maxLength={2000}
            disabled={readOnly}
            value={overall}
            onChange={(e) => setOverall(e.target.value)}
          />
        </div>
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary" disabled={save.isPending}>
              {save.isPending && !confirm ? t('common.saving') : t('f360.saveDraft')}
            </button>
            <button type="button" className="btn btn-primary" disabled={save.isPending} onClick={askSubmit}>
              {t('f360.submit')}
            </button>
          </div>
        )}
      </form>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('f360.submitTitle')}
          confirmLabel={t('f360.submitConfirm')}
          pending={save.isPending}
          onConfirm={doSubmit}
          onCancel={() => setConfirm(false)}
        >
          <p>{t('f360.submitBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
