import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useParamUpdate } from '../../../lib/useParamUpdate';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDebounced } from '../../../lib/useDebounced';
import { ErrorState, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { Pagination } from '../../../components/Pagination';
import { useEmployees, useUnitOptions, type EmployeeFilters } from '../api/employees';

const PER_PAGE = 20;

export function EmployeesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('employees.title'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [params, update] = useParamUpdate();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 300);
  const unitCode = params.get('unit') ?? '';
  const activeParam = params.get('active');
  const active: EmployeeFilters['active'] = activeParam === 'true' || activeParam === 'false' ? activeParam : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const units = useUnitOptions();
  const employees = useEmployees({ q, unitCode, active, page, perPage: PER_PAGE });


  return (
    <section className="page" aria-labelledby="employees-title">
      <div className="page-head">
        <h1 id="employees-title">{t('employees.title')}</h1>
        {canWriteMasterData(me) && (
          <Link to="/admin/employees/new" className="btn btn-primary">
            {t('employees.new')}
          </Link>
        )}
      </div>

      <div className="toolbar" role="search">
        <div className="toolbar-item grow">
          <label htmlFor="employees-search">{t('employees.search')}</label>
          <input
            id="employees-search"
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              update({ q: e.target.value }, true);
            }}
          />
        </div>
        <div className="toolbar-item">
          <label htmlFor="employees-unit">{t('employees.unitFilter')}</label>
          <select id="employees-unit" value={unitCode} onChange={(e) => update({ unit: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {units.isError && unitCode && <option value={unitCode}>{unitCode}</option>}
            {units.data?.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} — {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-item">
          <label htmlFor="employees-active">{t('employees.activeFilter')}</label>
          <select id="employees-active" value={active} onChange={(e) => update({ active: e.target.value })}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('employees.onlyActive')}</option>
            <option value="false">{t('employees.onlyInactive')}</option>
          </select>
        </div>
      </div>

      {employees.isPending ? (
        <Loading />
      ) : employees.isError ? (
        <ErrorState error={employees.error} onRetry={() => void employees.refetch()} />
      ) : (
        <>
          <TableWrap label={t('employees.title')} busy={employees.isFetching}>
            <table className="clickable stack">
              <caption className="visually-hidden">{t('employees.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.nip')}</th>
                  <th scope="col">{t('field.name')}</th>
                  <th scope="col">{t('field.jabatan')}</th>
                  <th scope="col">{t('field.golongan')}</th>
                  <th scope="col">{t('field.unit')}</th>
                </tr>
              </thead>
              <tbody>
                {employees.data.items.length === 0 && (
                  <tr>
                    <td colSpan={5}>{t('common.empty')}</td>
                  </tr>
                )}
                {employees.data.items.map((e) => (
                  <tr
                    key={e.nip}
                    onClick={(ev) => {
                      // The NIP link handles its own clicks (and keyboard use).
                      if ((ev.target as HTMLElement).closest('a')) return;
                      navigate(`/admin/employees/${e.nip}`);
                    }}
                  >
                    <td className="mono" data-label={t('field.nip')}>
                      <Link to={`/admin/employees/${e.nip}`} aria-label={t('employees.open', { name: e.full_name })}>
                        {e.nip}
                      </Link>
                    </td>
                    <td data-label={t('field.name')}>
                      {e.full_name}
                      {!e.active && <span className="badge">{t('employees.inactive')}</span>}
                    </td>
                    <td data-label={t('field.jabatan')}>{e.jabatan}</td>
                    <td data-label={t('field.golongan')}>{e.golongan}</td>
                    <td data-label={t('field.unit')}>{e.unit_name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination
            page={page}
            perPage={employees.data.meta.per_page}
            total={employees.data.meta.total}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}
