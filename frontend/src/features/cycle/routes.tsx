// Routes and navigation entries of this area, mounted inside the signed-in layout by App.tsx
// and Layout.tsx. The employee's own pages live under /kinerja, the supervisor's under /tim.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import type { Me } from '../../api/types';
import type { NavEntry } from '../../components/nav';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Loading } from '../../components/Status';
import { registerCycleEvents } from './live';
import './cycle.css';

// Live events of the cycle refresh the screens that show what changed.
registerCycleEvents();

const MySkpPage = lazy(() => import('./components/MySkpPage').then((m) => ({ default: m.MySkpPage })));
const RealisasiPage = lazy(() => import('./components/RealisasiPage').then((m) => ({ default: m.RealisasiPage })));
const Inbox360Page = lazy(() => import('./components/Inbox360Page').then((m) => ({ default: m.Inbox360Page })));
const Form360Page = lazy(() => import('./components/Form360Page').then((m) => ({ default: m.Form360Page })));
const MyResultsPage = lazy(() => import('./components/MyResultsPage').then((m) => ({ default: m.MyResultsPage })));
const TeamPage = lazy(() => import('./components/TeamPage').then((m) => ({ default: m.TeamPage })));
const ApprovalsPage = lazy(() => import('./components/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const SkpReviewPage = lazy(() => import('./components/SkpReviewPage').then((m) => ({ default: m.SkpReviewPage })));
const MemberPage = lazy(() => import('./components/MemberPage').then((m) => ({ default: m.MemberPage })));
const CurvePage = lazy(() => import('./components/CurvePage').then((m) => ({ default: m.CurvePage })));
const AppealsDecidePage = lazy(() =>
  import('./components/AppealsDecidePage').then((m) => ({ default: m.AppealsDecidePage })),
);
const AppealDetailPage = lazy(() =>
  import('./components/AppealsDecidePage').then((m) => ({ default: m.AppealDetailPage })),
);

function Page({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** Route elements (children of the layout route). */
export const cycleRoutes: ReactNode = (
  <>
    <Route path="kinerja">
      <Route index element={<Navigate to="skp" replace />} />
      <Route path="skp" element={<Page><MySkpPage /></Page>} />
      <Route path="realisasi" element={<Page><RealisasiPage /></Page>} />
      <Route path="360" element={<Page><Inbox360Page /></Page>} />
      <Route path="360/:id" element={<Page><Form360Page /></Page>} />
      <Route path="hasil" element={<Page><MyResultsPage /></Page>} />
    </Route>
    <Route path="tim">
      <Route index element={<Page><TeamPage /></Page>} />
      <Route path="skp" element={<Page><ApprovalsPage /></Page>} />
      <Route path="skp/:nip" element={<Page><SkpReviewPage /></Page>} />
      <Route path="pegawai/:nip" element={<Page><MemberPage /></Page>} />
      <Route path="kurva" element={<Page><CurvePage /></Page>} />
      <Route path="keberatan" element={<Page><AppealsDecidePage /></Page>} />
      <Route path="keberatan/:id" element={<Page><AppealDetailPage /></Page>} />
    </Route>
  </>
);

/** Whether the user supervises anyone (being a supervisor follows from the hierarchy). */
export function isSupervisor(me: Me | undefined): boolean {
  return !!me?.employee && me.subordinates_count > 0;
}

/** Main-navigation entries for the signed-in user: own pages for employees, team pages for supervisors. */
export function cycleNavEntries(me: Me | undefined): NavEntry[] {
  if (!me?.employee) return [];
  const entries: NavEntry[] = [
    { area: 'kinerja', to: '/kinerja', label: 'nav.cycle.mine' },
    { area: '360', to: '/kinerja/360', label: 'nav.cycle.forms360' },
  ];
  if (isSupervisor(me)) entries.push({ area: 'kinerja', to: '/tim', label: 'nav.cycle.team' });
  return entries;
}
