// Routes and navigation entries of this area, mounted inside the signed-in layout by App.tsx
// and Layout.tsx. The employee's own pages live under /kinerja, the supervisor's under /tim.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, NavLink, Route } from 'react-router';
import type { Me } from '../../api/types';
import { useI18n } from '../../lib/i18n/i18n';
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

/** Navigation list items for the signed-in user. */
export function CycleNavItems({ me }: { me: Me | undefined }): ReactNode {
  return <CycleNav me={me} />;
}

function CycleNav({ me }: { me: Me | undefined }) {
  const { t } = useI18n();
  if (!me?.employee) return null;
  return (
    <>
      <li>
        <NavLink to="/kinerja">{t('nav.cycle.mine')}</NavLink>
      </li>
      {isSupervisor(me) && (
        <li>
          <NavLink to="/tim">{t('nav.cycle.team')}</NavLink>
        </li>
      )}
    </>
  );
}
