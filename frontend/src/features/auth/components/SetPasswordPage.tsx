// `/set-password`: a new account, or one that HR reset, sets its password with the
// one-time code (24 hours, single use) and is signed in. A code never signs in by itself.
import { useLocation, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { ApiError, unwrap } from '../../../lib/api/errors';
import { setTokens } from '../../../lib/auth/session';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PasswordForm } from './PasswordForm';

export function SetPasswordPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('password.set.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const initialCode = (location.state as { code?: string } | null)?.code ?? '';
  const mutation = useMutation({
    mutationFn: async (v: { code: string; new_password: string }) =>
      setTokens(await unwrap(api.POST('/api/v1/auth/set-password', { body: v, credentials: 'same-origin' }))),
    onSuccess: () => navigate('/', { replace: true }),
  });
  const error = mutation.error;
  const fields = error instanceof ApiError ? error.fields : {};

  return (
    <div className="login-screen">
      <main id="main" className="login-card">
        <div className="login-head">
          <p className="brand brand-large">{t('app.name')}</p>
          <LanguageSwitch id="set-password-lang" />
        </div>
        <h1>{t('password.set.title')}</h1>
        <p className="muted">{t('password.set.intro')}</p>
        <PasswordForm
          first={{
            name: 'code',
            label: t('password.code'),
            type: 'text',
            autoComplete: 'one-time-code',
            initial: initialCode,
          }}
          submitLabel={t('password.set.submit')}
          pending={mutation.isPending}
          serverError={error ? errorText(error) : null}
          serverFields={fields}
          onSubmit={(code, new_password) => mutation.mutate({ code, new_password })}
        />
      </main>
    </div>
  );
}
