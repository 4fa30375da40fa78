import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDebounced } from '../../../lib/useDebounced';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { Pagination } from '../../../components/Pagination';
import type { Unit } from '../../../api/types';
import { useUnits } from '../api/units';
import { UnitForm } from './UnitForm';

const PER_PAGE = 20;

export function UnitsPage() {
  const { t, label } = useI18n();
  useDocumentTitle(t('units.title'));
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 300);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const units = useUnits(q, page, PER_PAGE);

  const setPage = (p: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('page', String(p));
      return next;
    });

  const onSearch = (value: string) => {
    setSearch(value);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('q', value);
        else next.delete('q');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  return (
    <section className="page" aria-labelledby="units-title">
      <div className="page-head">
        <h1 id="units-title">{t('units.title')}</h1>
        {canWrite && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('units.new')}
          </button>
        )}
      </div>

      <FormAlert message={notice} tone="success" />

      {editing && (
        <UnitForm
          key={editing === 'new' ? 'new' : editing.code}
          unit={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={(u, created) => {
            setEditing(null);
            setNotice(`${created ? t('common.created') : t('common.saved')} ${u.code} — ${u.name}`);
          }}
        />
      )}

      <div className="toolbar" role="search">
        <label htmlFor="units-search" className="visually-hidden">
          {t('units.search')}
        </label>
        <input
          id="units-search"
          type="search"
          placeholder={t('units.search')}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
      </div>

      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <>
          <TableWrap label={t('units.title')} busy={units.isFetching}>
            <table className="stack">
              <caption className="visually-hidden">{t('units.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.code')}</th>
                  <th scope="col">{t('field.name')}</th>
                  <th scope="col">{t('field.kind')}</th>
                  <th scope="col">{t('field.parent')}</th>
                  <th scope="col" className="num">
                    {t('field.employeeCount')}
                  </th>
                  {canWrite && (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.edit')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {units.data.items.length === 0 && (
                  <tr>
                    <td colSpan={canWrite ? 6 : 5}>{t('common.empty')}</td>
                  </tr>
                )}
                {units.data.items.map((u) => (
                  <tr key={u.code}>
                    <td className="mono" data-label={t('field.code')}>
                      {u.code}
                    </td>
                    <td data-label={t('field.name')}>{u.name}</td>
                    <td data-label={t('field.kind')}>{label('kind', u.kind)}</td>
                    <td data-label={t('field.parent')}>
                      {u.parent_name ? `${u.parent_name} (${u.parent_code ?? ''})` : t('common.none')}
                    </td>
                    <td className="num" data-label={t('field.employeeCount')}>
                      {u.employee_count}
                    </td>
                    {canWrite && (
                      <td>
                        <button
                          type="button"
                          className="btn btn-link"
                          aria-label={`${t('common.edit')} ${u.code}`}
                          onClick={() => {
                            setNotice(null);
                            setEditing(u);
                          }}
                        >
                          {t('common.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination page={page} perPage={units.data.meta.per_page} total={units.data.meta.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
