import { useI18n } from '../../../lib/i18n/i18n';
import type { PeriodState } from '../api/periods';

/** A period's state as a badge (open and published stand out). */
export function StateBadge({ state }: { state: PeriodState }) {
  const { t } = useI18n();
  const tone = state === 'open' || state === 'published' ? 'badge-ok' : state === 'closed' ? 'badge-off' : '';
  return <span className={`badge ${tone}`}>{t(`hr.state.${state}`)}</span>;
}
