import { useI18n } from '../lib/i18n/i18n';

/** Copies text to the clipboard and reports the outcome through `onResult` (a live region). */
export function CopyButton({ text, label, onResult }: { text: string; label: string; onResult: (ok: boolean) => void }) {
  const { t } = useI18n();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      onResult(true);
    } catch {
      onResult(false);
    }
  };
  return (
    <button type="button" className="btn btn-secondary btn-small" onClick={() => void copy()}>
      {t('common.copy')}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}
