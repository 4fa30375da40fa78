// Route guards: sign-in required, and role checks for the admin pages.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useHasSession, useLogout, useMe } from '../lib/auth/auth';
import type { Me } from '../api/types';
import { ErrorState, Loading } from './Status';
import { ForbiddenPage } from './NotFoundPage';
import { useI18n } from '../lib/i18n/i18n';

export function RequireAuth({ children }: { children?: ReactNode }) {
  const signedIn = useHasSession();
  const location = useLocation();
  const me = useMe();
  const logout = useLogout();
  const { t } = useI18n();

  if (!signedIn) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.isPending) {
    return (
      <main className="content" id="main">
        <Loading />
      </main>
    );
  }
  if (me.isError) {
    return (
      <main className="content" id="main">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        <button type="button" className="btn btn-secondary" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </main>
    );
  }
  return children ?? <Outlet />;
}

export function RequireRole({ allow, children }: { allow: (me: Me | undefined) => boolean; children?: ReactNode }) {
  const { data } = useMe();
  if (!allow(data)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}
