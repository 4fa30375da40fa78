// The distribution curve of one unit in a period: read, set the organisational result, finalise.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';
import type { BodyOf, Ok } from './types';

export type Distribution = Ok<paths['/api/v1/periods/{id}/units/{code}/distribution']['get']>;
export type DistributionRule = Distribution['rules'][number];
export type OrgResult = BodyOf<paths['/api/v1/periods/{id}/units/{code}/org-result']['put']>['result'];

export const ORG_RESULTS: readonly OrgResult[] = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];

export const distributionKeys = {
  one: (periodId: string, code: string) => ['hr', 'distribution', periodId, code] as const,
};

export function useDistribution(periodId: string, code: string) {
  return useQuery({
    queryKey: distributionKeys.one(periodId, code),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/periods/{id}/units/{code}/distribution', { params: { path: { id: periodId, code } } }),
      ),
  });
}

export function useSetOrgResult(periodId: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (result: OrgResult) =>
      unwrap(
        api.PUT('/api/v1/periods/{id}/units/{code}/org-result', {
          params: { path: { id: periodId, code } },
          body: { result },
        }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(distributionKeys.one(periodId, code), d);
      void qc.invalidateQueries({ queryKey: ['hr', 'distribution', periodId, 'units'] });
    },
  });
}

export function useFinaliseUnit(periodId: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (overrideReason: string | null) =>
      unwrap(
        api.POST('/api/v1/periods/{id}/units/{code}/finalise', {
          params: { path: { id: periodId, code } },
          body: { override_reason: overrideReason },
        }),
      ),
    onSuccess: (d) => {
      qc.setQueryData(distributionKeys.one(periodId, code), d);
      void qc.invalidateQueries({ queryKey: ['hr', 'results', periodId] });
      void qc.invalidateQueries({ queryKey: ['hr', 'distribution', periodId, 'units'] });
    },
  });
}

export type UnitSummaryList = Ok<paths['/api/v1/periods/{id}/units']['get']>;
export type UnitSummary = UnitSummaryList['items'][number];

/** Every unit of the period with evaluations or an org result, and where its curve stands. */
export function usePeriodUnits(periodId: string) {
  return useQuery({
    queryKey: ['hr', 'distribution', periodId, 'units'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/periods/{id}/units', { params: { path: { id: periodId } } })),
  });
}
