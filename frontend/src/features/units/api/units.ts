import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap, unwrapWithStatus } from '../../../lib/api/errors';
import type { UnitInput } from '../../../api/types';

export const unitKeys = {
  all: ['units'] as const,
  list: (q: string, page: number, perPage: number) => ['units', 'list', { q, page, perPage }] as const,
  one: (code: string) => ['units', 'one', code] as const,
};

export function useUnits(q: string, page: number, perPage = 20) {
  return useQuery({
    queryKey: unitKeys.list(q, page, perPage),
    queryFn: () =>
      unwrap(api.GET('/api/v1/units', { params: { query: { q: q || undefined, page, per_page: perPage } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePutUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UnitInput }) =>
      unwrapWithStatus(api.PUT('/api/v1/units/{code}', { params: { path: { code } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
