// Data every cycle screen shares: periods, the BerAKHLAK reference, query keys.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { components, paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
export type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type Period = components['schemas']['PeriodOut'];
export type BerakhlakValue = Ok<paths['/api/v1/reference/berakhlak']['get']>[number];

/**
 * Every cycle query key starts with 'cycle'; the second part is what live events
 * invalidate (see ../live.ts).
 */
export const cycleKeys = {
  periods: ['cycle', 'periods'] as const,
  berakhlak: ['cycle', 'reference', 'berakhlak'] as const,
};

/** All periods (newest first); a few years fit in one page. */
export function usePeriods() {
  return useQuery({
    queryKey: cycleKeys.periods,
    queryFn: async () => {
      const res = await unwrap(api.GET('/api/v1/periods', { params: { query: { per_page: 100 } } }));
      return res.items;
    },
    staleTime: 60_000,
  });
}

export function useBerakhlak() {
  return useQuery({
    queryKey: cycleKeys.berakhlak,
    queryFn: () => unwrap(api.GET('/api/v1/reference/berakhlak')),
    staleTime: Infinity,
  });
}

/** The period to show by default: the open one, else the newest that is not a draft. */
export function defaultPeriod(periods: readonly Period[]): Period | undefined {
  const sorted = [...periods].sort((a, b) => b.starts_on.localeCompare(a.starts_on));
  return (
    sorted.find((p) => p.state === 'open') ??
    sorted.find((p) => p.state !== 'draft') ??
    sorted[0]
  );
}
