// A deliberately small i18n: two dictionaries, a context, `{name}` interpolation.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, id, type MessageKey } from './messages';
import { ERROR_TEXTS } from './messages-errors';
import { ApiError, type ApiErrorCode } from '../api/errors';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
const STORAGE_KEY = 'kinerja360.lang';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Label of an enumerated API value (unit kind, jenis jabatan, role); unknown values as-is. */
  label: (prefix: 'kind' | 'jenis' | 'role', value: string) => string;
  /**
   * The user-facing text for an error. Indonesian: the server's message, or the code's own
   * text when the message is empty. English: the code's text (the server writes Indonesian).
   */
  errorText: (error: unknown) => string;
}

export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function readStoredLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' || v === 'id' ? v : 'id';
  } catch {
    return 'id';
  }
}

/** The text of one API error in `lang`; exported for tests. */
export function apiErrorText(lang: Lang, t: Translate, code: ApiErrorCode, message: string): string {
  if (code === 'network_error') return t('error.network_error');
  const known = code === 'server_error' || code === 'unknown' ? undefined : ERROR_TEXTS[code];
  // The client's own placeholder ("HTTP 502") is no message for a person.
  const serverMessage = /^HTTP \d+$/.test(message) ? '' : message;
  if (known && (lang === 'en' || !serverMessage)) return known[lang];
  if (serverMessage && lang === 'id') return serverMessage;
  if (code === 'server_error') return t('error.server_error');
  return serverMessage || t('common.errorTitle');
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? readStoredLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      /* ignore */
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dict = dictionaries[lang];
    const t: Translate = (key, params) => interpolate(dict[key] ?? key, params);
    const label = (prefix: 'kind' | 'jenis' | 'role', value: string): string =>
      (dict as Record<string, string>)[`${prefix}.${value}`] ?? value;
    const errorText = (error: unknown): string => {
      if (error instanceof ApiError) return apiErrorText(lang, t, error.code, error.message);
      if (error instanceof Error && error.message) return error.message;
      return t('common.errorTitle');
    };
    return { lang, setLang, t, label, errorText };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
