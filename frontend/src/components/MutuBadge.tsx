// The SKM quality grade (mutu A–D) as a coloured badge with its label.
import { useI18n } from '../lib/i18n/i18n';
import type { Mutu } from '../api/types';

export type { Mutu };

export function MutuBadge({ mutu, label }: { mutu: Mutu; label?: string | null }) {
  const { t, lang } = useI18n();
  // In Indonesian the server's label is shown as sent; in English the known grades are translated.
  const text = lang === 'id' && label ? label : t(`mutu.${mutu}`);
  return (
    <span className={`mutu mutu-${mutu}`}>
      <span className="mutu-letter" aria-hidden="true">
        {mutu}
      </span>
      <span className="visually-hidden">{t('mutu.grade', { mutu })}: </span>
      <span className="mutu-label">{text}</span>
    </span>
  );
}
