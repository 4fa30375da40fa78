// Real-time updates: one Server-Sent Events connection per signed-in tab. Events carry
// only a kind and ids; each kind marks the cached queries it affects as stale, so the
// screens that show them refetch at once — no reload, no polling.
import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { accessTokenStale, getAccessToken } from '../auth/session';
import { api, refreshSession } from '../api/client';
import type { EventKind } from '../../api/types';

/** Query-key prefixes to mark stale, per kind; an empty prefix means everything. */
export type Invalidations = Partial<Record<EventKind, readonly (readonly string[])[]>>;

/** Query-key prefixes each event kind makes stale; an empty prefix means everything. */
export const INVALIDATES: Invalidations = {
  employee_updated: [['me'], ['employees']],
  employees_imported: [['employees'], ['units']],
  unit_updated: [['units']],
  feedback_received: [['citizen-feedback'], ['ikm'], ['feedback', 'targets'], ['feedback', 'moderation']],
  // HR's cycle screens (features/hr); the employee's and supervisor's screens add their own
  // kinds through `registerInvalidations` (features/cycle/live.ts).
  results360_released: [['hr', '360']],
  evaluation_updated: [['hr', 'results'], ['hr', 'distribution']],
  period_published: [['hr', 'periods'], ['hr', 'results']],
  appeal_filed: [['hr', 'appeals'], ['hr', 'results']],
  appeal_updated: [['hr', 'appeals']],
  appeal_decided: [['hr', 'appeals'], ['hr', 'results'], ['hr', 'distribution']],
  // The account's password was reset: its sessions ended; refetching signs it out.
  account_reset: [['me']],
  // A notification for this account (no content): the bell and the list refetch.
  notification_created: [['notifications']],
  resync: [[]],
};

/** Adds a feature's event kinds to the map, merging with prefixes already there. */
export function registerInvalidations(extra: Invalidations, target: Invalidations = INVALIDATES): void {
  for (const kind of Object.keys(extra) as EventKind[]) {
    const prefixes = extra[kind] ?? [];
    const existing = target[kind] ?? [];
    const seen = new Set(existing.map((p) => p.join('\u0000')));
    target[kind] = [...existing, ...prefixes.filter((p) => !seen.has(p.join('\u0000')))];
  }
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

/** Applies one event to the cache; kinds without invalidations change nothing. */
export function applyEvent(qc: QueryClient, kind: EventKind): void {
  for (const prefix of INVALIDATES[kind] ?? []) {
    void qc.invalidateQueries(prefix.length ? { queryKey: [...prefix] } : undefined);
  }
}

/** A single-use ticket (30 s) for the stream: no access token ever travels in a URL. */
async function freshTicket(): Promise<string | null> {
  if (accessTokenStale()) await refreshSession();
  if (!getAccessToken()) return null;
  try {
    const { data } = await api.POST('/api/v1/events/ticket');
    return data?.ticket ?? null;
  } catch {
    return null;
  }
}

/** Keeps the connection open while `enabled`; reconnects with a fresh token and backoff. */
export function useLiveUpdates(enabled: boolean): LiveStatus {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let stopped = false;

    const connect = async () => {
      setStatus('connecting');
      const ticket = await freshTicket();
      if (stopped) return;
      if (!ticket) {
        setStatus('offline');
        return;
      }
      // EventSource cannot send headers: a single-use ticket opens the stream.
      source = new EventSource(`/api/v1/events?ticket=${encodeURIComponent(ticket)}`);
      source.addEventListener('ready', () => {
        delay = 1000;
        setStatus('live');
        // Anything may have changed while disconnected.
        applyEvent(qc, 'resync');
      });
      for (const kind of Object.keys(INVALIDATES) as EventKind[]) {
        source.addEventListener(kind, () => applyEvent(qc, kind));
      }
      source.onerror = () => {
        source?.close();
        source = null;
        setStatus('offline');
        if (stopped) return;
        timer = setTimeout(() => void connect(), delay);
        delay = Math.min(delay * 2, 30_000);
      };
    };
    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [enabled, qc]);

  return status;
}
