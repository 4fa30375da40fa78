// The employee's SKP plan and the supervisor's approvals: types and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { ApiError, unwrap } from '../../../lib/api/errors';
import type { components, paths } from '../../../api/schema';
import { valuesOf } from '../../../api/types';

type Schemas = components['schemas'];
export type SkpStatus = Schemas['SkpStatus'];
export type RhkKind = Schemas['RhkKind'];
export type Aspect = Schemas['Aspect'];
export const ASPECTS: readonly Aspect[] = ['kuantitas', 'kualitas', 'waktu', 'biaya'];
export const SKP_STATUSES = valuesOf<SkpStatus>({ draft: true, submitted: true, approved: true, returned: true });

export type Skp = Schemas['SkpOut'];
export type Rhk = Schemas['RhkOut'];
export type Indicator = Schemas['IndicatorOut'];
export type Expectation = Schemas['ExpectationOut'];
export type SkpInput = Schemas['SkpInput'];
export type RhkInput = Schemas['RhkInput'];
export type IndicatorInput = Schemas['IndicatorInput'];
export type ParentOptions = Schemas['ParentOptions'];
export type ApprovalList = Schemas['ApprovalList'];
export type ApprovalItem = Schemas['ApprovalItem'];
export type ApprovalFilter = NonNullable<NonNullable<paths['/api/v1/skp/approvals']['get']['parameters']['query']>['status']>;

export const skpKeys = {
  all: ['cycle', 'skp'] as const,
  one: (nip: string, year: number) => ['cycle', 'skp', 'one', nip, year] as const,
  parents: (nip: string, year: number) => ['cycle', 'skp', 'parents', nip, year] as const,
  approvals: (year: number, status: string) => ['cycle', 'skp', 'approvals', year, status] as const,
};

const at = (nip: string, year: number) => ({ params: { path: { nip, year } } });

/** The plan, or null when none exists yet for that year. */
export function useSkp(nip: string | undefined, year: number) {
  return useQuery({
    queryKey: skpKeys.one(nip ?? '', year),
    queryFn: async (): Promise<Skp | null> => {
      try {
        return await unwrap(api.GET('/api/v1/employees/{nip}/skp/{year}', at(nip!, year)));
      } catch (e) {
        // No plan yet for that year (`not_found` would mean no such employee).
        if (e instanceof ApiError && e.code === 'skp_not_found') return null;
        throw e;
      }
    },
    enabled: !!nip,
  });
}

export function useParentOptions(nip: string | undefined, year: number) {
  return useQuery({
    queryKey: skpKeys.parents(nip ?? '', year),
    queryFn: () => unwrap(api.GET('/api/v1/employees/{nip}/skp/{year}/parent-options', at(nip!, year))),
    enabled: !!nip,
  });
}

function useSkpMutation<V>(nip: string, year: number, fn: (v: V) => Promise<Skp>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (skp) => {
      qc.setQueryData(skpKeys.one(nip, year), skp);
      void qc.invalidateQueries({ queryKey: ['cycle', 'skp', 'approvals'] });
      void qc.invalidateQueries({ queryKey: ['cycle', 'team'] });
    },
  });
}

export function useSaveSkp(nip: string, year: number) {
  return useSkpMutation(nip, year, (body: SkpInput) =>
    unwrap(api.PUT('/api/v1/employees/{nip}/skp/{year}', { ...at(nip, year), body })),
  );
}

export function useSubmitSkp(nip: string, year: number) {
  return useSkpMutation(nip, year, () => unwrap(api.POST('/api/v1/employees/{nip}/skp/{year}/submit', at(nip, year))));
}

export function useCopySkp(nip: string, year: number) {
  return useSkpMutation(nip, year, (fromYear: number) =>
    unwrap(api.POST('/api/v1/employees/{nip}/skp/{year}/copy-from', { ...at(nip, year), body: { from_year: fromYear } })),
  );
}

export function useApproveSkp(nip: string, year: number) {
  return useSkpMutation(nip, year, () => unwrap(api.POST('/api/v1/employees/{nip}/skp/{year}/approve', at(nip, year))));
}

export function useReturnSkp(nip: string, year: number) {
  return useSkpMutation(nip, year, (reason: string) =>
    unwrap(api.POST('/api/v1/employees/{nip}/skp/{year}/return', { ...at(nip, year), body: { reason } })),
  );
}

export function useSetExpectations(nip: string, year: number) {
  return useSkpMutation(nip, year, (expectations: Record<string, string | null>) =>
    unwrap(api.PUT('/api/v1/employees/{nip}/skp/{year}/expectations', { ...at(nip, year), body: { expectations } })),
  );
}

export function useApprovals(year: number, status: '' | ApprovalFilter) {
  return useQuery({
    queryKey: skpKeys.approvals(year, status),
    queryFn: () =>
      unwrap(api.GET('/api/v1/skp/approvals', { params: { query: { year, status: status || undefined } } })),
  });
}
