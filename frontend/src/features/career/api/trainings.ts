// The training catalogue (Katalog Pelatihan): list, create, edit, delete, CSV import.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { TrainingInput, TrainingMode, ValueRef } from './types';
import type { CoreValue } from '../../../api/types';

export interface TrainingFilters {
  q: string;
  valueCode: '' | CoreValue;
  mode: '' | TrainingMode;
  /** '' = all, 'true' = active only, 'false' = inactive only. */
  active: '' | 'true' | 'false';
}

export const trainingKeys = {
  all: ['career', 'trainings'] as const,
  list: (f: TrainingFilters) => ['career', 'trainings', f] as const,
  values: ['career', 'berakhlak'] as const,
};

export function useTrainings(f: TrainingFilters, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.list(f),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/trainings', {
          params: {
            query: {
              q: f.q.trim() || undefined,
              value_code: f.valueCode || undefined,
              mode: f.mode || undefined,
              active: f.active === '' ? undefined : f.active === 'true',
            },
          },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The seven BerAKHLAK values (code, Indonesian and English names). */
export function useValues() {
  return useQuery({
    queryKey: trainingKeys.values,
    queryFn: async (): Promise<ValueRef[]> => {
      const list = await unwrap(api.GET('/api/v1/reference/berakhlak'));
      return list.map((v) => ({ code: String(v.code), name: v.name, name_en: v.name_en }));
    },
    staleTime: Infinity,
  });
}

export function useSaveTraining() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TrainingInput }) =>
      id
        ? unwrap(api.PUT('/api/v1/trainings/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/trainings', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useDeleteTraining() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/trainings/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

function csvBody(csv: string) {
  return {
    body: csv,
    bodySerializer: (body: unknown) => body as string,
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  };
}

export function importTrainingsCsv(csv: string, dryRun: boolean) {
  return unwrap(api.POST('/api/v1/trainings/import', { params: { query: { dry_run: dryRun } }, ...csvBody(csv) }));
}

export function importPotensiCsv(csv: string, dryRun: boolean) {
  return unwrap(
    api.POST('/api/v1/talent/potensi/import', { params: { query: { dry_run: dryRun } }, ...csvBody(csv) }),
  );
}
