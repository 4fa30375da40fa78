// Decimal numbers in the reader's language (Indonesian: 87,50; English: 87.50).
import { useCallback } from 'react';
import { useI18n } from '../lib/i18n/i18n';

export function useDecimal(): (value: number, digits?: number, minDigits?: number) => string {
  const { lang } = useI18n();
  return useCallback(
    (value: number, digits = 2, minDigits = digits) =>
      new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', {
        minimumFractionDigits: minDigits,
        maximumFractionDigits: digits,
      }).format(value),
    [lang],
  );
}

/** A date-time from the API, shown in the reader's language. */
export function useDateTime(): (iso: string) => string {
  const { lang } = useI18n();
  return useCallback(
    (iso: string) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(d);
    },
    [lang],
  );
}
