import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/errors';
import { login, useHasSession } from '../../../lib/auth/auth';
import { takeEndReason } from '../../../lib/auth/session';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { FormAlert } from '../../../components/Status';

export function LoginPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('login.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = useHasSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const formId = useId();
  const [expired] = useState(() => takeEndReason() === 'expired');

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const mutation = useMutation({
    mutationFn: (v: { username: string; password: string }) => login(v.username, v.password),
    onSuccess: () => navigate(from === '/login' ? '/' : from, { replace: true }),
    // A one-time code typed as the password: set a new password with it first.
    onError: (error, v) => {
      if (error instanceof ApiError && error.code === 'password_change_required') {
        void navigate('/set-password', { state: { code: v.password } });
      }
    },
  });

  if (signedIn && !mutation.isPending && !mutation.isSuccess) return <Navigate to="/" replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setLocalError(t('login.required'));
      return;
    }
    setLocalError(null);
    mutation.mutate({ username: username.trim(), password });
  };

  const message = localError ?? (mutation.isError ? errorText(mutation.error) : null);

  return (
    <div className="login-screen">
      <main id="main" className="login-card">
        <div className="login-head">
          <p className="brand brand-large">{t('app.name')}</p>
          <LanguageSwitch id="login-lang" />
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        {expired && !message && (
          <p className="alert alert-info" role="status">
            {t('login.expired')}
          </p>
        )}
        <form onSubmit={onSubmit} noValidate aria-describedby={`${formId}-alert`}>
          <div id={`${formId}-alert`}>
            <FormAlert message={message} />
          </div>
          <div className="field">
            <label htmlFor={`${formId}-username`}>{t('login.username')}</label>
            <input
              id={`${formId}-username`}
              name="username"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${formId}-password`}>{t('login.password')}</label>
            <input
              id={`${formId}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={mutation.isPending}>
            {mutation.isPending ? t('login.pending') : t('login.submit')}
          </button>
        </form>
        <p className="muted">
          <Link to="/set-password">{t('login.haveCode')}</Link>
        </p>
      </main>
    </div>
  );
}
