// Exemptions from a period's evaluation (cuti, tugas belajar, dipekerjakan, other): HR and
// admin record them for employees who block a unit's finalisation or the publication.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import type { paths } from '../../../api/schema';
import type { BodyOf } from './types';

export type ExemptionInput = BodyOf<paths['/api/v1/periods/{id}/exemptions']['post']>;
export type ExemptionReason = ExemptionInput['reason'];

export const EXEMPTION_REASONS: readonly ExemptionReason[] = ['cuti', 'tugas_belajar', 'dipekerjakan', 'lainnya'];

export function useCreateExemption(periodId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExemptionInput) =>
      unwrap(api.POST('/api/v1/periods/{id}/exemptions', { params: { path: { id: periodId } }, body })),
    onSuccess: () => {
      // The overview's blockers and the unit's distribution change.
      void qc.invalidateQueries({ queryKey: ['hr', 'distribution', periodId] });
    },
  });
}
