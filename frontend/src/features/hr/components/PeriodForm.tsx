// Creates a period: a quarter (or a month) of a year with its 360 round and deadlines.
import { useId, useState, type FormEvent } from 'react';
import { ApiError, type FieldErrors } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { addDays, periodSpan, useCreatePeriod, type Period } from '../api/periods';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { useShortDate } from './format';
import type { PeriodKind } from '../../../api/types';

const ROMAN = ['I', 'II', 'III', 'IV'];
/** How long after the period's end a deadline may lie (the server's rule). */
export const DEADLINE_GRACE_DAYS = 60;

interface Props {
  year: number;
  onDone: (p: Period) => void;
  onCancel: () => void;
}

export function PeriodForm({ year: initialYear, onDone, onCancel }: Props) {
  const { t, lang, errorText } = useI18n();
  const fid = useId();
  const short = useShortDate();
  const [year, setYear] = useState(String(initialYear));
  const [kind, setKind] = useState<PeriodKind>('quarterly');
  const [number, setNumber] = useState(1);
  const [run360, setRun360] = useState(true);
  const [deadline360, setDeadline360] = useState('');
  const [evaluationDeadline, setEvaluationDeadline] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const create = useCreatePeriod();

  const y = Number(year);
  const yearOk = Number.isInteger(y) && y >= 2000 && y <= 2100;
  const span = periodSpan(yearOk ? y : initialYear, kind, number);
  const latest = addDays(span.ends_on, DEADLINE_GRACE_DAYS);
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long' }).format(new Date(2000, m - 1, 1));
  const f = (name: string) => `${fid}-${name}`;

  const labels: Record<string, string> = {
    year: t('hr.periods.year'),
    starts_on: t('hr.form.startsOn'),
    ends_on: t('hr.form.endsOn'),
    kind: t('hr.form.kind'),
    deadline_360: t('hr.form.deadline360'),
    evaluation_deadline: t('hr.form.evaluationDeadline'),
  };
  const ids: Record<string, string> = {
    year: f('year'),
    kind: f('kind'),
    starts_on: f('number'),
    ends_on: f('number'),
    deadline_360: f('deadline360'),
    evaluation_deadline: f('evaldeadline'),
  };
  const summary: SummaryItem[] = Object.entries(errors).flatMap(([k, msgs]) =>
    msgs.map((m) => ({ id: ids[k] ?? f('year'), label: labels[k] ?? k, message: m })),
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: FieldErrors = {};
    if (!yearOk) next.year = [t('hr.form.yearInvalid')];
    const range = t('hr.form.deadlineRange', { from: short(span.starts_on) ?? '', to: short(latest) ?? '' });
    if (deadline360 && (deadline360 < span.starts_on || deadline360 > latest)) next.deadline_360 = [range];
    if (evaluationDeadline && (evaluationDeadline < span.starts_on || evaluationDeadline > latest))
      next.evaluation_deadline = [range];
    setErrors(next);
    setAttempt((a) => a + 1);
    if (Object.keys(next).length > 0) {
      setFormError(null);
      return;
    }
    setFormError(null);
    create.mutate(
      {
        year: y,
        kind,
        ...span,
        run_360: run360,
        deadline_360: run360 && deadline360 ? deadline360 : null,
        evaluation_deadline: evaluationDeadline || null,
      },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
            setErrors(err.fields);
            setAttempt((a) => a + 1);
          }
          setFormError(errorText(err));
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={f('title')}>
      <h2 id={f('title')}>{t('hr.form.title')}</h2>
      <ErrorSummary items={summary} focusKey={attempt} />
      <FormAlert message={formError} />
      <div className="form-grid">
        <Field id={f('year')} label={t('hr.periods.year')} required errors={errors.year}>
          <input
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </Field>
        <Field id={f('kind')} label={t('hr.form.kind')} required errors={errors.kind}>
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value === 'monthly' ? 'monthly' : 'quarterly');
              setNumber(1);
            }}
          >
            <option value="quarterly">{t('hr.form.quarterly')}</option>
            <option value="monthly">{t('hr.form.monthly')}</option>
          </select>
        </Field>
        <Field
          id={f('number')}
          label={kind === 'quarterly' ? t('hr.form.quarter') : t('hr.form.month')}
          required
          hint={`${t('hr.periods.range', { from: short(span.starts_on) ?? '', to: short(span.ends_on) ?? '' })}. ${t('hr.form.spanHint')}`}
          errors={[...(errors.starts_on ?? []), ...(errors.ends_on ?? [])]}
        >
          <select value={number} onChange={(e) => setNumber(Number(e.target.value))}>
            {(kind === 'quarterly' ? [1, 2, 3, 4] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).map((n) => (
              <option key={n} value={n}>
                {kind === 'quarterly' ? `${t('hr.form.quarterly')} ${ROMAN[n - 1]}` : monthName(n)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field field-check">
        <input id={f('run360')} type="checkbox" checked={run360} onChange={(e) => setRun360(e.target.checked)} aria-describedby={f('run360-hint')} />
        <label htmlFor={f('run360')}>{t('hr.form.run360')}</label>
      </div>
      <p id={f('run360-hint')} className="field-hint">
        {t('hr.form.run360Hint')}
      </p>
      <div className="form-grid">
        {run360 && (
          <Field
            id={f('deadline360')}
            label={t('hr.form.deadline360')}
            hint={t('hr.form.deadlineHint', { from: short(span.starts_on) ?? '', to: short(latest) ?? '' })}
            errors={errors.deadline_360}
          >
            <input type="date" min={span.starts_on} max={latest} value={deadline360} onChange={(e) => setDeadline360(e.target.value)} />
          </Field>
        )}
        <Field
          id={f('evaldeadline')}
          label={t('hr.form.evaluationDeadline')}
          hint={t('hr.form.deadlineHint', { from: short(span.starts_on) ?? '', to: short(latest) ?? '' })}
          errors={errors.evaluation_deadline}
        >
          <input
            type="date"
            min={span.starts_on}
            max={latest}
            value={evaluationDeadline}
            onChange={(e) => setEvaluationDeadline(e.target.value)}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('hr.form.creating') : t('hr.form.create')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
