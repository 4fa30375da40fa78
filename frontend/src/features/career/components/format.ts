// Labels of the area's enumerations and date helpers, in the reader's language.
import { useCallback } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import type { MessageKey } from '../../../lib/i18n/messages';
import type { ItemKind, ItemStatus, Jenjang, Potensi, Predikat, Rating, TrainingMode } from '../api/types';

type Enum = 'kind' | 'status' | 'mode' | 'potensi' | 'kinerja' | 'predikat' | 'jenjang';
type EnumValue<E extends Enum> = {
  kind: ItemKind;
  status: ItemStatus;
  mode: TrainingMode;
  potensi: Potensi;
  kinerja: Rating;
  predikat: Predikat;
  jenjang: Jenjang;
}[E];

/** `enumLabel('status', 'done')` → "Selesai"; unknown values are shown as they are. */
export function useEnumLabel(): <E extends Enum>(e: E, value: EnumValue<E> | string | null | undefined) => string {
  const { t } = useI18n();
  return useCallback(
    (e, value) => {
      if (value == null || value === '') return t('common.none');
      const key = `career.${e}.${value}` as MessageKey;
      const text = t(key);
      return text === key ? String(value) : text;
    },
    [t],
  );
}

/** A calendar date (YYYY-MM-DD) as "28 Nov 2026" / "28 Nov 2026". */
export function useDate(): (iso: string | null | undefined) => string {
  const { lang, t } = useI18n();
  return useCallback(
    (iso) => {
      if (!iso) return t('common.none');
      const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
      if (!y || !m || !d) return iso;
      return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium' }).format(
        new Date(y, m - 1, d),
      );
    },
    [lang, t],
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function todayIso(): string {
  return isoDate(new Date());
}

/** The date `months` months from today (a default due date). */
export function monthsFromToday(months: number, today = new Date()): string {
  return isoDate(new Date(today.getFullYear(), today.getMonth() + months, today.getDate()));
}

export function currentYear(): number {
  return new Date().getFullYear();
}

/** A year from the URL, within the range the server accepts, else the fallback. */
export function parseYear(v: string | null, fallback = currentYear()): number {
  const n = v === null || v === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
