// The signed-in employee's own citizen feedback: the employee-level index and comments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { ApiError, unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;

export type CitizenFeedback = Ok<paths['/api/v1/employees/{nip}/citizen-feedback']['get']>;
export type CitizenComment = CitizenFeedback['comments'][number];
export type Reply = Ok<paths['/api/v1/feedback/{id}/reply']['post']>;

export const citizenFeedbackKey = (nip: string) => ['citizen-feedback', nip] as const;

export function useCitizenFeedback(nip: string) {
  return useQuery({
    queryKey: citizenFeedbackKey(nip),
    queryFn: () => unwrap(api.GET('/api/v1/employees/{nip}/citizen-feedback', { params: { path: { nip } } })),
  });
}

export function useReply(nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      unwrap(api.POST('/api/v1/feedback/{id}/reply', { params: { path: { id } }, body: { text } })),
    onSuccess: (reply) => {
      // Show the reply at once, then confirm with the server.
      qc.setQueryData<CitizenFeedback>(citizenFeedbackKey(nip), (old) =>
        old
          ? {
              ...old,
              comments: old.comments.map((c) =>
                c.id === reply.id ? { ...c, reply: reply.reply, replied_at: reply.replied_at } : c,
              ),
            }
          : old,
      );
      void qc.invalidateQueries({ queryKey: citizenFeedbackKey(nip) });
    },
    onError: (err) => {
      // Already answered (e.g. in another tab): fetch the stored reply.
      if (err instanceof ApiError && err.code === 'already_replied') {
        void qc.invalidateQueries({ queryKey: citizenFeedbackKey(nip) });
      }
    },
  });
}
