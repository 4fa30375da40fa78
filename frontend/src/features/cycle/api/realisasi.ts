// Realisasi per indicator and period, with bukti dukung (links and files).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components } from '../../../api/schema';
import { downloadFile, uploadRaw } from './http';

type Schemas = components['schemas'];
export type Evidence = Schemas['EvidenceOut'];
export type Realisasi = Schemas['RealisasiOut'];
export type RealisasiIndicator = Schemas['IndicatorRealisasi'];
export type RealisasiSheet = Schemas['RealisasiSheet'];
export type RealisasiInput = Schemas['RealisasiInput'];

export const realisasiKeys = {
  all: ['cycle', 'realisasi'] as const,
  sheet: (periodId: string, nip: string) => ['cycle', 'realisasi', periodId, nip] as const,
};

export function useRealisasi(periodId: string | undefined, nip: string | undefined) {
  return useQuery({
    queryKey: realisasiKeys.sheet(periodId ?? '', nip ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/periods/{period_id}/employees/{nip}/realisasi', {
          params: { path: { period_id: periodId!, nip: nip! } },
        }),
      ),
    enabled: !!periodId && !!nip,
  });
}

function useSheetInvalidation(periodId: string, nip: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: realisasiKeys.sheet(periodId, nip) });
    void qc.invalidateQueries({ queryKey: ['cycle', 'team'] });
  };
}

export function useSaveRealisasi(periodId: string, nip: string) {
  const refresh = useSheetInvalidation(periodId, nip);
  return useMutation({
    mutationFn: ({ indicatorId, body }: { indicatorId: string; body: RealisasiInput }) =>
      unwrap(
        api.PUT('/api/v1/periods/{period_id}/realisasi/{indicator_id}', {
          params: { path: { period_id: periodId, indicator_id: indicatorId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useAddLink(periodId: string, nip: string) {
  const refresh = useSheetInvalidation(periodId, nip);
  return useMutation({
    mutationFn: ({ realisasiId, url }: { realisasiId: string; url: string }) =>
      unwrap(api.POST('/api/v1/realisasi/{id}/evidence', { params: { path: { id: realisasiId } }, body: { url } })),
    onSuccess: refresh,
  });
}

export function useUploadEvidence(periodId: string, nip: string) {
  const refresh = useSheetInvalidation(periodId, nip);
  return useMutation({
    // The file goes as the raw body with its own Content-Type (not multipart).
    mutationFn: ({ realisasiId, file, contentType }: { realisasiId: string; file: File; contentType: string }) =>
      uploadRaw<Evidence>(
        `/api/v1/realisasi/${encodeURIComponent(realisasiId)}/evidence/file?filename=${encodeURIComponent(file.name)}`,
        file,
        contentType,
      ),
    onSuccess: refresh,
  });
}

export function useDeleteEvidence(periodId: string, nip: string) {
  const refresh = useSheetInvalidation(periodId, nip);
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/evidence/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function downloadEvidence(e: Evidence): Promise<void> {
  return downloadFile(`/api/v1/evidence/${encodeURIComponent(e.id)}/file`, e.file_name ?? 'bukti');
}
