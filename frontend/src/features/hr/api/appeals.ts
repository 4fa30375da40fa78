// Every appeal (keberatan) for HR, admin and the auditor: a read-only overview.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';
import type { Ok } from './types';
import type { AppealStatus } from '../../../api/types';

export type AppealPage = Ok<paths['/api/v1/appeals']['get']>;
export type Appeal = AppealPage['items'][number];
export type AppealStatusFilter = '' | AppealStatus;

export function useAllAppeals(status: AppealStatusFilter, page: number, perPage: number) {
  return useQuery({
    queryKey: ['hr', 'appeals', { status, page, perPage }] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/appeals', {
          params: { query: { role: 'all', status: status || undefined, page, per_page: perPage } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
