import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch } from '../../test/utils';
import { clearTokens, getAccessToken, hasSession, setTokens } from '../auth/session';
import { adminMe } from '../../test/fixtures';
import { api } from './client';
import { ApiError, unwrap } from './errors';

const pair = (n: number) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  token_type: 'Bearer',
  expires_in: 900,
});

describe('api client', () => {
  afterEach(() => clearTokens());

  it('sends the bearer token', async () => {
    setTokens(pair(1));
    const { calls } = mockFetch({ 'GET /api/v1/me': () => json(adminMe) });
    await expect(unwrap(api.GET('/api/v1/me'))).resolves.toEqual(adminMe);
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer access-1');
  });

  it('refreshes once on 401 for concurrent requests, then retries them', async () => {
    setTokens(pair(1));
    let refreshes = 0;
    const { calls } = mockFetch({
      'GET /api/v1/me': (c) =>
        c.headers.get('authorization') === 'Bearer access-2'
          ? json(adminMe)
          : apiError(401, 'invalid_token', 'Token kedaluwarsa.'),
      'POST /api/v1/auth/refresh': async (c) => {
        refreshes++;
        // The refresh token is the HttpOnly cookie: nothing secret in the body.
        expect(c.body).toBe('');
        await new Promise((r) => setTimeout(r, 20));
        return json(pair(2));
      },
    });

    const results = await Promise.all([unwrap(api.GET('/api/v1/me')), unwrap(api.GET('/api/v1/me'))]);

    expect(results).toEqual([adminMe, adminMe]);
    expect(refreshes).toBe(1);
    expect(getAccessToken()).toBe('access-2');
    expect(localStorage.getItem('kinerja360.refresh_token')).toBeNull();
    expect(JSON.stringify(localStorage)).not.toContain('refresh-');
    expect(calls.filter((c) => c.path === '/api/v1/me')).toHaveLength(4);
  });

  it('ends the session when the refresh token is rejected', async () => {
    setTokens(pair(1));
    mockFetch({
      'GET /api/v1/me': () => apiError(401, 'invalid_token', 'Token kedaluwarsa.'),
      'POST /api/v1/auth/refresh': () => apiError(401, 'refresh_token_reused', 'Sesi berakhir.'),
    });
    const err = await unwrap(api.GET('/api/v1/me')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect(hasSession()).toBe(false);
    expect(localStorage.getItem('kinerja360.session')).toBeNull();
  });

  it('after a reload gets an access token with the refresh cookie first', async () => {
    setTokens(pair(1));
    // Simulate a reload: the access token is gone; the session marker (no secret) and the
    // HttpOnly cookie survive.
    clearTokens();
    localStorage.setItem('kinerja360.session', '1');
    window.dispatchEvent(new StorageEvent('storage', { key: 'kinerja360.session', newValue: '1' }));
    const { calls } = mockFetch({
      'POST /api/v1/auth/refresh': () => json(pair(2)),
      'GET /api/v1/me': (c) =>
        c.headers.get('authorization') === 'Bearer access-2' ? json(adminMe) : apiError(401, 'invalid_token', 'x'),
    });
    await expect(unwrap(api.GET('/api/v1/me'))).resolves.toEqual(adminMe);
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
  });

  it('does not try to refresh for a failed login', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/auth/login': () => apiError(401, 'invalid_credentials', 'NIP/email atau kata sandi salah.'),
    });
    const err = await unwrap(api.POST('/api/v1/auth/login', { body: { username: 'a', password: 'b' } })).catch(
      (e: unknown) => e,
    );
    expect((err as ApiError).code).toBe('invalid_credentials');
    expect((err as ApiError).message).toBe('NIP/email atau kata sandi salah.');
    expect(calls).toHaveLength(1);
  });

  it('turns a network failure into a network_error', async () => {
    mockFetch({});
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const err = await unwrap(api.GET('/api/v1/units')).catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('network_error');
  });
});
