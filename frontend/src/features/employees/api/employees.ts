import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap, unwrapWithStatus } from '../../../lib/api/errors';
import type { EmployeeInput, Unit } from '../../../api/types';

export interface EmployeeFilters {
  q: string;
  unitCode: string;
  active: '' | 'true' | 'false';
  page: number;
  perPage: number;
}

export const employeeKeys = {
  all: ['employees'] as const,
  list: (f: EmployeeFilters) => ['employees', 'list', f] as const,
  one: (nip: string) => ['employees', 'one', nip] as const,
};

export function useEmployees(f: EmployeeFilters) {
  return useQuery({
    queryKey: employeeKeys.list(f),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/employees', {
          params: {
            query: {
              q: f.q || undefined,
              unit_code: f.unitCode || undefined,
              active: f.active === '' ? undefined : f.active === 'true',
              page: f.page,
              per_page: f.perPage,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(nip: string) {
  return useQuery({
    queryKey: employeeKeys.one(nip),
    queryFn: () => unwrap(api.GET('/api/v1/employees/{nip}', { params: { path: { nip } } })),
  });
}

export function usePutEmployee() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ nip, body }: { nip: string; body: EmployeeInput }) =>
      unwrapWithStatus(api.PUT('/api/v1/employees/{nip}', { params: { path: { nip } }, body })),
    onSuccess: ({ data }) => {
      qc.setQueryData(employeeKeys.one(data.nip), data);
      void qc.invalidateQueries({ queryKey: ['employees', 'list'] });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

const MAX_UNIT_PAGES = 20;

/** Every unit (for the unit selects), fetched in pages of 100. */
export function useUnitOptions() {
  return useQuery({
    queryKey: ['units', 'all-options'],
    queryFn: async (): Promise<Unit[]> => {
      const all: Unit[] = [];
      for (let page = 1; page <= MAX_UNIT_PAGES; page++) {
        const res = await unwrap(api.GET('/api/v1/units', { params: { query: { page, per_page: 100 } } }));
        all.push(...res.items);
        if (res.items.length === 0 || all.length >= res.meta.total) break;
      }
      return all.sort((a, b) => a.code.localeCompare(b.code));
    },
    staleTime: 5 * 60_000,
  });
}

export function useGolongan() {
  return useQuery({
    queryKey: ['reference', 'golongan'],
    queryFn: () => unwrap(api.GET('/api/v1/reference/golongan')),
    staleTime: Infinity,
  });
}
