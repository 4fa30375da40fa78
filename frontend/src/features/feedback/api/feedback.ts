// Feedback targets (QR codes, tickets) and the moderation queue: types and TanStack Query hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { ApiError, unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';
import { valuesOf, type SubmissionStatus, type TargetKind } from '../../../api/types';
import type { MessageKey } from '../../../lib/i18n/messages';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type TargetPage = Ok<paths['/api/v1/feedback-targets']['get']>;
export type FeedbackTarget = TargetPage['items'][number];
export type TargetInput = BodyOf<paths['/api/v1/feedback-targets']['post']>;
export type TicketBatch = Ok<paths['/api/v1/feedback-targets/{id}/tickets']['post']>;
export type TicketPage = Ok<paths['/api/v1/feedback-targets/{id}/tickets']['get']>;
export type SubmissionPage = Ok<paths['/api/v1/feedback/moderation']['get']>;
export type Submission = SubmissionPage['items'][number];
export type { SubmissionStatus, TargetKind };
/** Keys of `answers`: `u1` … `u9`. */
// TODO(spec): SubmissionOut.answers (keys `u1` … `u9`, typed as a string-keyed map).
export type AnswerCode = 'u1' | 'u2' | 'u3' | 'u4' | 'u5' | 'u6' | 'u7' | 'u8' | 'u9';

export const ELEMENT_CODES: readonly AnswerCode[] = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];
/** The moderation tabs, in this order. */
export const SUBMISSION_STATUSES = valuesOf<SubmissionStatus>({ held: true, counted: true, rejected: true });
/** Every kind of target with its label, in the order the filter and the form offer them. */
export const TARGET_KIND_LABELS = {
  unit: 'targets.kindUnit',
  employee: 'targets.kindEmployee',
} as const satisfies Record<TargetKind, MessageKey>;
export const TARGET_KINDS = Object.keys(TARGET_KIND_LABELS) as TargetKind[];

export interface TargetFilters {
  unitCode: string;
  kind: '' | TargetKind;
  page: number;
  perPage: number;
}

export interface ModerationFilters {
  status: SubmissionStatus;
  unitCode: string;
  page: number;
  perPage: number;
}

export const feedbackKeys = {
  all: ['feedback'] as const,
  targets: ['feedback', 'targets'] as const,
  targetList: (f: TargetFilters) => ['feedback', 'targets', 'list', f] as const,
  target: (id: string) => ['feedback', 'targets', 'one', id] as const,
  qr: (id: string, format: QrFormat, token: string) => ['feedback', 'qr', id, format, token] as const,
  tickets: (id: string, page: number, perPage: number) => ['feedback', 'tickets', id, { page, perPage }] as const,
  moderation: ['feedback', 'moderation'] as const,
  moderationList: (f: ModerationFilters) => ['feedback', 'moderation', f] as const,
};

export function useTargets(f: TargetFilters) {
  return useQuery({
    queryKey: feedbackKeys.targetList(f),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/feedback-targets', {
          params: {
            query: {
              unit_code: f.unitCode || undefined,
              kind: f.kind || undefined,
              page: f.page,
              per_page: f.perPage,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

const MAX_TARGET_PAGES = 50;

/**
 * One target by id. The list endpoint is the only read there is, so this pages through it;
 * a target already seen in a list (router state) shows at once.
 */
export function useTarget(id: string, seen?: FeedbackTarget) {
  return useQuery({
    queryKey: feedbackKeys.target(id),
    queryFn: async (): Promise<FeedbackTarget> => {
      for (let page = 1; page <= MAX_TARGET_PAGES; page++) {
        const res = await unwrap(api.GET('/api/v1/feedback-targets', { params: { query: { page, per_page: 100 } } }));
        const hit = res.items.find((t) => t.id === id);
        if (hit) return hit;
        if (res.items.length === 0 || page * 100 >= res.meta.total) break;
      }
      throw new ApiError(404, 'not_found', 'Sasaran umpan balik tidak ditemukan.');
    },
    initialData: seen && seen.id === id ? seen : undefined,
    // The seen copy may be old: refresh it right away, in the background.
    initialDataUpdatedAt: 0,
  });
}

export function useCreateTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetInput) => unwrap(api.POST('/api/v1/feedback-targets', { body })),
    onSuccess: (target) => {
      qc.setQueryData(feedbackKeys.target(target.id), target);
      void qc.invalidateQueries({ queryKey: [...feedbackKeys.targets, 'list'] });
    },
  });
}

export type TargetAction = 'rotate' | 'disable' | 'enable';

function runTargetAction(id: string, action: TargetAction) {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'rotate':
      return unwrap(api.POST('/api/v1/feedback-targets/{id}/rotate', params));
    case 'disable':
      return unwrap(api.POST('/api/v1/feedback-targets/{id}/disable', params));
    case 'enable':
      return unwrap(api.POST('/api/v1/feedback-targets/{id}/enable', params));
  }
}

export function useTargetAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: TargetAction }) => runTargetAction(id, action),
    onSuccess: (target) => {
      qc.setQueryData(feedbackKeys.target(target.id), target);
      void qc.invalidateQueries({ queryKey: [...feedbackKeys.targets, 'list'] });
    },
  });
}

export type QrFormat = 'svg' | 'png';

/** The printable QR sheet as a Blob (the endpoint needs the bearer token, so no plain <img src>). */
export function useQrImage(id: string, format: QrFormat, token: string | undefined) {
  return useQuery({
    queryKey: feedbackKeys.qr(id, format, token ?? ''),
    queryFn: async (): Promise<Blob> => {
      const call =
        format === 'svg'
          ? api.GET('/api/v1/feedback-targets/{id}/qr.svg', { params: { path: { id } }, parseAs: 'blob' })
          : api.GET('/api/v1/feedback-targets/{id}/qr.png', { params: { path: { id } }, parseAs: 'blob' });
      const blob = (await unwrap(call)) as unknown as Blob;
      // Some servers omit the type; <img> needs it for SVG.
      const type = format === 'svg' ? 'image/svg+xml' : 'image/png';
      return blob.type === type ? blob : new Blob([blob], { type });
    },
    enabled: token !== undefined,
    staleTime: Infinity,
  });
}

export function useTickets(id: string, page: number, perPage: number) {
  return useQuery({
    queryKey: feedbackKeys.tickets(id, page, perPage),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/feedback-targets/{id}/tickets', {
          params: { path: { id }, query: { unused: true, page, per_page: perPage } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTickets(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (count: number) =>
      unwrap(api.POST('/api/v1/feedback-targets/{id}/tickets', { params: { path: { id } }, body: { count } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['feedback', 'tickets', id] }),
  });
}

export function useModeration(f: ModerationFilters) {
  return useQuery({
    queryKey: feedbackKeys.moderationList(f),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/feedback/moderation', {
          params: {
            query: { status: f.status, unit_code: f.unitCode || undefined, page: f.page, per_page: f.perPage },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export type ModerationAction =
  | { id: string; action: 'accept' }
  | { id: string; action: 'reject' | 'hide'; reason: string };

function runModeration(a: ModerationAction) {
  const path = { path: { id: a.id } };
  switch (a.action) {
    case 'accept':
      return unwrap(api.POST('/api/v1/feedback/{id}/accept', { params: path }));
    case 'reject':
      return unwrap(api.POST('/api/v1/feedback/{id}/reject', { params: path, body: { reason: a.reason } }));
    case 'hide':
      return unwrap(api.POST('/api/v1/feedback/{id}/hide-comment', { params: path, body: { reason: a.reason } }));
  }
}

/** Accepts several held submissions at once (all or none). */
export function useAcceptMany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => unwrap(api.POST('/api/v1/feedback/accept', { body: { ids } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: feedbackKeys.moderation });
      void qc.invalidateQueries({ queryKey: [...feedbackKeys.targets, 'list'] });
    },
  });
}

export function useModerate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: runModeration,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: feedbackKeys.moderation });
      // Counted/held totals per target change with a decision.
      void qc.invalidateQueries({ queryKey: [...feedbackKeys.targets, 'list'] });
    },
  });
}
