// The audit log (auditor, admin) and API keys (admin): types and TanStack Query hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components } from '../../../api/schema';
import type { MessageKey } from '../../../lib/i18n/messages';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditList = components['schemas']['AuditList'];
export type AuditVerification = components['schemas']['AuditVerification'];
export type ApiKey = components['schemas']['ApiKeyOut'];
export type ApiKeyCreated = components['schemas']['ApiKeyCreated'];
export type ApiScope = components['schemas']['ApiScope'];

/**
 * Every scope the server knows with its label, in the order the form offers them. The table is
 * keyed by the generated `ApiScope` union: a scope added to the API fails `tsc` until it has a
 * label here, so the form always offers every scope.
 */
export const SCOPE_LABELS = {
  'master:read': 'apiKeys.scope.master:read',
  'master:write': 'apiKeys.scope.master:write',
  'results:read': 'apiKeys.scope.results:read',
  'accounts:write': 'apiKeys.scope.accounts:write',
  'periods:write': 'apiKeys.scope.periods:write',
  'cycle:read': 'apiKeys.scope.cycle:read',
  'feedback:read': 'apiKeys.scope.feedback:read',
  'feedback:write': 'apiKeys.scope.feedback:write',
  'talent:read': 'apiKeys.scope.talent:read',
  'talent:write': 'apiKeys.scope.talent:write',
  'audit:read': 'apiKeys.scope.audit:read',
  'siasn:push': 'apiKeys.scope.siasn:push',
  'webhooks:write': 'apiKeys.scope.webhooks:write',
} as const satisfies Record<ApiScope, MessageKey>;
export const API_SCOPES = Object.keys(SCOPE_LABELS) as ApiScope[];

export interface AuditFilter {
  objectType: string;
  objectId: string;
  page: number;
  perPage: number;
}

export function useAuditEntries(f: AuditFilter) {
  return useQuery({
    queryKey: ['audit', f],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/audit', {
          params: {
            query: {
              object_type: f.objectType || undefined,
              object_id: f.objectId || undefined,
              page: f.page,
              per_page: f.perPage,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Recomputes the hash chain on demand (it reads every entry, so never automatically). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify')) });
}

const KEYS = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: KEYS, queryFn: () => unwrap(api.GET('/api/v1/api-keys')) });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: ApiScope[] }) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEYS }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEYS }),
  });
}
