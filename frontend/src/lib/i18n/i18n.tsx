// A deliberately small i18n: two dictionaries, a context, `{name}` interpolation.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, enErrorCodes, id, type MessageKey } from './messages';
import { ApiError } from '../api/errors';

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
  /** The user-facing text for an error: the server's message, translated by code in English. */
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
      if (error instanceof ApiError) {
        if (error.code === 'network_error') return t('error.network_error');
        if (lang === 'en' && enErrorCodes[error.code]) return enErrorCodes[error.code] as string;
        if (error.code === 'server_error' && error.message.startsWith('HTTP')) return t('error.server_error');
        return error.message;
      }
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
