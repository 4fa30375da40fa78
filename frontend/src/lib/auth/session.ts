// Token storage: the access token lives in memory only; the refresh token is kept in
// localStorage so a reload keeps the session. Components subscribe via useSession().

const REFRESH_KEY = 'kinerja360.refresh_token';

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

let accessToken: string | null = null;
let accessExpiresAt = 0;
let refreshToken: string | null = readStoredRefresh();
/** Why the last session ended; read once by the login page. */
let endReason: 'logout' | 'expired' | null = null;
const listeners = new Set<() => void>();

function readStoredRefresh(): string | null {
  try {
    return globalThis.localStorage?.getItem(REFRESH_KEY) ?? null;
  } catch {
    return null;
  }
}

function emit() {
  for (const l of listeners) l();
}

export function getAccessToken(): string | null {
  return accessToken;
}

/** True when the in-memory access token is missing or about to expire. */
export function accessTokenStale(now = Date.now()): boolean {
  return accessToken === null || now >= accessExpiresAt;
}

export function getRefreshToken(): string | null {
  // Another tab may have rotated the token a moment ago; storage is the source of truth.
  const stored = readStoredRefresh();
  if (stored !== null) refreshToken = stored;
  return refreshToken;
}

export function hasSession(): boolean {
  return refreshToken !== null;
}

export function setTokens(t: Tokens): void {
  const hadSession = refreshToken !== null;
  accessToken = t.access_token;
  // Refresh 15 s before the server-side expiry to avoid racing it.
  accessExpiresAt = Date.now() + Math.max(0, t.expires_in - 15) * 1000;
  refreshToken = t.refresh_token;
  try {
    globalThis.localStorage?.setItem(REFRESH_KEY, t.refresh_token);
  } catch {
    /* storage unavailable: the session lasts for this page only */
  }
  if (!hadSession) emit();
}

export function clearTokens(reason: 'logout' | 'expired' = 'expired'): void {
  const hadSession = refreshToken !== null;
  if (hadSession) endReason = reason;
  accessToken = null;
  accessExpiresAt = 0;
  refreshToken = null;
  try {
    globalThis.localStorage?.removeItem(REFRESH_KEY);
  } catch {
    /* ignore */
  }
  if (hadSession) emit();
}

/** Returns (and forgets) why the previous session ended. */
export function takeEndReason(): 'logout' | 'expired' | null {
  const r = endReason;
  endReason = null;
  return r;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab logged out (or in): follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== REFRESH_KEY) return;
    if (e.newValue === null) {
      clearTokens('logout');
    } else if (e.newValue !== refreshToken) {
      // Rotated or signed in by another tab. Our access token stays valid until it expires.
      const hadSession = refreshToken !== null;
      refreshToken = e.newValue;
      if (!hadSession) emit();
    }
  });
}
