// Indeks Kepuasan Masyarakat of a unit over a date range.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R } ? (R extends { 200: infer S } ? JsonOf<S> : never) : never;

export type IkmReport = Ok<paths['/api/v1/ikm/units/{code}']['get']>;
export type IkmElement = IkmReport['elements'][number];
export type IkmMonth = IkmReport['trend'][number];
export type Mutu = NonNullable<IkmReport['mutu']>;

export const ikmKeys = {
  unit: (code: string, from: string, to: string) => ['ikm', 'unit', code, { from, to }] as const,
};

export function useIkm(code: string, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: ikmKeys.unit(code, from, to),
    queryFn: () =>
      unwrap(api.GET('/api/v1/ikm/units/{code}', { params: { path: { code }, query: { from, to } } })),
    enabled: enabled && code !== '',
    placeholderData: keepPreviousData,
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The default range: the first day of the month five months ago, to today (six calendar months). */
export function defaultRange(today = new Date()): { from: string; to: string } {
  return { from: isoDate(new Date(today.getFullYear(), today.getMonth() - 5, 1)), to: isoDate(today) };
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses YYYY-MM-DD as a local date (not UTC midnight). */
export function parseIsoDate(s: string): Date | null {
  if (!DATE_RE.test(s)) return null;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getMonth() === m - 1 ? date : null;
}
