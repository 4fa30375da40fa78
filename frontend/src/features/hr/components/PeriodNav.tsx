// The period's heading and second-level navigation between its HR pages.
import { Link, NavLink } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { canReadMasterData, useMe } from '../../../lib/auth/auth';
import type { Period } from '../api/periods';
import { StateBadge } from './StateBadge';

export function PeriodNav({ period }: { period: Period | undefined }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  if (!period) return null;
  const base = `/hr/periods/${period.id}`;
  return (
    <>
      <p className="small">
        <Link to={`/hr/periods?year=${period.year}`}>← {t('hr.backToPeriods')}</Link>
      </p>
      <p className="muted small page-sub">
        {period.name} <StateBadge state={period.state} />
      </p>
      <nav className="subnav" aria-label={t('hr.sub.label', { name: period.name })}>
        <ul>
          <li>
            <NavLink to={base} end>
              {t('hr.sub.overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/assignments`}>{t('hr.sub.assignments')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/progress`}>{t('hr.sub.progress')}</NavLink>
          </li>
          {canReadMasterData(me) && (
            <li>
              <NavLink to={`${base}/quality`}>{t('hr.sub.quality')}</NavLink>
            </li>
          )}
          <li>
            <NavLink to={`${base}/results`}>{t('hr.sub.results')}</NavLink>
          </li>
        </ul>
      </nav>
    </>
  );
}
