// Appeals (keberatan): the employee files one against a published result; the atasan
// pejabat penilai hears both sides and decides.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components } from '../../../api/schema';
import type { AppealListRole, AppealStatus } from '../../../api/types';

type Schemas = components['schemas'];
export type RatingsSnapshot = Schemas['RatingsOut'];
export type Appeal = Schemas['AppealOut'];
/** The lists the cycle screens show (HR's overview asks for `all`). */
export type AppealRole = Exclude<AppealListRole, 'all'>;
export type DecideInput = Schemas['DecideInput'];

export const appealKeys = {
  all: ['cycle', 'appeals'] as const,
  list: (role: AppealRole, status: '' | AppealStatus) => ['cycle', 'appeals', 'list', role, status] as const,
  one: (id: string) => ['cycle', 'appeals', 'one', id] as const,
};

export function useAppeals(role: AppealRole, status: '' | AppealStatus = '') {
  return useQuery({
    queryKey: appealKeys.list(role, status),
    queryFn: () =>
      unwrap(api.GET('/api/v1/appeals', { params: { query: { role, status: status || undefined, per_page: 100 } } })),
  });
}

export function useAppeal(id: string | undefined) {
  return useQuery({
    queryKey: appealKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

function useAppealMutation<V>(fn: (v: V) => Promise<Appeal>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (a) => {
      qc.setQueryData(appealKeys.one(a.id), a);
      void qc.invalidateQueries({ queryKey: ['cycle', 'appeals', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cycle', 'results'] });
      void qc.invalidateQueries({ queryKey: ['cycle', 'team'] });
    },
  });
}

export function useFileAppeal(periodId: string, nip: string) {
  return useAppealMutation((reasons: string) =>
    unwrap(api.POST('/api/v1/periods/{id}/evaluations/{nip}/appeal', { params: { path: { id: periodId, nip } }, body: { reasons } })),
  );
}

export function useAppealStatement(id: string) {
  return useAppealMutation((body: { employee_statement?: string; penilai_statement?: string }) =>
    unwrap(api.PUT('/api/v1/appeals/{id}/statements', { params: { path: { id } }, body })),
  );
}

export function useDecideAppeal(id: string) {
  return useAppealMutation((body: DecideInput) =>
    unwrap(api.POST('/api/v1/appeals/{id}/decide', { params: { path: { id } }, body })),
  );
}
