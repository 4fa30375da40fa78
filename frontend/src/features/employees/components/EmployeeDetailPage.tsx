import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useEmployee } from '../api/employees';
import { EmployeeForm } from './EmployeeForm';

export function EmployeeDetailPage() {
  const { nip = '' } = useParams();
  const { t, label } = useI18n();
  const { data: me } = useMe();
  const employee = useEmployee(nip);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(employee.data?.full_name ?? t('employees.detailTitle'));

  return (
    <section className="page" aria-labelledby="employee-title">
      <p>
        <Link to="/admin/employees">← {t('common.back')}</Link>
      </p>
      {employee.isPending ? (
        <Loading />
      ) : employee.isError ? (
        <ErrorState error={employee.error} onRetry={() => void employee.refetch()} />
      ) : (
        <>
          <div className="page-head">
            <h1 id="employee-title">{employee.data.full_name}</h1>
            {canWriteMasterData(me) && !editing && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </button>
            )}
          </div>
          <FormAlert message={notice} tone="success" />
          {editing ? (
            <EmployeeForm
              employee={employee.data}
              onCancel={() => setEditing(false)}
              onSaved={(_, created) => {
                setEditing(false);
                setNotice(created ? t('common.created') : t('common.saved'));
              }}
            />
          ) : (
            <article className="card" aria-label={t('employees.detailTitle')}>
              <dl className="deflist">
                <dt>{t('field.nip')}</dt>
                <dd className="mono">{employee.data.nip}</dd>
                <dt>{t('field.status')}</dt>
                <dd>
                  {employee.data.status}
                  {!employee.data.active && <span className="badge">{t('employees.inactive')}</span>}
                </dd>
                <dt>{t('field.golonganPangkat')}</dt>
                <dd>
                  {employee.data.golongan}
                  {employee.data.pangkat ? ` — ${employee.data.pangkat}` : ''}
                </dd>
                <dt>{t('field.jabatan')}</dt>
                <dd>
                  {employee.data.jabatan} ({label('jenis', employee.data.jenis_jabatan)})
                </dd>
                <dt>{t('field.unit')}</dt>
                <dd>
                  {employee.data.unit_name} <span className="muted mono">({employee.data.unit_code})</span>
                </dd>
                <dt>{t('home.supervisor')}</dt>
                <dd>
                  {employee.data.supervisor_nip ? (
                    <Link to={`/admin/employees/${employee.data.supervisor_nip}`}>
                      {employee.data.supervisor_name ?? employee.data.supervisor_nip}
                    </Link>
                  ) : (
                    t('home.noSupervisor')
                  )}
                </dd>
                <dt>{t('field.email')}</dt>
                <dd>{employee.data.email ?? t('common.none')}</dd>
              </dl>
            </article>
          )}
        </>
      )}
    </section>
  );
}
