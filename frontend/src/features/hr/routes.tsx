// Routes and navigation entries of this area, mounted inside the signed-in layout by App.tsx
// and Layout.tsx: HR's screens of the evaluation cycle (periods, 360 assignments, progress,
// distribution, rater quality, results and exports, appeals) and the help pages.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import type { Me } from '../../api/types';
import { canReadMasterData } from '../../lib/auth/auth';
import type { NavEntry } from '../../components/nav';
import { RequireRole } from '../../components/guards';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Loading } from '../../components/Status';

// Loaded on demand: most users never open HR's pages, and the help is read rarely.
const HelpPage = lazy(() => import('./components/HelpPage').then((m) => ({ default: m.HelpPage })));
const PeriodsPage = lazy(() => import('./components/PeriodsPage').then((m) => ({ default: m.PeriodsPage })));
const PeriodDetailPage = lazy(() =>
  import('./components/PeriodDetailPage').then((m) => ({ default: m.PeriodDetailPage })),
);
const AssignmentsPage = lazy(() =>
  import('./components/AssignmentsPage').then((m) => ({ default: m.AssignmentsPage })),
);
const ProgressPage = lazy(() => import('./components/ProgressPage').then((m) => ({ default: m.ProgressPage })));
const DistributionPage = lazy(() =>
  import('./components/DistributionPage').then((m) => ({ default: m.DistributionPage })),
);
const QualityPage = lazy(() => import('./components/QualityPage').then((m) => ({ default: m.QualityPage })));
const ResultsPage = lazy(() => import('./components/ResultsPage').then((m) => ({ default: m.ResultsPage })));
const AppealsPage = lazy(() => import('./components/AppealsPage').then((m) => ({ default: m.AppealsPage })));

function Page({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** HR's pages are for admin, HR and (read-only) the auditor; writes are hidden per page. */
const canSeeHrPages = canReadMasterData;

/** Route elements (children of the layout route). */
export const hrRoutes: ReactNode = (
  <>
    <Route path="bantuan" element={<Page><HelpPage /></Page>} />
    <Route path="hr" element={<RequireRole allow={canSeeHrPages} />}>
      <Route index element={<Navigate to="periods" replace />} />
      <Route path="periods" element={<Page><PeriodsPage /></Page>} />
      <Route path="periods/:id" element={<Page><PeriodDetailPage /></Page>} />
      <Route path="periods/:id/assignments" element={<Page><AssignmentsPage /></Page>} />
      <Route path="periods/:id/progress" element={<Page><ProgressPage /></Page>} />
      <Route path="periods/:id/units/:code" element={<Page><DistributionPage /></Page>} />
      <Route path="periods/:id/quality" element={<Page><QualityPage /></Page>} />
      <Route path="periods/:id/results" element={<Page><ResultsPage /></Page>} />
      <Route path="appeals" element={<Page><AppealsPage /></Page>} />
    </Route>
  </>
);

/** Main-navigation entries: HR's cycle pages for admin/HR/auditor, the help for everyone. */
export function hrNavEntries(me: Me | undefined): NavEntry[] {
  const entries: NavEntry[] = [];
  if (canSeeHrPages(me)) {
    entries.push(
      { area: 'kinerja', to: '/hr/periods', label: 'nav.hr.periods' },
      { area: 'kinerja', to: '/hr/appeals', label: 'nav.hr.appeals' },
    );
  }
  entries.push({ area: 'help', to: '/bantuan', label: 'nav.hr.help' });
  return entries;
}
