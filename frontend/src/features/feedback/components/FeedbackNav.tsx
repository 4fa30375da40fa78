import { NavLink } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';

/** Second-level navigation between the feedback pages. */
export function FeedbackNav() {
  const { t } = useI18n();
  return (
    <nav className="subnav" aria-label={t('nav.feedback')}>
      <ul>
        <li>
          <NavLink to="/feedback/targets">{t('targets.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/feedback/moderation">{t('moderation.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
