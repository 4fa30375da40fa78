// Routes and navigation entries of this area, mounted inside the signed-in layout by App.tsx
// and Layout.tsx. Pages load on demand; the HR pages need admin/HR/auditor, the team page a
// supervisor (someone with direct reports).
import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Me } from '../../api/types';
import { canReadMasterData } from '../../lib/auth/auth';
import type { NavEntry } from '../../components/nav';
import { RequireRole } from '../../components/guards';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Loading } from '../../components/Status';
import './components/career.css';

const MyDevelopmentPage = lazy(() =>
  import('./components/MyDevelopmentPage').then((m) => ({ default: m.MyDevelopmentPage })),
);
const TeamDevelopmentPage = lazy(() =>
  import('./components/TeamDevelopmentPage').then((m) => ({ default: m.TeamDevelopmentPage })),
);
const TalentGridPage = lazy(() => import('./components/TalentGridPage').then((m) => ({ default: m.TalentGridPage })));
const CandidatesPage = lazy(() => import('./components/CandidatesPage').then((m) => ({ default: m.CandidatesPage })));
const PlacementPage = lazy(() => import('./components/PlacementPage').then((m) => ({ default: m.PlacementPage })));
const TrainingsPage = lazy(() => import('./components/TrainingsPage').then((m) => ({ default: m.TrainingsPage })));
const ReportsPage = lazy(() => import('./components/ReportsPage').then((m) => ({ default: m.ReportsPage })));

/** A supervisor: someone with at least one direct report. */
export const isSupervisor = (me: Me | undefined) => !!me?.employee && me.subordinates_count > 0;
export const hasEmployeeRecord = (me: Me | undefined) => !!me?.employee;

function Page({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** Route elements (children of the layout route). */
export const careerRoutes: ReactNode = (
  <Route path="career">
    <Route index element={<Page><MyDevelopmentPage /></Page>} />
    <Route element={<RequireRole allow={isSupervisor} />}>
      <Route path="team" element={<Page><TeamDevelopmentPage /></Page>} />
    </Route>
    <Route element={<RequireRole allow={canReadMasterData} />}>
      <Route path="talent" element={<Page><TalentGridPage /></Page>} />
      <Route path="candidates" element={<Page><CandidatesPage /></Page>} />
      <Route path="placement" element={<Page><PlacementPage /></Page>} />
      <Route path="trainings" element={<Page><TrainingsPage /></Page>} />
      <Route path="reports" element={<Page><ReportsPage /></Page>} />
    </Route>
  </Route>
);

/** Main-navigation entries: own development, the team's for supervisors, talent for HR. */
export function careerNavEntries(me: Me | undefined): NavEntry[] {
  const entries: NavEntry[] = [];
  if (hasEmployeeRecord(me)) entries.push({ area: 'karier', to: '/career', label: 'career.nav.my', end: true });
  if (isSupervisor(me)) entries.push({ area: 'karier', to: '/career/team', label: 'career.nav.team' });
  if (canReadMasterData(me)) entries.push({ area: 'karier', to: '/career/talent', label: 'career.nav.talent' });
  return entries;
}
