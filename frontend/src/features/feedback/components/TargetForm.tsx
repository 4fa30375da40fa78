import { useId, useState, type FormEvent } from 'react';
import { ApiError, type FieldErrors } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { checkNip } from '../../../lib/validation/nip';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { UnitSelect } from '../../../components/UnitSelect';
import { TARGET_KIND_LABELS, TARGET_KINDS, useCreateTarget, type FeedbackTarget, type TargetKind } from '../api/feedback';

interface Props {
  initialUnit?: string;
  onDone: (target: FeedbackTarget) => void;
  onCancel: () => void;
}

export function TargetForm({ initialUnit = '', onDone, onCancel }: Props) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [kind, setKind] = useState<TargetKind>('unit');
  const [unitCode, setUnitCode] = useState(initialUnit);
  const [label, setLabel] = useState('');
  const [nip, setNip] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateTarget();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: FieldErrors = {};
    if (!unitCode) next.unit_code = [t('common.required')];
    if (kind === 'employee') {
      const problem = checkNip(nip);
      if (problem) next.employee_nip = [t(problem.key, problem.params)];
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setFormError(t('common.formInvalid'));
      return;
    }
    setFormError(null);
    create.mutate(
      kind === 'unit'
        ? { kind, unit_code: unitCode, label: label.trim() || null }
        : { kind, unit_code: unitCode, employee_nip: nip.trim() },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.fields);
          setFormError(errorText(err));
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('targets.newTitle')}</h2>
      <FormAlert message={formError} />
      <fieldset className="choice">
        <legend>{t('targets.kind')}</legend>
        {TARGET_KINDS.map((k) => (
          <label key={k} className="choice-item">
            <input
              type="radio"
              name={`${fid}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setErrors({});
              }}
            />
            {t(TARGET_KIND_LABELS[k])}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <Field
          id={`${fid}-unit`}
          label={t('field.unit')}
          required
          errors={errors.unit_code}
          hint={kind === 'employee' ? t('targets.unitHintEmployee') : undefined}
        >
          <UnitSelect value={unitCode} onChange={setUnitCode} emptyLabel={t('employees.chooseUnit')} />
        </Field>
        {kind === 'unit' ? (
          <Field id={`${fid}-label`} label={t('targets.label')} errors={errors.label} hint={t('targets.labelHint')}>
            <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} />
          </Field>
        ) : (
          <Field id={`${fid}-nip`} label={t('field.nip')} required errors={errors.employee_nip}>
            <input
              value={nip}
              onChange={(e) => setNip(e.target.value)}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              maxLength={18}
            />
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('targets.create')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
