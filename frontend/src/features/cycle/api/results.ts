// Results: the employee's published results, the supervisor's team and ratings, the
// distribution curve of a unit.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type MyResult = Schemas['MyResult'];
export type TeamMember = Schemas['TeamMember'];
export type TeamEvaluation = Schemas['TeamEvaluation'];
export type EvaluationInput = Schemas['EvaluationInput'];
export type OrgResult = Schemas['OrgResult'];
export const ORG_RESULTS: readonly OrgResult[] = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];
export type Distribution = Schemas['Distribution'];

export const resultKeys = {
  mine: ['cycle', 'results', 'mine'] as const,
  team: (periodId: string) => ['cycle', 'team', periodId] as const,
  distribution: (periodId: string, unit: string) => ['cycle', 'curve', periodId, unit] as const,
};

export function useMyResults(enabled = true) {
  return useQuery({
    queryKey: resultKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/me/results')),
    enabled,
  });
}

export function useTeam(periodId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: resultKeys.team(periodId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/periods/{id}/team', { params: { path: { id: periodId! } } })),
    enabled: !!periodId && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRate(periodId: string, nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationInput) =>
      unwrap(api.PUT('/api/v1/periods/{id}/evaluations/{nip}', { params: { path: { id: periodId, nip } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: resultKeys.team(periodId) });
      void qc.invalidateQueries({ queryKey: ['cycle', 'curve', periodId] });
    },
  });
}

export function useDistribution(periodId: string | undefined, unit: string) {
  return useQuery({
    queryKey: resultKeys.distribution(periodId ?? '', unit),
    queryFn: () =>
      unwrap(api.GET('/api/v1/periods/{id}/units/{code}/distribution', { params: { path: { id: periodId!, code: unit } } })),
    enabled: !!periodId && !!unit,
  });
}

function useCurveMutation<V>(periodId: string, unit: string, fn: (v: V) => Promise<Distribution>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => qc.setQueryData(resultKeys.distribution(periodId, unit), d),
  });
}

export function useSetOrgResult(periodId: string, unit: string) {
  return useCurveMutation(periodId, unit, (result: OrgResult) =>
    unwrap(api.PUT('/api/v1/periods/{id}/units/{code}/org-result', { params: { path: { id: periodId, code: unit } }, body: { result } })),
  );
}

export function useFinalise(periodId: string, unit: string) {
  return useCurveMutation(periodId, unit, (overrideReason: string | null) =>
    unwrap(
      api.POST('/api/v1/periods/{id}/units/{code}/finalise', {
        params: { path: { id: periodId, code: unit } },
        body: overrideReason ? { override_reason: overrideReason } : {},
      }),
    ),
  );
}

/** The employee-level citizen index (same cache entry the home page uses). */
/** An employee's citizen index over `range` (local dates, inclusive); the server's default range without. */
export function useCitizenIndex(nip: string | undefined, range?: { from: string; to: string }) {
  return useQuery({
    queryKey: ['citizen-feedback', nip ?? '', range?.from ?? '', range?.to ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/employees/{nip}/citizen-feedback', {
          params: { path: { nip: nip! }, query: range ? { from: range.from, to: range.to } : {} },
        }),
      ),
    enabled: !!nip,
  });
}
