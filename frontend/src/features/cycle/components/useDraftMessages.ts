import { useI18n } from '../../../lib/i18n/i18n';
import type { Messages } from '../skpDraft';

/** The SKP draft's validation messages in the reader's language. */
export function useDraftMessages(): Messages {
  const { t } = useI18n();
  return {
    required: t('common.required'),
    tooLong: (max) => t('cycle.tooLong', { max }),
    tooMany: (max) => t('cycle.tooMany', { max }),
    needIndicator: t('skp.needIndicator'),
    number: t('cycle.notNumber'),
    unitRequired: t('skp.unitRequired'),
    needUtama: t('skp.needUtama'),
  };
}
