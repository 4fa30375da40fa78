import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { EmployeeForm } from './EmployeeForm';

export function NewEmployeePage() {
  const { t } = useI18n();
  useDocumentTitle(t('employees.newTitle'));
  const navigate = useNavigate();
  return (
    <section className="page" aria-label={t('employees.newTitle')}>
      <p>
        <Link to="/admin/employees">← {t('common.back')}</Link>
      </p>
      <EmployeeForm
        employee={null}
        headingLevel={1}
        onCancel={() => navigate('/admin/employees')}
        onSaved={(e) => navigate(`/admin/employees/${e.nip}`)}
      />
    </section>
  );
}
