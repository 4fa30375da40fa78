// The supervisor turns recommendations into a development plan: choose the suggested items,
// set due dates, pick the mentor from the suggestions, or add an item of their own.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { FormAlert } from '../../../components/Status';
import { Field } from '../../../components/Field';
import { useCreatePlan } from '../api/development';
import { ITEM_KINDS, type ItemKind, type Plan, type PlanItemInput, type Recommendation } from '../api/types';
import { monthsFromToday, todayIso, useEnumLabel } from './format';

interface Row {
  key: string;
  selected: boolean;
  kind: ItemKind;
  title: string;
  trainingId: string | null;
  mentorNip: string;
  dueOn: string;
  hours: string;
  cause: string;
  /** Added by the supervisor (not suggested). */
  custom: boolean;
}

export interface Mentor {
  nip: string;
  name: string;
  jabatan: string | null;
}

const MAX_TITLE = 200;
const MAX_CAUSE = 1000;
const MAX_ITEMS = 20;

function rowsFrom(recs: readonly Recommendation[]): Row[] {
  const rows: Row[] = [];
  for (const r of recs) {
    r.actions.forEach((a, i) => {
      rows.push({
        key: `${r.key}-${i}`,
        selected: true,
        kind: a.kind === 'mentoring' ? 'mentoring' : a.kind === 'training' ? 'training' : 'other',
        title: a.title,
        trainingId: a.training_id ?? null,
        mentorNip: a.mentor_nip ?? '',
        dueOn: monthsFromToday(3),
        hours: a.hours != null ? String(a.hours) : '',
        cause: r.cause,
        custom: false,
      });
    });
  }
  return rows;
}

export function mentorsFrom(recs: readonly Recommendation[]): Mentor[] {
  const seen = new Map<string, Mentor>();
  for (const r of recs)
    for (const a of r.actions)
      if (a.mentor_nip && a.mentor_name && !seen.has(a.mentor_nip))
        seen.set(a.mentor_nip, { nip: a.mentor_nip, name: a.mentor_name, jabatan: a.mentor_jabatan ?? null });
  return [...seen.values()];
}

interface Props {
  nip: string;
  name: string;
  recommendations: readonly Recommendation[];
  periodId: string | null;
  periodName: string | null;
  onCancel: () => void;
  onCreated: (plan: Plan) => void;
}

export function PlanBuilder({ nip, name, recommendations, periodId, periodName, onCancel, onCreated }: Props) {
  const { t, errorText } = useI18n();
  const label = useEnumLabel();
  const fid = useId();
  const create = useCreatePlan(nip);
  const mentors = useMemo(() => mentorsFrom(recommendations), [recommendations]);
  const [title, setTitle] = useState(
    periodName ? t('career.builder.defaultTitle', { period: periodName }) : t('career.builder.defaultTitleNoPeriod'),
  );
  const [rows, setRows] = useState<Row[]>(() => rowsFrom(recommendations));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  const change = (key: string, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const addRow = () =>
    setRows((rs) => [
      ...rs,
      {
        key: `custom-${rs.length}-${Date.now()}`,
        selected: true,
        kind: 'other',
        title: '',
        trainingId: null,
        mentorNip: '',
        dueOn: monthsFromToday(3),
        hours: '',
        cause: recommendations[0]?.cause ?? '',
        custom: true,
      },
    ]);

  const chosen = rows.filter((r) => r.selected);

  /** Client-side checks mirroring the server's; errors keyed like the server's (`items[i].title`). */
  const validate = (): Record<string, string[]> => {
    const e: Record<string, string[]> = {};
    const push = (k: string, m: string) => (e[k] ??= []).push(m);
    if (title.trim().length > MAX_TITLE) push('title', t('career.form.maxLength', { n: MAX_TITLE }));
    if (chosen.length === 0) push('items', t('career.builder.chooseOne'));
    if (chosen.length > MAX_ITEMS) push('items', t('career.builder.tooMany', { n: MAX_ITEMS }));
    chosen.forEach((r, i) => {
      const f = (n: string) => `items[${i}].${n}`;
      if (!r.title.trim()) push(f('title'), t('common.required'));
      else if (r.title.trim().length > MAX_TITLE) push(f('title'), t('career.form.maxLength', { n: MAX_TITLE }));
      if (!r.dueOn) push(f('due_on'), t('common.required'));
      else if (r.dueOn < todayIso()) push(f('due_on'), t('career.builder.duePast'));
      if (!r.cause.trim()) push(f('cause'), t('common.required'));
      else if (r.cause.trim().length > MAX_CAUSE) push(f('cause'), t('career.form.maxLength', { n: MAX_CAUSE }));
      if (r.kind === 'mentoring' && !r.mentorNip) push(f('mentor_nip'), t('career.builder.needMentor'));
      if (r.hours.trim()) {
        const h = Number(r.hours);
        if (!Number.isInteger(h) || h < 1 || h > 500) push(f('hours'), t('career.builder.hoursRange'));
      }
    });
    return e;
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const local = validate();
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setMessage(t('common.formInvalid'));
      return;
    }
    setMessage(null);
    const items: PlanItemInput[] = chosen.map((r) => ({
      kind: r.kind,
      title: r.title.trim(),
      training_id: r.kind === 'training' ? r.trainingId : null,
      mentor_nip: r.kind === 'mentoring' ? r.mentorNip || null : null,
      due_on: r.dueOn,
      hours: r.hours.trim() ? Number(r.hours) : null,
      cause: r.cause.trim(),
    }));
    create.mutate(
      { title: title.trim() || null, period_id: periodId, items },
      {
        onSuccess: onCreated,
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.fields);
          setMessage(errorText(err));
        },
      },
    );
  };

  // Server errors name chosen rows by position; map them back to the rows shown.
  const rowErrors = (r: Row, field: string): string[] | undefined => {
    const pos = chosen.indexOf(r);
    return pos < 0 ? undefined : errors[`items[${pos}].${field}`];
  };
  const summary = Object.entries(errors).flatMap(([k, ms]) => ms.map((m) => ({ k, m })));

  return (
    <form className="card plan-builder" onSubmit={submit} noValidate aria-labelledby={`${fid}-h`}>
      <h3 id={`${fid}-h`}>{t('career.builder.title', { name })}</h3>
      <FormAlert message={message} />
      {summary.length > 0 && (
        <ul className="field-error" aria-label={t('career.form.errorSummary')}>
          {summary.map(({ k, m }) => (
            <li key={`${k}-${m}`}>
              {fieldName(k, chosen, t)}: {m}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${fid}-title`}>{t('career.builder.planTitle')}</label>
        <input
          id={`${fid}-title`}
          value={title}
          maxLength={MAX_TITLE}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={!!errors.title || undefined}
        />
      </div>
      <fieldset className="builder-items">
        <legend>{t('career.builder.items')}</legend>
        {rows.length === 0 && <p className="muted">{t('career.builder.noSuggestions')}</p>}
        {rows.map((r, i) => {
          const id = `${fid}-r${i}`;
          const name = r.title || t('career.builder.newItem');
          return (
            <div key={r.key} className={`builder-row${r.selected ? '' : ' builder-off'}`} data-testid="builder-row">
              <div className="field-check">
                <input
                  id={`${id}-sel`}
                  type="checkbox"
                  checked={r.selected}
                  onChange={(e) => change(r.key, { selected: e.target.checked })}
                />
                <label htmlFor={`${id}-sel`}>
                  {t('career.builder.include')}: <strong>{name}</strong>{' '}
                  <span className="badge">{label('kind', r.kind)}</span>
                </label>
              </div>
              {r.selected && (
                <div className="form-grid">
                  {r.custom && (
                    <Field id={`${id}-kind`} label={t('career.item.kind')} errors={undefined}>
                      <select
                        id={`${id}-kind`}
                        value={r.kind}
                        onChange={(e) => change(r.key, { kind: e.target.value as ItemKind })}
                      >
                        {ITEM_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {label('kind', k)}
                          </option>
                        ))}
                      </select>
                    </Field>
                  )}
                  <Field id={`${id}-title`} label={t('career.item.title')} errors={rowErrors(r, 'title')}>
                    <input
                      id={`${id}-title`}
                      value={r.title}
                      maxLength={MAX_TITLE}
                      onChange={(e) => change(r.key, { title: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={`${id}-due`}
                    label={t('career.builder.dueFor', { title: name })}
                    errors={rowErrors(r, 'due_on')}
                  >
                    <input
                      id={`${id}-due`}
                      type="date"
                      min={todayIso()}
                      value={r.dueOn}
                      onChange={(e) => change(r.key, { dueOn: e.target.value })}
                    />
                  </Field>
                  {r.kind === 'mentoring' && (
                    <Field id={`${id}-mentor`} label={t('career.item.mentor')} errors={rowErrors(r, 'mentor_nip')}>
                      <select
                        id={`${id}-mentor`}
                        value={r.mentorNip}
                        onChange={(e) => change(r.key, { mentorNip: e.target.value })}
                      >
                        <option value="">{t('career.builder.chooseMentor')}</option>
                        {mentors.map((m) => (
                          <option key={m.nip} value={m.nip}>
                            {m.name}
                            {m.jabatan ? ` — ${m.jabatan}` : ''}
                          </option>
                        ))}
                      </select>
                    </Field>
                  )}
                  {r.kind !== 'mentoring' && (
                    <Field id={`${id}-hours`} label={t('career.builder.hours')} errors={rowErrors(r, 'hours')}>
                      <input
                        id={`${id}-hours`}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={500}
                        value={r.hours}
                        onChange={(e) => change(r.key, { hours: e.target.value })}
                      />
                    </Field>
                  )}
                  <Field id={`${id}-cause`} label={t('career.item.cause')} errors={rowErrors(r, 'cause')}>
                    <textarea
                      id={`${id}-cause`}
                      rows={2}
                      maxLength={MAX_CAUSE}
                      value={r.cause}
                      onChange={(e) => change(r.key, { cause: e.target.value })}
                    />
                  </Field>
                </div>
              )}
            </div>
          );
        })}
        <button type="button" className="btn btn-secondary btn-small" onClick={addRow}>
          {t('career.builder.addItem')}
        </button>
      </fieldset>
      <p className="small muted" aria-live="polite">
        {t('career.builder.chosen', { n: chosen.length })}
      </p>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('career.builder.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function fieldName(key: string, chosen: Row[], t: ReturnType<typeof useI18n>['t']): string {
  const m = /^items\[(\d+)\]\.(\w+)$/.exec(key);
  if (!m) return key === 'title' ? t('career.builder.planTitle') : t('career.builder.items');
  const row = chosen[Number(m[1])];
  const names: Record<string, string> = {
    title: t('career.item.title'),
    due_on: t('career.item.due'),
    mentor_nip: t('career.item.mentor'),
    hours: t('career.builder.hours'),
    cause: t('career.item.cause'),
    training_id: t('career.item.training'),
  };
  return `${row?.title || t('career.builder.newItem')} — ${names[m[2] ?? ''] ?? m[2]}`;
}
