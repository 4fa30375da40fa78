// A select of every work unit (fetched in pages of 100), shared by the pages that filter by unit.
import type { SelectHTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api/client';
import { unwrap } from '../lib/api/errors';
import { useI18n } from '../lib/i18n/i18n';
import type { Unit } from '../api/types';

const MAX_UNIT_PAGES = 20;

export function useAllUnits() {
  return useQuery({
    // Same key and shape as the employees feature's unit options: one cache for both.
    queryKey: ['units', 'all-options'],
    queryFn: async (): Promise<Unit[]> => {
      const all: Unit[] = [];
      for (let page = 1; page <= MAX_UNIT_PAGES; page++) {
        const res = await unwrap(api.GET('/api/v1/units', { params: { query: { page, per_page: 100 } } }));
        all.push(...res.items);
        if (res.items.length === 0 || all.length >= res.meta.total) break;
      }
      return all.sort((a, b) => a.code.localeCompare(b.code));
    },
    staleTime: 5 * 60_000,
  });
}

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: string;
  onChange: (code: string) => void;
  /** Text of the empty option ("Semua" for filters, "Pilih unit kerja" for required choices). */
  emptyLabel: string;
}

export function UnitSelect({ value, onChange, emptyLabel, ...rest }: Props) {
  const { t } = useI18n();
  const units = useAllUnits();
  const known = units.data?.some((u) => u.code === value) ?? false;
  return (
    <select
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-busy={units.isPending || undefined}
    >
      <option value="">{units.isPending ? t('common.loading') : emptyLabel}</option>
      {value && !known && <option value={value}>{value}</option>}
      {units.data?.map((u) => (
        <option key={u.code} value={u.code}>
          {u.code} — {u.name}
        </option>
      ))}
    </select>
  );
}
