// Second-level navigation of the cycle screens: the employee's own pages and the team pages.
import { NavLink } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';

export function MyNav() {
  const { t } = useI18n();
  return (
    <nav className="subnav" aria-label={t('cycle.nav.mine')}>
      <ul>
        <li>
          <NavLink to="/kinerja/skp">{t('skp.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/kinerja/realisasi">{t('realisasi.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/kinerja/360">{t('f360.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/kinerja/hasil">{t('hasil.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function TeamNav() {
  const { t } = useI18n();
  return (
    <nav className="subnav" aria-label={t('cycle.nav.team')}>
      <ul>
        <li>
          <NavLink to="/tim" end>
            {t('team.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/tim/skp">{t('approve.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/tim/kurva">{t('curve.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/tim/keberatan">{t('appealsDecide.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
