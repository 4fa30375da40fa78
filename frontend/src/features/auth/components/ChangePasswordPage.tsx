// `/account/password`: the signed-in user changes their own password. Other sessions end;
// this one continues with the new tokens.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { ApiError, unwrap } from '../../../lib/api/errors';
import { setTokens } from '../../../lib/auth/session';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { PasswordForm } from './PasswordForm';

export function ChangePasswordPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('password.change.title'));
  const [round, setRound] = useState(0);
  const mutation = useMutation({
    mutationFn: async (v: { current_password: string; new_password: string }) =>
      setTokens(await unwrap(api.POST('/api/v1/me/password', { body: v, credentials: 'same-origin' }))),
    onSuccess: () => setRound((r) => r + 1),
  });
  const error = mutation.error;
  const fields = error instanceof ApiError ? error.fields : {};

  return (
    <section>
      <h1>{t('password.change.title')}</h1>
      <p className="muted">{t('password.change.intro')}</p>
      {mutation.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('password.change.done')}
        </p>
      )}
      <PasswordForm
        key={round}
        first={{
          name: 'current_password',
          label: t('password.current'),
          type: 'password',
          autoComplete: 'current-password',
        }}
        submitLabel={t('password.change.submit')}
        pending={mutation.isPending}
        serverError={error ? errorText(error) : null}
        serverFields={fields}
        onSubmit={(current_password, new_password) => mutation.mutate({ current_password, new_password })}
      />
    </section>
  );
}
