// The signed-in account's notifications and email preferences (ADR 0024). The list is kept
// fresh by the `notification_created` event (lib/events/live.ts marks ['notifications'] stale).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R } ? (R extends { 200: infer S } ? JsonOf<S> : never) : never;

export type NotificationList = Ok<paths['/api/v1/me/notifications']['get']>;
export type Notification = NotificationList['items'][number];
export type Preferences = Ok<paths['/api/v1/me/notification-preferences']['get']>;
export type NotificationCategory = Preferences['categories'][number]['category'];

export const PER_PAGE = 20;

export function useNotifications(page: number, unreadOnly = false) {
  return useQuery({
    queryKey: ['notifications', 'list', page, unreadOnly],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/me/notifications', {
          params: { query: { page, per_page: PER_PAGE, unread: unreadOnly || undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The unread count for the bell (one small request; refetched on `notification_created`). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/notifications', { params: { query: { unread: true, per_page: 1 } } })),
    select: (d) => d.unread,
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/notifications/read-all')),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: ['notifications', 'preferences'],
    queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')),
  });
}

export function useSetPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { category: NotificationCategory; email: boolean }) =>
      unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { categories: [v] } })),
    onSuccess: (data) => qc.setQueryData(['notifications', 'preferences'], data),
  });
}
