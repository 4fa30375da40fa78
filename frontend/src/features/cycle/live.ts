// Which cached cycle queries each server event makes stale. Registered into the shared
// live-updates map when this feature loads (App.tsx imports routes.tsx before the layout
// opens the event stream), so "the employee sees the result appear without reloading".
import { INVALIDATES, registerInvalidations, type Invalidations } from '../../lib/events/live';

export const CYCLE_INVALIDATES: Invalidations = {
  skp_updated: [['cycle', 'skp'], ['cycle', 'team']],
  realisasi_updated: [['cycle', 'realisasi'], ['cycle', 'team']],
  results360_released: [['cycle', '360'], ['cycle', 'team']],
  rating_submitted: [['cycle', '360']],
  ratings360_assigned: [['cycle', '360']],
  peers360_updated: [['cycle', '360']],
  peers360_nominated: [['cycle', '360']],
  ratings360_withdrawn: [['cycle', '360']],
  distribution_updated: [['cycle', 'curve']],
  period_updated: [['cycle', 'periods']],
  evaluation_updated: [['cycle', 'team'], ['cycle', 'curve']],
  predikat_published: [['cycle', 'results'], ['cycle', 'team'], ['cycle', 'periods'], ['cycle', 'curve']],
  period_published: [['cycle', 'periods'], ['cycle', 'results']],
  feedback_note_added: [['cycle', 'notes']],
  coaching_recorded: [['cycle', 'coaching']],
  coaching_rated: [['cycle', 'coaching']],
  appeal_filed: [['cycle', 'appeals'], ['cycle', 'results'], ['cycle', 'team']],
  appeal_updated: [['cycle', 'appeals'], ['cycle', 'results']],
  appeal_decided: [['cycle', 'appeals'], ['cycle', 'results'], ['cycle', 'team'], ['cycle', 'curve']],
};

/** Adds the cycle's kinds to the shared map, merging with any prefixes already there. */
export function registerCycleEvents(target: Invalidations = INVALIDATES): void {
  registerInvalidations(CYCLE_INVALIDATES, target);
}
