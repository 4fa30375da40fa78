// Training hours (JP) of the year against the 20 JP target, as a labelled progress bar.
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import type { TrainingHours } from '../api/types';
import { useDate } from './format';

export function TrainingHoursBar({ hours }: { hours: TrainingHours }) {
  const { t } = useI18n();
  const date = useDate();
  const id = useId();
  const pct = hours.target_jp > 0 ? Math.min(100, Math.round((hours.completed_jp / hours.target_jp) * 100)) : 100;
  return (
    <div className="jp">
      <p id={`${id}-label`} className="jp-label">
        {t('career.hours.progress', { done: hours.completed_jp, target: hours.target_jp, year: hours.year })}
      </p>
      <div
        className={`jp-bar${hours.met ? ' jp-met' : ''}`}
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={hours.target_jp}
        aria-valuenow={Math.min(hours.completed_jp, hours.target_jp)}
        aria-valuetext={t('career.hours.valueText', { done: hours.completed_jp, target: hours.target_jp })}
      >
        <span className="jp-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="small" data-testid="jp-status">
        {hours.met ? t('career.hours.met') : t('career.hours.remaining', { n: hours.remaining_jp })}
      </p>
      {hours.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <caption>{t('career.hours.listCaption', { year: hours.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('career.item.title')}</th>
                <th scope="col">{t('career.item.completedOn')}</th>
                <th scope="col" className="num">
                  {t('career.hours.jp')}
                </th>
              </tr>
            </thead>
            <tbody>
              {hours.items.map((i) => (
                <tr key={i.item_id}>
                  <td data-label={t('career.item.title')}>{i.title}</td>
                  <td data-label={t('career.item.completedOn')}>{date(i.completed_on)}</td>
                  <td className="num" data-label={t('career.hours.jp')}>
                    {i.hours}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
