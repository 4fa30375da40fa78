// Session-level operations shared by every feature: who is signed in, sign in, sign out.
import { useEffect, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { Me, Role } from '../../api/types';
import { clearTokens, hasSession, setTokens, subscribe } from './session';

export const ME_KEY = ['me'] as const;

/** True while a session cookie is believed held (the user is, or can become, signed in). */
export function useHasSession(): boolean {
  return useSyncExternalStore(subscribe, hasSession, hasSession);
}

export function useMe() {
  const signedIn = useHasSession();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled: signedIn,
    staleTime: 60_000,
  });
}

export async function login(username: string, password: string): Promise<void> {
  const pair = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
  setTokens(pair);
}

export async function logout(queryClient: QueryClient): Promise<void> {
  if (hasSession()) {
    try {
      // The refresh cookie identifies the session; the server clears it.
      await api.POST('/api/v1/auth/logout', { credentials: 'same-origin' });
    } catch {
      /* the local session ends regardless */
    }
  }
  clearTokens('logout');
  queryClient.clear();
}

/** Drops every cached query when the session ends (logout, expiry, another tab). */
export function useClearCacheOnSessionEnd(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      subscribe(() => {
        if (!hasSession()) qc.clear();
      }),
    [qc],
  );
}

export function useLogout(): () => Promise<void> {
  const qc = useQueryClient();
  return () => logout(qc);
}

const STAFF: readonly Role[] = ['admin', 'hr', 'auditor'];
const WRITERS: readonly Role[] = ['admin', 'hr'];

export function hasAnyRole(me: Me | undefined, roles: readonly Role[]): boolean {
  return !!me && me.user.roles.some((r) => (roles as readonly string[]).includes(r));
}
export const canReadMasterData = (me: Me | undefined) => hasAnyRole(me, STAFF);
export const canWriteMasterData = (me: Me | undefined) => hasAnyRole(me, WRITERS);
