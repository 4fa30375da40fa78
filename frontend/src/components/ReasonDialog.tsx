// A dialog asking for a reason (required) before an action such as rejecting or hiding.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../lib/api/errors';
import { useI18n } from '../lib/i18n/i18n';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { FormAlert } from './Status';

interface Props {
  title: ReactNode;
  intro?: ReactNode;
  label: string;
  submitLabel: string;
  pending?: boolean;
  error?: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

export function ReasonDialog({ title, intro, label, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const serverFieldErrors = error instanceof ApiError ? error.fields.reason : undefined;
  const fieldErrors = localError ? [localError] : serverFieldErrors;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setLocalError(t('common.required'));
      return;
    }
    setLocalError(null);
    onSubmit(reason.trim());
  };

  return (
    <Dialog title={title} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        {intro && <div className="dialog-body">{intro}</div>}
        <FormAlert message={error && !localError ? errorText(error) : null} />
        <Field id={`${fid}-reason`} label={label} required errors={fieldErrors}>
          <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t('common.saving') : submitLabel}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
