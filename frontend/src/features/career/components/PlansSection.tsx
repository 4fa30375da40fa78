// The development plans of one employee, with their items' progress.
import { useI18n } from '../../../lib/i18n/i18n';
import { ErrorState, Loading } from '../../../components/Status';
import { usePlans } from '../api/development';
import { PlanItems } from './PlanItems';
import { useDate } from './format';

export function PlansSection({
  nip,
  owner,
  onNotice,
  level = 2,
}: {
  nip: string;
  owner: boolean;
  onNotice: (text: string, tone: 'success' | 'error') => void;
  /** Heading level of the section; plans get the next level. */
  level?: 2 | 3;
}) {
  const H = level === 2 ? 'h2' : 'h3';
  const Hp = level === 2 ? 'h3' : 'h4';
  const { t } = useI18n();
  const date = useDate();
  const plans = usePlans(nip);
  return (
    <section aria-labelledby={`plans-${nip}`}>
      <H id={`plans-${nip}`}>{t('career.plan.title')}</H>
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <p className="muted">{owner ? t('career.plan.noneOwn') : t('career.plan.none')}</p>
      ) : (
        plans.data.items.map((p) => (
          <article key={p.id} className="card" aria-labelledby={`plan-${p.id}`}>
            <Hp id={`plan-${p.id}`}>{p.title}</Hp>
            <p className="muted small">{t('career.plan.created', { date: date(p.created_at.slice(0, 10)) })}</p>
            <PlanItems plan={p} owner={owner} onNotice={onNotice} />
          </article>
        ))
      )}
    </section>
  );
}
