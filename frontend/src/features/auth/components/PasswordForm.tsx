// The new-password fields (typed twice) with the rules shown, shared by the set-password
// page (with a one-time code) and the own-password page (with the current password).
import { useId, useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { useI18n } from '../../../lib/i18n/i18n';
import { passwordProblems } from '../password';

interface Props {
  /** The field before the new password (the code, or the current password). */
  first: { name: string; label: string; type: 'text' | 'password'; autoComplete: string; initial?: string };
  submitLabel: string;
  pending: boolean;
  serverError: string | null;
  serverFields: Record<string, string[]>;
  onSubmit: (first: string, newPassword: string) => void;
}

export function PasswordForm({ first, submitLabel, pending, serverError, serverFields, onSubmit }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [firstValue, setFirstValue] = useState(first.initial ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const problems = passwordProblems(password, repeat);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!firstValue.trim() || problems.length > 0) return;
    onSubmit(firstValue.trim(), password);
  };

  const firstErrors = [
    ...(checked && !firstValue.trim() ? [t('common.required')] : []),
    ...(serverFields[first.name] ?? []),
  ];
  const newErrors = [
    ...(checked && problems.includes('tooShort') ? [t('password.rule.length')] : []),
    ...(checked && problems.includes('tooLong') ? [t('password.rule.max')] : []),
    ...(serverFields.new_password ?? []),
  ];
  const repeatErrors = checked && problems.includes('mismatch') ? [t('password.rule.match')] : [];

  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={serverError} />
      <Field id={`${id}-first`} label={first.label} errors={firstErrors} required>
        <input
          name={first.name}
          type={first.type}
          autoComplete={first.autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          value={firstValue}
          onChange={(e) => setFirstValue(e.target.value)}
        />
      </Field>
      <Field id={`${id}-new`} label={t('password.new')} errors={newErrors} hint={t('password.rules')} required>
        <input
          name="new_password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Field id={`${id}-repeat`} label={t('password.repeat')} errors={repeatErrors} required>
        <input
          name="repeat_password"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('login.pending') : submitLabel}
      </button>
    </form>
  );
}
