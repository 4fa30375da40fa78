// Test data of this feature.
import { adminMe } from '../../../test/fixtures';
import type { Me } from '../../../api/types';
import type { Period } from '../api/periods';

export const PERIOD_ID = 'b0000000-0000-0000-0000-000000000002';

export const period: Period = {
  id: PERIOD_ID,
  year: 2026,
  kind: 'quarterly',
  number: 2,
  name: 'Triwulan II 2026',
  starts_on: '2026-04-01',
  ends_on: '2026-06-30',
  state: 'closed',
  opened_at: '2026-04-01T01:00:00Z',
  closed_at: '2026-07-01T01:00:00Z',
  published_at: null,
  run_360: true,
  deadline_360: '2026-06-20',
  evaluation_deadline: null,
};

export function meWithRoles(roles: Me['user']['roles']): Me {
  return { ...adminMe, user: { ...adminMe.user, roles } };
}
