import { useCallback } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import type { MessageKey } from '../../../lib/i18n/messages';
import { parseIsoDate } from '../api/ikm';

const locale = (lang: string) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** "1 Juni 2026" for a YYYY-MM-DD date. */
export function useLongDate(): (iso: string) => string {
  const { lang } = useI18n();
  return useCallback(
    (iso: string) => {
      const d = parseIsoDate(iso);
      return d ? new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long' }).format(d) : iso;
    },
    [lang],
  );
}

/** "Jun 2026" for a YYYY-MM month. */
export function useMonthLabel(): (month: string) => string {
  const { lang } = useI18n();
  return useCallback(
    (month: string) => {
      const d = parseIsoDate(`${month}-01`);
      return d ? new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric' }).format(d) : month;
    },
    [lang],
  );
}

/** The element's name in the reader's language (the server's Indonesian name as a fallback). */
export function useElementName(): (code: string, fallback?: string) => string {
  const { t, lang } = useI18n();
  return useCallback(
    (code: string, fallback?: string) => {
      if (lang === 'id' && fallback) return fallback;
      const key = `skm.${code}` as MessageKey;
      const text = t(key);
      return text === key ? (fallback ?? code) : text;
    },
    [t, lang],
  );
}
