// Results of a period for HR (the table, the SIASN-shaped JSON) and the CSV/XLSX exports.
// Exports need the bearer token, so they are fetched through the API client and saved as a
// Blob: a plain link could not carry the token.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';
import type { Ok } from './types';
import { saveBlob } from '../../../lib/download';

export { saveBlob };

export type ResultList = Ok<paths['/api/v1/periods/{id}/results']['get']>;
export type ResultRow = ResultList['items'][number];
export type SiasnList = Ok<paths['/api/v1/periods/{id}/results/siasn']['get']>;
export type ExportFormat = 'csv' | 'xlsx';

export const resultKeys = {
  list: (id: string, unit: string) => ['hr', 'results', id, 'list', unit] as const,
  siasn: (id: string, unit: string) => ['hr', 'results', id, 'siasn', unit] as const,
};

export function useResults(id: string, unitCode: string) {
  return useQuery({
    queryKey: resultKeys.list(id, unitCode),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/periods/{id}/results', {
          params: { path: { id }, query: { unit_code: unitCode || undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSiasn(id: string, unitCode: string, enabled: boolean) {
  return useQuery({
    queryKey: resultKeys.siasn(id, unitCode),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/periods/{id}/results/siasn', {
          params: { path: { id }, query: { unit_code: unitCode || undefined } },
        }),
      ),
    enabled,
  });
}

function fetchExport(id: string, unitCode: string, format: ExportFormat): Promise<Blob> {
  const init = {
    params: { path: { id }, query: { unit_code: unitCode || undefined } },
    parseAs: 'blob' as const,
  };
  return format === 'csv'
    ? unwrap(api.GET('/api/v1/periods/{id}/results.csv', init))
    : unwrap(api.GET('/api/v1/periods/{id}/results.xlsx', init));
}

export function exportFileName(periodName: string, unitCode: string, format: ExportFormat): string {
  const base = `hasil-${periodName}${unitCode ? `-${unitCode}` : ''}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-+/g, '-');
  return `${base}.${format}`;
}

export function useExport(id: string) {
  return useMutation({
    mutationFn: async ({ unitCode, format, fileName }: { unitCode: string; format: ExportFormat; fileName: string }) => {
      const blob = await fetchExport(id, unitCode, format);
      saveBlob(blob, fileName);
      return { format, size: blob.size };
    },
  });
}

export type SiasnDeliveries = Ok<paths['/api/v1/periods/{id}/siasn/push']['get']>;
export type SiasnPushSummary = Ok<paths['/api/v1/periods/{id}/siasn/push']['post']>;

export const siasnKeys = {
  deliveries: (id: string) => ['hr', 'results', id, 'siasn-push'] as const,
};

/** Each employee's SIASN delivery of the period. */
export function useSiasnDeliveries(id: string) {
  return useQuery({
    queryKey: siasnKeys.deliveries(id),
    queryFn: () => unwrap(api.GET('/api/v1/periods/{id}/siasn/push', { params: { path: { id } } })),
  });
}

/** Sends the period's published results to SIASN; refreshes the outcome list. */
export function useSiasnPush(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/periods/{id}/siasn/push', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: siasnKeys.deliveries(id) }),
  });
}
