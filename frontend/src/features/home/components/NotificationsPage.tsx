// `/notifications`: the account's notices and reminders, newest first; opening one marks it
// read; "mark all read"; updates live.
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { Pagination } from '../../../components/Pagination';
import { useDateTime } from '../../../components/numbers';
import { PER_PAGE, useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';

export function NotificationsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notify.title'));
  const dt = useDateTime();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page, unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  let body;
  if (list.isPending) body = <Loading />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0) body = <p className="muted">{t('notify.empty')}</p>;
  else
    body = (
      <>
        <ul className="notify-list">
          {list.data.items.map((n) => (
            <li key={n.id} className={n.read_at ? 'notify-item' : 'notify-item notify-unread'}>
              <p className="notify-head">
                {!n.read_at && <span className="visually-hidden">{t('notify.unread')}: </span>}
                <Link to={n.link} onClick={() => !n.read_at && markRead.mutate(n.id)}>
                  {n.title}
                </Link>
              </p>
              <p>{n.body}</p>
              <p className="muted small">
                <time dateTime={n.created_at}>{dt(n.created_at)}</time>
                {!n.read_at && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="btn-link"
                      disabled={markRead.isPending}
                      onClick={() => markRead.mutate(n.id)}
                    >
                      {t('notify.markRead')}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
        <Pagination page={page} perPage={PER_PAGE} total={list.data.meta.total} onPage={setPage} />
      </>
    );

  const unread = list.data?.unread ?? 0;
  return (
    <section>
      <h1>{t('notify.title')}</h1>
      <p className="muted" aria-live="polite">
        {t('notify.unreadCount', { count: unread })}
      </p>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('notify.unreadOnly')}
        </label>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notify.markAll')}
        </button>
      </div>
      {body}
    </section>
  );
}
