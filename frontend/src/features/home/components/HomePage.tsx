import { useMe } from '../../../lib/auth/auth';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { CitizenFeedbackCard } from './CitizenFeedbackCard';
import { TasksList } from './TasksList';

export function HomePage() {
  const { t, label } = useI18n();
  useDocumentTitle(t('home.title'));
  const me = useMe();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;

  const { user, employee, supervisor, subordinates_count } = me.data;
  const roles = user.roles.map((r) => label('role', r)).join(', ');

  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('home.welcome', { name: employee?.full_name ?? user.name })}</p>
      <TasksList />
      {employee ? (
        <article className="card profile" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('home.profile')}</h2>
          <p className="profile-name">{employee.full_name}</p>
          <dl className="deflist">
            <dt>{t('field.nip')}</dt>
            <dd className="mono">{employee.nip}</dd>
            <dt>{t('field.jabatan')}</dt>
            <dd>{employee.jabatan}</dd>
            <dt>{t('field.golonganPangkat')}</dt>
            <dd>
              {employee.golongan}
              {employee.pangkat ? ` — ${employee.pangkat}` : ''} ({employee.status})
            </dd>
            <dt>{t('field.unit')}</dt>
            <dd>{employee.unit_name}</dd>
            <dt>{t('home.supervisor')}</dt>
            <dd>
              {supervisor ? (
                <>
                  {supervisor.full_name}
                  <br />
                  <span className="muted">
                    {supervisor.jabatan} · <span className="mono">{supervisor.nip}</span>
                  </span>
                </>
              ) : (
                t('home.noSupervisor')
              )}
            </dd>
            <dt>{t('home.subordinates')}</dt>
            <dd>{subordinates_count}</dd>
            <dt>{t('home.roles')}</dt>
            <dd>{roles}</dd>
          </dl>
        </article>
      ) : (
        <article className="card profile" aria-labelledby="account-title">
          <h2 id="account-title">{t('home.account')}</h2>
          <p className="profile-name">{user.name}</p>
          <p className="muted">{t('home.noEmployee')}</p>
          <dl className="deflist">
            {user.email && (
              <>
                <dt>{t('field.email')}</dt>
                <dd>{user.email}</dd>
              </>
            )}
            {user.nip && (
              <>
                <dt>{t('field.nip')}</dt>
                <dd className="mono">{user.nip}</dd>
              </>
            )}
            <dt>{t('home.roles')}</dt>
            <dd>{roles}</dd>
          </dl>
        </article>
      )}
      {employee && <CitizenFeedbackCard nip={employee.nip} />}
    </section>
  );
}
