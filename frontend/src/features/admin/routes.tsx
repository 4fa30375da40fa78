// Routes and navigation entries of the administration area: master data (units, employees,
// import), public service (citizen feedback, IKM), the audit log and API keys.
import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Me } from '../../api/types';
import { canReadMasterData, canWriteMasterData, hasAnyRole } from '../../lib/auth/auth';
import { RequireRole } from '../../components/guards';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Loading } from '../../components/Status';
import type { NavEntry } from '../../components/nav';

const AuditPage = lazy(() => import('./components/AuditPage').then((m) => ({ default: m.AuditPage })));
const ApiKeysPage = lazy(() => import('./components/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));

/** The audit log: the auditor (all entries) and the admin (without the 360 raters' entries). */
export const canReadAudit = (me: Me | undefined) => hasAnyRole(me, ['auditor', 'admin']);
/** API keys: the admin only. */
export const canManageApiKeys = (me: Me | undefined) => hasAnyRole(me, ['admin']);

function Page({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** Route elements (children of the layout route). */
export const adminRoutes: ReactNode = (
  <>
    <Route path="admin/audit" element={<RequireRole allow={canReadAudit} />}>
      <Route index element={<Page><AuditPage /></Page>} />
    </Route>
    <Route path="admin/api-keys" element={<RequireRole allow={canManageApiKeys} />}>
      <Route index element={<Page><ApiKeysPage /></Page>} />
    </Route>
  </>
);

/** Main-navigation entries of the administration and public-service areas. */
export function adminNavEntries(me: Me | undefined): NavEntry[] {
  const entries: NavEntry[] = [];
  if (canReadMasterData(me)) {
    entries.push(
      { area: 'layanan', to: '/feedback', label: 'nav.feedback' },
      { area: 'layanan', to: '/ikm', label: 'nav.ikm' },
      { area: 'admin', to: '/admin/units', label: 'nav.units' },
      { area: 'admin', to: '/admin/employees', label: 'nav.employees' },
    );
  }
  if (canWriteMasterData(me)) entries.push({ area: 'admin', to: '/admin/import', label: 'nav.import' });
  if (canReadAudit(me)) entries.push({ area: 'admin', to: '/admin/audit', label: 'nav.audit' });
  if (canManageApiKeys(me)) entries.push({ area: 'admin', to: '/admin/api-keys', label: 'nav.apiKeys' });
  return entries;
}
