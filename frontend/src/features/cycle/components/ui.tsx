// Small building blocks shared by the cycle screens: status badges, the error summary,
// rating radio groups and the predikat matrix.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { MATRIX, RATINGS, type Predikat, type Rating } from '../domain';
import type { SkpStatus } from '../api/skp';

export interface Problem {
  /** Id of the control to jump to. */
  id: string;
  message: string;
}

/**
 * The list of problems above a form: announced, focused when it appears, each entry a
 * link to its field.
 */
export function ErrorSummary({ problems, title }: { problems: readonly Problem[]; title?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const count = problems.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <div ref={ref} className="alert alert-error error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <p className="alert-title" id={titleId}>{title ?? t('common.formInvalid')}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.id}:${p.message}`}>
            <a
              href={`#${p.id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(p.id)?.focus();
              }}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const SKP_BADGE: Record<SkpStatus, string> = {
  draft: 'badge',
  submitted: 'badge badge-info',
  approved: 'badge badge-ok',
  returned: 'badge badge-off',
};

export function SkpStatusBadge({ status }: { status: SkpStatus | null }) {
  const { t } = useI18n();
  if (!status) return <span className="badge">{t('skp.status.none')}</span>;
  return <span className={SKP_BADGE[status]}>{t(`skp.status.${status}`)}</span>;
}

export function PredikatBadge({ predikat }: { predikat: Predikat }) {
  const { t } = useI18n();
  return <span className={`predikat predikat-${predikat}`}>{t(`predikat.${predikat}`)}</span>;
}

/** A required radio group of the three ratings, as a fieldset with a legend. */
export function RatingRadios({
  name,
  legend,
  value,
  onChange,
  error,
  hint,
  disabled,
}: {
  name: string;
  legend: ReactNode;
  value: Rating | null;
  onChange: (r: Rating) => void;
  error?: string | null;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`choice choice-block${error ? ' field-invalid' : ''}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      id={`${name}-group`}
    >
      <legend>
        {legend}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {RATINGS.map((r, i) => (
        <label key={r} className="choice-item">
          <input
            type="radio"
            name={name}
            id={i === 0 ? name : undefined}
            value={r}
            checked={value === r}
            disabled={disabled}
            required
            onChange={() => onChange(r)}
          />
          {t(`rating.${r}`)}
        </label>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The predikat matrix as a table, the cell of the given ratings highlighted. */
export function PredikatMatrix({ hasil, perilaku, caption }: { hasil: Rating | null; perilaku: Rating | null; caption?: string }) {
  const { t } = useI18n();
  // Columns as the regulation prints them: Di Bawah, Sesuai, Di Atas.
  const columns: Rating[] = ['di_bawah', 'sesuai', 'di_atas'];
  return (
    <div className="table-wrap">
      <table className="matrix">
        <caption>{caption ?? t('matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrix.corner')}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                <abbr title={t(`rating.${c}`)}>{t(`rating.short.${c}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {RATINGS.map((row) => (
            <tr key={row}>
              <th scope="row">
                <abbr title={t(`rating.${row}`)}>{t(`rating.short.${row}`)}</abbr>
              </th>
              {columns.map((col) => {
                const on = row === hasil && col === perilaku;
                return (
                  <td key={col} className={on ? 'matrix-on' : undefined} aria-current={on ? 'true' : undefined}>
                    {t(`predikat.${MATRIX[row][col]}`)}
                    {on && <span className="visually-hidden"> ({t('matrix.current')})</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A date (YYYY-MM-DD or date-time) in the reader's language, without the time. */
export function useDate(): (iso: string) => string {
  const { lang } = useI18n();
  return (iso: string) => {
    const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long' }).format(d);
  };
}
