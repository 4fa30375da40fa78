import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';

export function importEmployeesCsv(csv: string, dryRun: boolean) {
  return unwrap(
    api.POST('/api/v1/employees/import', {
      params: { query: { dry_run: dryRun } },
      body: csv,
      bodySerializer: (body: unknown) => body as string,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    }),
  );
}

export function useImportEmployees() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) => importEmployeesCsv(csv, dryRun),
    onSuccess: (report) => {
      if (!report.dry_run) {
        void qc.invalidateQueries({ queryKey: ['employees'] });
        void qc.invalidateQueries({ queryKey: ['units'] });
        void qc.invalidateQueries({ queryKey: ['me'] });
      }
    },
  });
}
