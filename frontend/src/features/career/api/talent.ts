// Talent management: the 9-box grid, potensi, promotion candidates, placement, angka kredit,
// and the CSV downloads (fetched with the bearer token, saved as a Blob).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { PotensiInput } from './types';

export const talentKeys = {
  all: ['career', 'talent'] as const,
  grid: (unitCode: string, year: number) => ['career', 'talent', 'grid', unitCode, year] as const,
  candidates: (unitCode: string) => ['career', 'talent', 'candidates', unitCode] as const,
  placement: (jabatan: string, unitCode: string) => ['career', 'talent', 'placement', jabatan, unitCode] as const,
  potensi: (nip: string) => ['career', 'talent', 'potensi', nip] as const,
  ak: (unitCode: string, year: number) => ['career', 'talent', 'ak', unitCode, year] as const,
};

export function useTalentGrid(unitCode: string, year: number) {
  return useQuery({
    queryKey: talentKeys.grid(unitCode, year),
    queryFn: () =>
      unwrap(api.GET('/api/v1/talent/grid', { params: { query: { unit_code: unitCode || undefined, year } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCandidates(unitCode: string) {
  return useQuery({
    queryKey: talentKeys.candidates(unitCode),
    queryFn: () =>
      unwrap(api.GET('/api/v1/talent/candidates', { params: { query: { unit_code: unitCode || undefined } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePlacement(jabatan: string, unitCode: string) {
  return useQuery({
    queryKey: talentKeys.placement(jabatan, unitCode),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/talent/placement', { params: { query: { jabatan, unit_code: unitCode || undefined } } }),
      ),
    enabled: jabatan.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

export function usePotensi(nip: string) {
  return useQuery({
    queryKey: talentKeys.potensi(nip),
    queryFn: () => unwrap(api.GET('/api/v1/employees/{nip}/potensi', { params: { path: { nip } } })),
    enabled: /^\d{18}$/.test(nip),
  });
}

export function useAddPotensi() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ nip, body }: { nip: string; body: PotensiInput }) =>
      unwrap(api.POST('/api/v1/employees/{nip}/potensi', { params: { path: { nip } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: talentKeys.all }),
  });
}

export function useUnitAngkaKredit(unitCode: string, year: number) {
  return useQuery({
    queryKey: talentKeys.ak(unitCode, year),
    queryFn: () =>
      unwrap(api.GET('/api/v1/talent/angka-kredit', { params: { query: { unit_code: unitCode || undefined, year } } })),
    placeholderData: keepPreviousData,
  });
}

async function asBlob(call: Promise<unknown>): Promise<Blob> {
  const data = await unwrap(call as Promise<{ data: Blob; error?: never; response: Response }>);
  return data;
}

export function downloadCandidatesCsv(unitCode: string): Promise<Blob> {
  return asBlob(
    api.GET('/api/v1/talent/candidates.csv', {
      params: { query: { unit_code: unitCode || undefined } },
      parseAs: 'blob',
    }),
  );
}

export function downloadAngkaKreditCsv(unitCode: string, year: number): Promise<Blob> {
  return asBlob(
    api.GET('/api/v1/talent/angka-kredit.csv', {
      params: { query: { unit_code: unitCode || undefined, year } },
      parseAs: 'blob',
    }),
  );
}

/** Offers a Blob to the user as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  if (typeof URL.createObjectURL !== 'function') return; // jsdom
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
