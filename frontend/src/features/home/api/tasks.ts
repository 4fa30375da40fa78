// The signed-in person's task inbox (GET /api/v1/me/tasks): computed by the server, kept
// fresh over SSE — every event that can start or end a duty marks the list stale.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import { registerInvalidations, type Invalidations } from '../../../lib/events/live';
import type { components } from '../../../api/schema';

export type TaskList = components['schemas']['TaskList'];
export type Task = components['schemas']['TaskOut'];
export type TaskKind = components['schemas']['TaskKind'];

export const tasksKey = ['tasks'] as const;

/** Event kinds after which a duty may have appeared or been done. */
export const TASKS_INVALIDATES: Invalidations = Object.fromEntries(
  (
    [
      'skp_updated',
      'ratings360_assigned',
      'ratings360_withdrawn',
      'peers360_nominated',
      'peers360_updated',
      'rating_submitted',
      'evaluation_updated',
      'distribution_updated',
      'period_updated',
      'period_published',
      'predikat_published',
      'appeal_filed',
      'appeal_updated',
      'appeal_decided',
      'feedback_received',
      'employee_updated',
    ] as const
  ).map((k) => [k, [tasksKey]]),
);
registerInvalidations(TASKS_INVALIDATES);

export function useTasks() {
  return useQuery({
    queryKey: tasksKey,
    queryFn: () => unwrap(api.GET('/api/v1/me/tasks')),
  });
}

/** Where a task belongs on Beranda. */
export type TaskGroup = 'own' | 'team' | 'admin';

export function groupOf(kind: TaskKind): TaskGroup {
  switch (kind) {
    case 'skp_write':
    case 'skp_submit':
    case 'skp_revise':
    case 'form360':
    case 'plan_item_due':
      return 'own';
    case 'publication_blocked':
    case 'feedback_held':
      return 'admin';
    default:
      return 'team';
  }
}
