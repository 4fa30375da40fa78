// Test helpers: render with all providers, and a routed fetch mock.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { I18nProvider, type Lang } from '../lib/i18n/i18n';
import type { ErrorCode } from '../api/types';

export function renderWithProviders(ui: ReactElement, { route = '/', lang }: { route?: string; lang?: Lang } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLang={lang}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

export function json(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** An error envelope; the code must be one the spec declares, so fixtures cannot drift. */
export function apiError(status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}): Response {
  return json({ error: { code, message, ...extra } }, status);
}

export interface Call {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: string;
}

type Handler = (call: Call) => Response | Promise<Response>;

/**
 * Replaces globalThis.fetch. Routes are "METHOD /path" keys; unmatched requests fail the
 * test loudly with a 599 so a missing mock is obvious.
 */
export function mockFetch(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost:3000'), init);
    const url = new URL(req.url);
    const call: Call = {
      method: req.method,
      path: url.pathname,
      search: url.searchParams,
      headers: req.headers,
      body: req.body ? await req.text() : '',
    };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    if (!handler) return json({ error: { code: 'unmocked', message: `no mock for ${call.method} ${call.path}` } }, 599);
    return handler(call);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}
