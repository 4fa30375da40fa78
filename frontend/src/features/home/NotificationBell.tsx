// The header's notification bell: a link to `/notifications` with the unread count, kept
// live by the `notification_created` event. Its own component so the navigation can move.
import { NavLink } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useUnreadCount } from './api/notifications';

export function NotificationBell({ enabled = true }: { enabled?: boolean }) {
  const { t } = useI18n();
  const unread = useUnreadCount(enabled).data ?? 0;
  const label = unread > 0 ? t('notify.bell.unread', { count: unread }) : t('notify.bell.none');
  return (
    <NavLink to="/notifications" className="notify-bell" aria-label={label} title={label}>
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="notify-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
