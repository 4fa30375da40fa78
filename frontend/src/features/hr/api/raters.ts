// 360 rater assignments for HR: generate, per-employee rater lists, peer approvals, progress
// and rater-quality flags. Anonymous raters' answers are never read here: organisers only see
// who is assigned and whether peers are nominated/approved/rejected.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';
import type { Ok } from './types';
import type { QualityFlag, RaterState } from '../../../api/types';

export type GenerateResult = Ok<paths['/api/v1/periods/{id}/raters/generate']['post']>;
export type RaterList = Ok<paths['/api/v1/periods/{id}/employees/{nip}/raters']['get']>;
export type Rater = RaterList['items'][number];
export type PeerList = Ok<paths['/api/v1/periods/{id}/employees/{nip}/peers']['get']>;
export type Peer = PeerList['items'][number];
export type Progress360 = Ok<paths['/api/v1/periods/{id}/360/progress']['get']>;
export type Quality = Ok<paths['/api/v1/periods/{id}/360/quality']['get']>;
export type QualityRow = Quality['items'][number];
// RaterState: assignment states as organisers see them (anonymous groups never show draft/submitted).
export type { QualityFlag, RaterState };

export const raterKeys = {
  all: (periodId: string) => ['hr', '360', periodId] as const,
  raters: (periodId: string, nip: string) => ['hr', '360', periodId, 'raters', nip] as const,
  peers: (periodId: string, nip: string) => ['hr', '360', periodId, 'peers', nip] as const,
  progress: (periodId: string, unit: string) => ['hr', '360', periodId, 'progress', unit] as const,
  quality: (periodId: string, unit: string) => ['hr', '360', periodId, 'quality', unit] as const,
};

export function useGenerateRaters(periodId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (unitCode: string) =>
      unwrap(
        api.POST('/api/v1/periods/{id}/raters/generate', {
          params: { path: { id: periodId }, query: { unit_code: unitCode || undefined } },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: raterKeys.all(periodId) }),
  });
}

export function useRaters(periodId: string, nip: string) {
  return useQuery({
    queryKey: raterKeys.raters(periodId, nip),
    queryFn: () =>
      unwrap(api.GET('/api/v1/periods/{id}/employees/{nip}/raters', { params: { path: { id: periodId, nip } } })),
    enabled: nip !== '',
  });
}

/** Peers of several employees at once (the nominations waiting in one unit). */
export function usePeersOf(periodId: string, nips: readonly string[]) {
  return useQueries({
    queries: nips.map((nip) => ({
      queryKey: raterKeys.peers(periodId, nip),
      queryFn: () =>
        unwrap(api.GET('/api/v1/periods/{id}/employees/{nip}/peers', { params: { path: { id: periodId, nip } } })),
    })),
  });
}

export function useDecidePeer(periodId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      decision === 'approve'
        ? unwrap(api.POST('/api/v1/ratings360/{id}/approve', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/ratings360/{id}/reject', { params: { path: { id } }, body: { reason: reason ?? null } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: raterKeys.all(periodId) }),
  });
}

export function useAssignPeers(periodId: string, nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (nips: string[]) =>
      unwrap(api.POST('/api/v1/periods/{id}/employees/{nip}/peers', { params: { path: { id: periodId, nip } }, body: { nips } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: raterKeys.all(periodId) }),
  });
}

export function useProgress360(periodId: string, unitCode: string, enabled = true) {
  return useQuery({
    queryKey: raterKeys.progress(periodId, unitCode),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/periods/{id}/360/progress', {
          params: { path: { id: periodId }, query: { unit_code: unitCode || undefined } },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useQuality(periodId: string, unitCode: string) {
  return useQuery({
    queryKey: raterKeys.quality(periodId, unitCode),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/periods/{id}/360/quality', {
          params: { path: { id: periodId }, query: { unit_code: unitCode || undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Active employees of one unit (up to 100: a unit's page), for choosing a ratee. */
export function useUnitEmployees(unitCode: string) {
  return useQuery({
    queryKey: ['hr', 'unit-employees', unitCode] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/employees', { params: { query: { unit_code: unitCode, active: true, per_page: 100 } } }),
      ),
    enabled: unitCode !== '',
    staleTime: 60_000,
  });
}

/**
 * SKP status and realisasi of each employee of one unit (a drill-down: one request per
 * employee, so only for a chosen unit). No SKP yet is `skp: null`.
 */
export function useUnitSkpProgress(periodId: string, nips: readonly string[]) {
  return useQueries({
    queries: nips.map((nip) => ({
      queryKey: ['hr', 'skp-progress', periodId, nip] as const,
      queryFn: async () => {
        const data = await unwrap(
          api.GET('/api/v1/periods/{period_id}/employees/{nip}/realisasi', {
            params: { path: { period_id: periodId, nip } },
          }),
        );
        const indicators = data.rhk.flatMap((r) => r.indicators);
        return {
          nip,
          skp: data.skp?.status ?? null,
          indicators: indicators.length,
          filled: indicators.filter((i) => i.realisasi != null).length,
        };
      },
      staleTime: 60_000,
    })),
  });
}
