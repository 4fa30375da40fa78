import { LANGS, useI18n, type Lang } from '../lib/i18n/i18n';

export function LanguageSwitch({ id = 'lang-switch' }: { id?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('lang.label')}
      </label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {l === 'id' ? t('lang.id') : t('lang.en')}
          </option>
        ))}
      </select>
    </div>
  );
}
