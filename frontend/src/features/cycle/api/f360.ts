// 360-degree forms to fill (the rater's inbox) and the aggregates of one ratee.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components } from '../../../api/schema';
import type { AssignmentStatus, NominationStatus } from '../../../api/types';

type Schemas = components['schemas'];
export type Group = Schemas['RaterGroup'];
export type Form360 = Schemas['FormOut'];
/**
 * What a rater's form shows. Client-only narrowing: FormOut.status is an AssignmentStatus,
 * whose `nominated` and `rejected` are nomination states of a peer row, never of a form in
 * the rater's inbox; should one arrive, it reads as not started.
 */
export type FormStatus = Extract<AssignmentStatus, 'assigned' | 'draft' | 'submitted'>;
const FORM_STATUS = {
  assigned: 'assigned',
  draft: 'draft',
  submitted: 'submitted',
  nominated: 'assigned',
  rejected: 'assigned',
} as const satisfies Record<AssignmentStatus, FormStatus>;
export type Form360Input = Schemas['ResponseInput'];
export type Summary360 = Schemas['SummaryOut'];
export type GroupSummary = Schemas['GroupOut'];

export const f360Keys = {
  all: ['cycle', '360'] as const,
  inbox: ['cycle', '360', 'inbox'] as const,
  form: (id: string) => ['cycle', '360', 'form', id] as const,
  summary: (periodId: string, nip: string) => ['cycle', '360', 'summary', periodId, nip] as const,
};

export function useInbox() {
  return useQuery({
    queryKey: f360Keys.inbox,
    queryFn: () => unwrap(api.GET('/api/v1/me/360')),
  });
}

export function useForm360(id: string) {
  return useQuery({
    queryKey: f360Keys.form(id),
    queryFn: () => unwrap(api.GET('/api/v1/ratings360/{id}', { params: { path: { id } } })),
  });
}

export function useSaveForm360(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Form360Input) => unwrap(api.PUT('/api/v1/ratings360/{id}', { params: { path: { id } }, body })),
    onSuccess: (form) => {
      qc.setQueryData(f360Keys.form(id), form);
      void qc.invalidateQueries({ queryKey: f360Keys.inbox });
    },
  });
}

export function useSummary360(periodId: string | undefined, nip: string | undefined) {
  return useQuery({
    queryKey: f360Keys.summary(periodId ?? '', nip ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/periods/{id}/employees/{nip}/360', { params: { path: { id: periodId!, nip: nip! } } })),
    enabled: !!periodId && !!nip,
  });
}

/** The form's state as the rater sees it. */
export function formStatus(f: Pick<Form360, 'status'>): FormStatus {
  return FORM_STATUS[f.status];
}

// Peer nominations (the ratee) and their approval (the direct supervisor). Neither view ever
// says whether a peer has answered.
export type Peer = Schemas['PeerOut'];
export type PeerState = NominationStatus;

export const peerKeys = {
  peers: (periodId: string, nip: string) => ['cycle', '360', 'peers', periodId, nip] as const,
};

export function usePeers(periodId: string | undefined, nip: string | undefined, enabled = true) {
  return useQuery({
    queryKey: peerKeys.peers(periodId ?? '', nip ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/periods/{id}/employees/{nip}/peers', { params: { path: { id: periodId!, nip: nip! } } })),
    enabled: enabled && !!periodId && !!nip,
  });
}

export function useNominatePeers(periodId: string, nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (nips: string[]) =>
      unwrap(api.POST('/api/v1/periods/{id}/employees/{nip}/peers', { params: { path: { id: periodId, nip } }, body: { nips } })),
    onSuccess: (list) => qc.setQueryData(peerKeys.peers(periodId, nip), list),
  });
}

export function useDecidePeer(periodId: string, nip: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, reason }: { id: string; approve: boolean; reason?: string | null }) =>
      approve
        ? unwrap(api.POST('/api/v1/ratings360/{id}/approve', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/ratings360/{id}/reject', { params: { path: { id } }, body: { reason: reason || null } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: peerKeys.peers(periodId, nip) }),
  });
}
