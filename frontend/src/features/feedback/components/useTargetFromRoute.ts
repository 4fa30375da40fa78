import { useLocation, useParams } from 'react-router';
import { useTarget, type FeedbackTarget } from '../api/feedback';

function isTarget(v: unknown): v is FeedbackTarget {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';
}

/** The target named by the :id route parameter, seeded from the list's router state. */
export function useTargetFromRoute() {
  const { id = '' } = useParams();
  const location = useLocation();
  const state: unknown = location.state;
  const seen =
    typeof state === 'object' && state !== null && isTarget((state as { target?: unknown }).target)
      ? (state as { target: FeedbackTarget }).target
      : undefined;
  return { id, target: useTarget(id, seen) };
}
