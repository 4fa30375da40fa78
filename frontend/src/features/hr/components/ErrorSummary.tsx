// A form's error summary: the count and one link per invalid field, announced when it appears.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';

export interface SummaryItem {
  /** Id of the control to focus. */
  id: string;
  label: string;
  message: string;
}

export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey?: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Move focus to the summary after each failed submit so keyboard and screen-reader users land on it.
    if (focusKey && items.length > 0) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  return (
    <div role="alert" aria-live="assertive">
      {items.length > 0 && (
        <div ref={ref} className="alert alert-error" tabIndex={-1}>
          <p className="alert-title">{t('hr.form.summary', { n: items.length })}</p>
          <ul>
            {items.map((it) => (
              <li key={it.id}>
                <a
                  href={`#${it.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(it.id)?.focus();
                  }}
                >
                  {it.label}: {it.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
