// Beranda's task inbox: the signed-in person's pending duties, grouped, most urgent first,
import '../tasks.css';
// each with its deadline and a link to where it is done.
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import type { MessageKey } from '../../../lib/i18n/messages';
import { ErrorState, Loading } from '../../../components/Status';
import { groupOf, useTasks, type Task, type TaskGroup } from '../api/tasks';

const GROUPS: TaskGroup[] = ['own', 'team', 'admin'];

function useDate(): (iso: string) => string {
  const { lang } = useI18n();
  return (iso: string) => {
    const d = new Date(`${iso}T00:00:00`);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium' }).format(d);
  };
}

function TaskItem({ task }: { task: Task }) {
  const { t } = useI18n();
  const date = useDate();
  const title = t(`tasks.kind.${task.kind}` as MessageKey, {
    count: task.count,
    year: task.year ?? '',
    period: task.period_name ?? '',
  });
  return (
    <li className={task.overdue ? 'task task-overdue' : 'task'}>
      <Link to={task.link} className="task-link">
        {title}
      </Link>
      {task.deadline && (
        <span className={task.overdue ? 'task-deadline overdue' : 'task-deadline muted'}>
          {t(task.overdue ? 'tasks.overdue' : 'tasks.deadline', { date: date(task.deadline) })}
        </span>
      )}
    </li>
  );
}

export function TasksList() {
  const { t } = useI18n();
  const tasks = useTasks();
  return (
    <article className="card tasks" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('tasks.title')}</h2>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <p className="muted">{t('tasks.none')}</p>
      ) : (
        GROUPS.map((g) => {
          const items = tasks.data.items.filter((x) => groupOf(x.kind) === g);
          if (items.length === 0) return null;
          return (
            <section key={g} aria-labelledby={`tasks-${g}`}>
              <h3 id={`tasks-${g}`}>{t(`tasks.group.${g}`)}</h3>
              <ul className="task-list">
                {items.map((x) => (
                  <TaskItem key={`${x.kind}-${x.period_id ?? ''}`} task={x} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </article>
  );
}
