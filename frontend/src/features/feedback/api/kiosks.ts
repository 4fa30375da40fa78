// Kiosk devices of a feedback target (a desk's own tablet, ADR 0027): hooks for HR and the
// public setup call made by the tablet itself.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components } from '../../../api/schema';

export type Kiosk = components['schemas']['KioskOut'];
export type KioskCreated = components['schemas']['KioskCreated'];
export type KioskSession = components['schemas']['KioskSession'];

const kioskKeys = {
  list: (targetId: string) => ['feedback', 'kiosks', targetId] as const,
};

export function useKiosks(targetId: string) {
  return useQuery({
    queryKey: kioskKeys.list(targetId),
    queryFn: () => unwrap(api.GET('/api/v1/feedback-targets/{id}/kiosks', { params: { path: { id: targetId } } })),
  });
}

export function useCreateKiosk(targetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      unwrap(api.POST('/api/v1/feedback-targets/{id}/kiosks', { params: { path: { id: targetId } }, body: { name } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: kioskKeys.list(targetId) }),
  });
}

export function useRevokeKiosk(targetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (kioskId: string) => unwrap(api.POST('/api/v1/kiosks/{id}/revoke', { params: { path: { id: kioskId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: kioskKeys.list(targetId) }),
  });
}

/** The tablet sets itself up with the credential from its setup link (kept in an HttpOnly cookie). */
export function activateKiosk(token: string): Promise<KioskSession> {
  return unwrap(api.POST('/api/v1/public/kiosk', { body: { token } }));
}

/** Ends kiosk mode on this device (clears the cookie). */
export async function deactivateKiosk(): Promise<void> {
  await unwrap(api.DELETE('/api/v1/public/kiosk'));
}
