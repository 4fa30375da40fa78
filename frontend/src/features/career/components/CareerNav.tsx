import { NavLink } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';

/** Second-level navigation between the HR talent and development pages. */
export function CareerNav() {
  const { t } = useI18n();
  return (
    <nav className="subnav" aria-label={t('career.nav.hr')}>
      <ul>
        <li>
          <NavLink to="/career/talent">{t('career.talent.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/career/candidates">{t('career.candidates.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/career/placement">{t('career.placement.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/career/trainings">{t('career.trainings.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/career/reports">{t('career.reports.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
