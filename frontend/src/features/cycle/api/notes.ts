// Continuous feedback notes and coaching sessions (bimbingan kinerja, B.1.8).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type FeedbackNote = Schemas['FeedbackNoteOut'];
export type NoteInput = Schemas['FeedbackNoteInput'];
export type Coaching = Schemas['CoachingOut'];
export type CoachingInput = Schemas['CoachingInput'];

export const noteKeys = {
  notes: (nip: string, periodId: string) => ['cycle', 'notes', nip, periodId] as const,
  coaching: (nip: string) => ['cycle', 'coaching', nip] as const,
  statements: ['cycle', 'reference', 'coaching-statements'] as const,
};

export function useNotes(nip: string | undefined, periodId = '') {
  return useQuery({
    queryKey: noteKeys.notes(nip ?? '', periodId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/employees/{nip}/feedback-notes', {
          params: { path: { nip: nip! }, query: { period_id: periodId || undefined, per_page: 100 } },
        }),
      ),
    enabled: !!nip,
  });
}

export function useAddNote(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NoteInput) =>
      unwrap(api.POST('/api/v1/employees/{nip}/feedback-notes', { params: { path: { nip } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cycle', 'notes', nip] }),
  });
}

export function useCoaching(nip: string | undefined) {
  return useQuery({
    queryKey: noteKeys.coaching(nip ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/employees/{nip}/coaching', { params: { path: { nip: nip! }, query: { per_page: 100 } } })),
    enabled: !!nip,
  });
}

export function useRecordCoaching(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CoachingInput) =>
      unwrap(api.POST('/api/v1/employees/{nip}/coaching', { params: { path: { nip } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: noteKeys.coaching(nip) }),
  });
}

export function useRateCoaching(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answers, comment }: { id: string; answers: number[]; comment: string | null }) =>
      unwrap(api.PUT('/api/v1/coaching/{id}/rating', { params: { path: { id } }, body: { answers, comment } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: noteKeys.coaching(nip) }),
  });
}

export function useCoachingStatements() {
  return useQuery({
    queryKey: noteKeys.statements,
    queryFn: () => unwrap(api.GET('/api/v1/reference/coaching-statements')),
    staleTime: Infinity,
  });
}
