// Development recommendations, plans, plan items (progress, certificates) and training hours:
// TanStack Query hooks over the typed client.
import { useMutation, useQueries, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { EmployeePage } from '../../../api/types';
import type { Certificate, ItemProgressInput, PlanInput } from './types';

export const careerKeys = {
  all: ['career'] as const,
  recommendations: (nip: string) => ['career', 'recommendations', nip] as const,
  plans: (nip: string) => ['career', 'plans', nip] as const,
  hours: (nip: string, year: number) => ['career', 'hours', nip, year] as const,
  itemList: ['career', 'items'] as const,
  items: (f: ItemFilters) => ['career', 'items', f] as const,
  unitHours: (unitCode: string, year: number) => ['career', 'unit-hours', unitCode, year] as const,
};

export function useRecommendations(nip: string | undefined) {
  return useQuery({
    queryKey: careerKeys.recommendations(nip ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/employees/{nip}/recommendations', { params: { path: { nip: nip ?? '' } } })),
    enabled: !!nip,
  });
}

/** Recommendations of several employees at once (a supervisor's direct reports). */
export function useTeamRecommendations(nips: readonly string[]) {
  return useQueries({
    queries: nips.map((nip) => ({
      queryKey: careerKeys.recommendations(nip),
      queryFn: () => unwrap(api.GET('/api/v1/employees/{nip}/recommendations', { params: { path: { nip } } })),
    })),
  });
}

export function usePlans(nip: string | undefined) {
  return useQuery({
    queryKey: careerKeys.plans(nip ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/employees/{nip}/development-plans', { params: { path: { nip: nip ?? '' } } })),
    enabled: !!nip,
  });
}

export function useTeamPlans(nips: readonly string[]) {
  return useQueries({
    queries: nips.map((nip) => ({
      queryKey: careerKeys.plans(nip),
      queryFn: () => unwrap(api.GET('/api/v1/employees/{nip}/development-plans', { params: { path: { nip } } })),
    })),
  });
}

export function useCreatePlan(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) =>
      unwrap(api.POST('/api/v1/employees/{nip}/development-plans', { params: { path: { nip } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: careerKeys.plans(nip) });
      void qc.invalidateQueries({ queryKey: careerKeys.itemList });
    },
  });
}

/** Progress of one plan item (the employee's own). */
export function useUpdateItem(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ItemProgressInput }) =>
      unwrap(api.PATCH('/api/v1/development-items/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidateEmployee(qc, nip),
  });
}

function invalidateEmployee(qc: ReturnType<typeof useQueryClient>, nip: string) {
  void qc.invalidateQueries({ queryKey: careerKeys.plans(nip) });
  void qc.invalidateQueries({ queryKey: ['career', 'hours', nip] });
  void qc.invalidateQueries({ queryKey: careerKeys.itemList });
  void qc.invalidateQueries({ queryKey: ['career', 'unit-hours'] });
}

/** Uploads a certificate as the raw request body with the file's own content type. */
export function useUploadCertificate(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, file }: { id: string; file: File }): Promise<Certificate> => {
      // The bytes themselves, so every fetch implementation sends them unchanged.
      const bytes = await file.arrayBuffer();
      return unwrap(
        api.POST('/api/v1/development-items/{id}/certificates', {
          params: { path: { id }, query: { file_name: file.name } },
          body: bytes as unknown as string,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': file.type || 'application/octet-stream' },
        }) as Promise<{ data: Certificate; error?: never; response: Response }>,
      );
    },
    onSuccess: () => invalidateEmployee(qc, nip),
  });
}

export function useDeleteCertificate(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, certId }: { itemId: string; certId: string }) =>
      unwrap(
        api.DELETE('/api/v1/development-items/{id}/certificates/{cert_id}', {
          params: { path: { id: itemId, cert_id: certId } },
        }),
      ),
    onSuccess: () => invalidateEmployee(qc, nip),
  });
}

/** The certificate file (needs the bearer token, so it is fetched, not linked). */
export async function fetchCertificate(itemId: string, certId: string): Promise<Blob> {
  const blob = await unwrap(
    api.GET('/api/v1/development-items/{id}/certificates/{cert_id}', {
      params: { path: { id: itemId, cert_id: certId } },
      parseAs: 'blob',
    }),
  );
  return blob as unknown as Blob;
}

export function useTrainingHours(nip: string | undefined, year: number) {
  return useQuery({
    queryKey: careerKeys.hours(nip ?? '', year),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/employees/{nip}/training-hours', { params: { path: { nip: nip ?? '' }, query: { year } } }),
      ),
    enabled: !!nip,
  });
}

export interface ItemFilters {
  unitCode: string;
  overdue: boolean;
  page: number;
  perPage: number;
}

/** Plan items across employees (HR report). */
export function useItems(f: ItemFilters) {
  return useQuery({
    queryKey: careerKeys.items(f),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/development-plans', {
          params: {
            query: {
              unit_code: f.unitCode || undefined,
              overdue: f.overdue || undefined,
              page: f.page,
              per_page: f.perPage,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUnitHours(unitCode: string, year: number) {
  return useQuery({
    queryKey: careerKeys.unitHours(unitCode, year),
    queryFn: () =>
      unwrap(api.GET('/api/v1/training-hours', { params: { query: { unit_code: unitCode || undefined, year } } })),
    placeholderData: keepPreviousData,
  });
}

const MAX_EMPLOYEE_PAGES = 50;

/**
 * The supervisor's direct reports. The employee list answers with the caller's whole subtree,
 * so this pages through it and keeps those whose supervisor is the caller.
 */
export function useDirectReports(nip: string | undefined) {
  return useQuery({
    queryKey: ['career', 'team', nip ?? ''],
    queryFn: async () => {
      const all: EmployeeRow[] = [];
      for (let page = 1; page <= MAX_EMPLOYEE_PAGES; page++) {
        const res = await unwrap(api.GET('/api/v1/employees', { params: { query: { active: true, page, per_page: 100 } } }));
        all.push(...res.items);
        if (res.items.length === 0 || page * 100 >= res.meta.total) break;
      }
      return all.filter((e) => e.supervisor_nip === nip).sort((a, b) => a.name.localeCompare(b.name));
    },
    enabled: !!nip,
    staleTime: 60_000,
  });
}

type EmployeeRow = EmployeePage['items'][number];
