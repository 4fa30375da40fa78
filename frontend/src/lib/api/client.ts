// The typed API client. Every request goes through authFetch, which adds the bearer token,
// refreshes the session (with the HttpOnly refresh cookie) once on 401 — e.g.
// `session_ended` after a sign-out elsewhere — (single-flight across concurrent requests) and retries.
import createClient from 'openapi-fetch';
import type { paths } from '../../api/schema';
import { accessTokenStale, clearTokens, getAccessToken, hasSession, setTokens, type Tokens } from '../auth/session';

function origin(): string {
  // Node's Request (used by tests) needs an absolute URL; in the browser this is the page origin.
  return globalThis.location?.origin && globalThis.location.origin !== 'null' ? globalThis.location.origin : '';
}

const AUTH_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/set-password'];

let inflightRefresh: Promise<boolean> | null = null;

async function doRefresh(): Promise<boolean> {
  if (!hasSession()) return false;
  let res: Response;
  try {
    // The refresh token is the HttpOnly cookie; nothing secret is sent from script.
    res = await globalThis.fetch(
      new Request(`${origin()}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      }),
    );
  } catch {
    // Network trouble is not a reason to sign the user out.
    return false;
  }
  if (!res.ok) {
    if (res.status === 400 || res.status === 401 || res.status === 403) clearTokens();
    return false;
  }
  try {
    setTokens((await res.json()) as Tokens);
    return true;
  } catch {
    return false;
  }
}

/** Refreshes the session; concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  inflightRefresh ??= doRefresh().finally(() => {
    inflightRefresh = null;
  });
  return inflightRefresh;
}

function withBearer(request: Request, token: string | null): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

export async function authFetch(request: Request): Promise<Response> {
  const path = new URL(request.url, origin() || 'http://localhost').pathname;
  if (AUTH_PATHS.includes(path)) return globalThis.fetch(request);

  // After a reload only the refresh cookie is there: get an access token first.
  if (accessTokenStale() && hasSession()) await refreshSession();

  const retry = request.clone();
  const sent = getAccessToken();
  const res = await globalThis.fetch(withBearer(request, sent));
  if (res.status !== 401 || !hasSession()) return res;

  // Someone else may already have refreshed while this request was in flight.
  const current = getAccessToken();
  const refreshed = current !== null && current !== sent ? true : await refreshSession();
  if (!refreshed) return res;
  return globalThis.fetch(withBearer(retry, getAccessToken()));
}

export const api = createClient<paths>({
  baseUrl: origin(),
  // openapi-fetch captures fetch at creation; go through globalThis so test mocks apply.
  fetch: (r: Request) => authFetch(r),
  headers: { Accept: 'application/json' },
});
