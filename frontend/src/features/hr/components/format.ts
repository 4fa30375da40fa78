// Dates and enumerated labels of this feature, in the reader's language.
import { useCallback } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';

const locale = (lang: string) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** Parses YYYY-MM-DD as a local calendar date. */
export function parseDate(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getMonth() === m - 1 ? date : null;
}

/** "1 Jun 2026" for a YYYY-MM-DD date; null/undefined as null. */
export function useShortDate(): (iso: string | null | undefined) => string | null {
  const { lang } = useI18n();
  return useCallback(
    (iso) => {
      if (!iso) return null;
      const d = parseDate(iso);
      return d ? new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium' }).format(d) : iso;
    },
    [lang],
  );
}
