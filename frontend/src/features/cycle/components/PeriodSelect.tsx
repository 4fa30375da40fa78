// Chooses the period a screen shows; the choice lives in the URL (?period=<id>).
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { defaultPeriod, usePeriods, type Period } from '../api/common';

/** The chosen period (from ?period=, else the default) and a setter. */
export function usePeriodParam(filter?: (p: Period) => boolean) {
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const list = (periods.data ?? []).filter((p) => (filter ? filter(p) : true));
  const wanted = params.get('period');
  const period = list.find((p) => p.id === wanted) ?? defaultPeriod(list);
  const setPeriod = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('period', id);
        return next;
      },
      { replace: true },
    );
  return { periods, list, period, setPeriod };
}

interface Props {
  periods: readonly Period[];
  value: string | undefined;
  onChange: (id: string) => void;
}

export function PeriodSelect({ periods, value, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="toolbar-item">
      <label htmlFor={id}>{t('cycle.period')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} · {t(`cycle.periodState.${p.state}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
