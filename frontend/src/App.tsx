import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from './lib/i18n/i18n';
import { ApiError } from './lib/api/errors';
import { canReadMasterData, canWriteMasterData, useClearCacheOnSessionEnd } from './lib/auth/auth';
import { Layout } from './components/Layout';
import { RequireAuth, RequireRole } from './components/guards';
import { Loading } from './components/Status';
import { NotFoundPage } from './components/NotFoundPage';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoginPage } from './features/auth/components/LoginPage';
import { SetPasswordPage } from './features/auth/components/SetPasswordPage';
import { ChangePasswordPage } from './features/auth/components/ChangePasswordPage';
import { NotificationPreferences } from './features/home/components/NotificationPreferences';
import { NotificationsPage } from './features/home/components/NotificationsPage';
import { NotificationBell } from './features/home/NotificationBell';
import { TasksBadge } from './features/home/components/TasksBadge';
import { HomePage } from './features/home/components/HomePage';
import { cycleNavEntries, cycleRoutes } from './features/cycle/routes';
import { hrNavEntries, hrRoutes } from './features/hr/routes';
import { careerNavEntries, careerRoutes } from './features/career/routes';
import { adminNavEntries, adminRoutes } from './features/admin/routes';

// Admin pages are loaded on demand: most users never open them.
const UnitsPage = lazy(() => import('./features/units/components/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const EmployeesPage = lazy(() =>
  import('./features/employees/components/EmployeesPage').then((m) => ({ default: m.EmployeesPage })),
);
const EmployeeDetailPage = lazy(() =>
  import('./features/employees/components/EmployeeDetailPage').then((m) => ({ default: m.EmployeeDetailPage })),
);
const NewEmployeePage = lazy(() =>
  import('./features/employees/components/NewEmployeePage').then((m) => ({ default: m.NewEmployeePage })),
);
const ImportPage = lazy(() => import('./features/import/components/ImportPage').then((m) => ({ default: m.ImportPage })));
const TargetsPage = lazy(() =>
  import('./features/feedback/components/TargetsPage').then((m) => ({ default: m.TargetsPage })),
);
const TargetQrPage = lazy(() =>
  import('./features/feedback/components/TargetQrPage').then((m) => ({ default: m.TargetQrPage })),
);
const TicketsPage = lazy(() =>
  import('./features/feedback/components/TicketsPage').then((m) => ({ default: m.TicketsPage })),
);
const KiosksPage = lazy(() =>
  import('./features/feedback/components/KiosksPage').then((m) => ({ default: m.KiosksPage })),
);
const KioskSetupPage = lazy(() =>
  import('./features/feedback/components/KioskSetupPage').then((m) => ({ default: m.KioskSetupPage })),
);
const ModerationPage = lazy(() =>
  import('./features/feedback/components/ModerationPage').then((m) => ({ default: m.ModerationPage })),
);
const IkmPage = lazy(() => import('./features/ikm/components/IkmPage').then((m) => ({ default: m.IkmPage })));
const IkmReportPage = lazy(() =>
  import('./features/ikm/components/IkmReportPage').then((m) => ({ default: m.IkmReportPage })),
);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (401/403/404/422) will not change by asking again.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

function Page({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function AppRoutes() {
  useClearCacheOnSessionEnd();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/set-password" element={<SetPasswordPage />} />
      <Route path="/kiosk" element={<Page><KioskSetupPage /></Page>} />
      <Route element={<RequireAuth />}>
        <Route
          element={
            <Layout
              nav={(me) => [
                ...cycleNavEntries(me),
                ...hrNavEntries(me),
                ...careerNavEntries(me),
                ...adminNavEntries(me),
              ]}
              tools={(me) => (
                <>
                  {me !== undefined && <TasksBadge />}
                  <NotificationBell enabled={me !== undefined} />
                </>
              )}
            />
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path="account/password"
            element={
              <>
                <ChangePasswordPage />
                <NotificationPreferences />
              </>
            }
          />
          <Route path="notifications" element={<Page><NotificationsPage /></Page>} />
          <Route path="admin" element={<RequireRole allow={canReadMasterData} />}>
            <Route path="units" element={<Page><UnitsPage /></Page>} />
            <Route path="employees" element={<Page><EmployeesPage /></Page>} />
            <Route element={<RequireRole allow={canWriteMasterData} />}>
              <Route path="employees/new" element={<Page><NewEmployeePage /></Page>} />
              <Route path="import" element={<Page><ImportPage /></Page>} />
            </Route>
            <Route path="employees/:nip" element={<Page><EmployeeDetailPage /></Page>} />
          </Route>
          <Route path="feedback" element={<RequireRole allow={canReadMasterData} />}>
            <Route index element={<Navigate to="targets" replace />} />
            <Route path="targets" element={<Page><TargetsPage /></Page>} />
            <Route path="targets/:id/qr" element={<Page><TargetQrPage /></Page>} />
            <Route path="targets/:id/tickets" element={<Page><TicketsPage /></Page>} />
            <Route path="targets/:id/kiosks" element={<Page><KiosksPage /></Page>} />
            <Route path="moderation" element={<Page><ModerationPage /></Page>} />
          </Route>
          <Route path="ikm" element={<RequireRole allow={canReadMasterData} />}>
            <Route index element={<Page><IkmPage /></Page>} />
            <Route path=":code/report" element={<Page><IkmReportPage /></Page>} />
          </Route>
          {cycleRoutes}
          {hrRoutes}
          {careerRoutes}
          {adminRoutes}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
