// Token storage: the access token lives in memory only. The refresh token is never seen
// by scripts: the server keeps it in the HttpOnly cookie `kinerja_refresh`, sent only to
// /api/v1/auth. localStorage holds a non-secret marker that a session cookie probably
// exists, so a reload knows to ask for a new access token and other tabs follow sign-outs.
// Components subscribe via useSession().

const MARKER_KEY = 'kinerja360.session';

export interface Tokens {
  access_token: string;
  /** Deprecated body field; ignored by the SPA (the cookie carries it). */
  refresh_token?: string;
  expires_in: number;
}

let accessToken: string | null = null;
let accessExpiresAt = 0;
let signedIn: boolean = readMarker();
/** Why the last session ended; read once by the login page. */
let endReason: 'logout' | 'expired' | null = null;
const listeners = new Set<() => void>();

function readMarker(): boolean {
  try {
    return globalThis.localStorage?.getItem(MARKER_KEY) === '1';
  } catch {
    return false;
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

/** True while the user is (or, with the refresh cookie, can become) signed in. */
export function hasSession(): boolean {
  return signedIn;
}

export function setTokens(t: Tokens): void {
  const hadSession = signedIn;
  accessToken = t.access_token;
  // Refresh 15 s before the server-side expiry to avoid racing it.
  accessExpiresAt = Date.now() + Math.max(0, t.expires_in - 15) * 1000;
  signedIn = true;
  try {
    globalThis.localStorage?.setItem(MARKER_KEY, '1');
  } catch {
    /* storage unavailable: other tabs will not follow */
  }
  if (!hadSession) emit();
}

export function clearTokens(reason: 'logout' | 'expired' = 'expired'): void {
  const hadSession = signedIn;
  if (hadSession) endReason = reason;
  accessToken = null;
  accessExpiresAt = 0;
  signedIn = false;
  try {
    globalThis.localStorage?.removeItem(MARKER_KEY);
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
    if (e.key !== MARKER_KEY) return;
    if (e.newValue === null) {
      clearTokens('logout');
    } else if (!signedIn) {
      // Signed in by another tab: the shared cookie gives this tab an access token.
      signedIn = true;
      emit();
    }
  });
}
