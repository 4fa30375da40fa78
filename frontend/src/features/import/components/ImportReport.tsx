import { useI18n } from '../../../lib/i18n/i18n';
import type { RowProblem } from '../../../lib/api/errors';

/** The per-row problems of a dry run or a rejected import. */
export function RowErrorsTable({ rows, caption }: { rows: readonly RowProblem[]; caption: string }) {
  const { t } = useI18n();
  const sorted = [...rows].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
  return (
    <div className="table-wrap">
      <table className="row-errors stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('import.row')}
            </th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => (
            <tr key={`${r.row}-${r.field}-${i}`}>
              <td className="num" data-label={t('import.row')}>
                {r.row}
              </td>
              <td className="mono" data-label={t('import.column')}>
                {r.field || t('common.none')}
              </td>
              <td data-label={t('import.message')}>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
