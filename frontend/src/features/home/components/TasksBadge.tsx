// The header's count of pending duties, linking to Beranda where they are listed.
import '../tasks.css';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useTasks } from '../api/tasks';

export function TasksBadge() {
  const { t } = useI18n();
  const tasks = useTasks();
  const total = tasks.data?.total ?? 0;
  if (total <= 0) return null;
  const label = t('tasks.badge', { count: total });
  return (
    <Link to="/" className="tasks-badge" aria-label={label} title={label}>
      <span aria-hidden="true">{total > 99 ? '99+' : total}</span>
    </Link>
  );
}
