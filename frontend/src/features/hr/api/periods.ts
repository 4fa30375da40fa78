// Periods of the evaluation cycle (HR/admin manage, auditor reads): list, create, deadlines,
// open/close/publish, and the results with their exports.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';
import type { BodyOf, Ok } from './types';
import type { PeriodKind } from '../../../api/types';

export type PeriodPage = Ok<paths['/api/v1/periods']['get']>;
export type Period = Ok<paths['/api/v1/periods/{id}']['get']>;
export type PeriodState = Period['state'];
export type PeriodInput = BodyOf<paths['/api/v1/periods']['post']>;
export type PeriodPatch = BodyOf<paths['/api/v1/periods/{id}']['patch']>;
export type PeriodAction = 'open' | 'close' | 'publish';

export const periodKeys = {
  all: ['hr', 'periods'] as const,
  list: (year: number) => ['hr', 'periods', 'list', year] as const,
  one: (id: string) => ['hr', 'periods', 'one', id] as const,
};

export function usePeriods(year: number) {
  return useQuery({
    queryKey: periodKeys.list(year),
    queryFn: () => unwrap(api.GET('/api/v1/periods', { params: { query: { year, per_page: 100 } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePeriod(id: string) {
  return useQuery({
    queryKey: periodKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/periods/{id}', { params: { path: { id } } })),
  });
}

function stored(qc: ReturnType<typeof useQueryClient>, p: Period) {
  qc.setQueryData(periodKeys.one(p.id), p);
  void qc.invalidateQueries({ queryKey: [...periodKeys.all, 'list'] });
}

export function useCreatePeriod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PeriodInput) => unwrap(api.POST('/api/v1/periods', { body })),
    onSuccess: (p) => stored(qc, p),
  });
}

export function useUpdatePeriod(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PeriodPatch) => unwrap(api.PATCH('/api/v1/periods/{id}', { params: { path: { id } }, body })),
    onSuccess: (p) => stored(qc, p),
  });
}

export function usePeriodAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: PeriodAction) => {
      const params = { params: { path: { id } } };
      switch (action) {
        case 'open':
          return unwrap(api.POST('/api/v1/periods/{id}/open', params));
        case 'close':
          return unwrap(api.POST('/api/v1/periods/{id}/close', params));
        case 'publish':
          return unwrap(api.POST('/api/v1/periods/{id}/publish', params));
      }
    },
    onSuccess: (p) => {
      stored(qc, p);
      // Results change status on publication.
      void qc.invalidateQueries({ queryKey: ['hr', 'results', id] });
    },
  });
}

/** The transition a period in this state can take next, if any. */
export function nextAction(state: PeriodState): PeriodAction | null {
  switch (state) {
    case 'draft':
      return 'open';
    case 'open':
      return 'close';
    case 'closed':
      return 'publish';
    default:
      return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of quarter 1–4 or month 1–12 of a year, as YYYY-MM-DD. */
export function periodSpan(year: number, kind: PeriodKind, number: number): { starts_on: string; ends_on: string } {
  const firstMonth = kind === 'quarterly' ? (number - 1) * 3 + 1 : number;
  const lastMonth = kind === 'quarterly' ? firstMonth + 2 : firstMonth;
  // Day 0 of the following month is the last day of this one (local calendar, no time zones involved).
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { starts_on: `${year}-${pad(firstMonth)}-01`, ends_on: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
