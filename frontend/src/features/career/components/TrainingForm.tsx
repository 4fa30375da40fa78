// Add or edit one catalogue entry; client checks mirror the server's (lengths, 1–500 JP).
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { useSaveTraining } from '../api/trainings';
import { TRAINING_MODES, type Training, type TrainingInput, type TrainingMode, type ValueRef } from '../api/types';
import { useEnumLabel } from './format';

interface Props {
  training: Training | null;
  values: readonly ValueRef[];
  onCancel: () => void;
  onSaved: (training: Training, created: boolean) => void;
}

export function TrainingForm({ training, values, onCancel, onSaved }: Props) {
  const { t, errorText, lang } = useI18n();
  const label = useEnumLabel();
  const fid = useId();
  const save = useSaveTraining();
  const [title, setTitle] = useState(training?.title ?? '');
  const [provider, setProvider] = useState(training?.provider ?? '');
  const [valueCode, setValueCode] = useState(training?.value_code ? String(training.value_code) : '');
  const [competency, setCompetency] = useState(training?.competency ?? '');
  const [hours, setHours] = useState(training ? String(training.hours) : '');
  const [mode, setMode] = useState<TrainingMode>(training?.mode ?? 'klasikal');
  const [active, setActive] = useState(training?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string[]> = {};
    const need = (k: string, v: string, max: number) => {
      if (!v.trim()) local[k] = [t('common.required')];
      else if (v.trim().length > max) local[k] = [t('career.form.maxLength', { n: max })];
    };
    need('title', title, 200);
    need('provider', provider, 200);
    if (competency.trim().length > 200) local.competency = [t('career.form.maxLength', { n: 200 })];
    const h = Number(hours);
    if (!hours.trim()) local.hours = [t('common.required')];
    else if (!Number.isInteger(h) || h < 1 || h > 500) local.hours = [t('career.builder.hoursRange')];
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setMessage(t('common.formInvalid'));
      return;
    }
    setMessage(null);
    const body = {
      title: title.trim(),
      provider: provider.trim(),
      value_code: valueCode || null,
      competency: competency.trim() || null,
      hours: h,
      mode,
      active,
    } as TrainingInput;
    save.mutate(
      { id: training?.id ?? null, body },
      {
        onSuccess: (tr) => onSaved(tr, training === null),
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.fields);
          setMessage(errorText(err));
        },
      },
    );
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${fid}-h`}>
      <h2 id={`${fid}-h`}>{training ? t('career.trainings.editTitle') : t('career.trainings.new')}</h2>
      <FormAlert message={message} />
      <div className="form-grid">
        <Field id={`${fid}-title`} label={t('career.trainings.name')} errors={errors.title} required>
          <input maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field id={`${fid}-provider`} label={t('career.trainings.provider')} errors={errors.provider} required>
          <input maxLength={200} value={provider} onChange={(e) => setProvider(e.target.value)} />
        </Field>
        <Field id={`${fid}-value`} label={t('career.trainings.value')} errors={errors.value_code}>
          <select value={valueCode} onChange={(e) => setValueCode(e.target.value)}>
            <option value="">{t('career.trainings.general')}</option>
            {values.map((v) => (
              <option key={v.code} value={v.code}>
                {lang === 'en' ? v.name_en : v.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${fid}-comp`} label={t('career.trainings.competency')} errors={errors.competency}>
          <input maxLength={200} value={competency} onChange={(e) => setCompetency(e.target.value)} />
        </Field>
        <Field id={`${fid}-hours`} label={t('career.trainings.hours')} errors={errors.hours} required>
          <input type="number" inputMode="numeric" min={1} max={500} value={hours} onChange={(e) => setHours(e.target.value)} />
        </Field>
        <Field id={`${fid}-mode`} label={t('career.trainings.mode')} errors={errors.mode} required>
          <select value={mode} onChange={(e) => setMode(e.target.value as TrainingMode)}>
            {TRAINING_MODES.map((m) => (
              <option key={m} value={m}>
                {label('mode', m)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field-check">
        <input id={`${fid}-active`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <label htmlFor={`${fid}-active`}>{t('career.trainings.activeLabel')}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
