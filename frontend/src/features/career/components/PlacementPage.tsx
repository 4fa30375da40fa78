// Placement by jabatan: who fits a jabatan family (same jabatan without the jenjang), with
// their latest predikat and 9-box position.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { usePlacement } from '../api/talent';
import { CareerNav } from './CareerNav';
import { UnitFilter, useFilterParams } from './Filters';
import { useEnumLabel } from './format';

export function PlacementPage() {
  const { t } = useI18n();
  useDocumentTitle(t('career.placement.title'));
  const label = useEnumLabel();
  const fid = useId();
  const { params, unitCode, update } = useFilterParams();
  const jabatan = params.get('jabatan') ?? '';
  const [draft, setDraft] = useState(jabatan);
  const [error, setError] = useState<string | null>(null);
  const list = usePlacement(jabatan, unitCode);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = draft.trim();
    if (!v) {
      setError(t('common.required'));
      return;
    }
    if (v.length > 200) {
      setError(t('career.form.maxLength', { n: 200 }));
      return;
    }
    setError(null);
    update({ jabatan: v });
  };

  return (
    <section className="page career" aria-labelledby="place-title">
      <CareerNav />
      <div className="page-head">
        <h1 id="place-title">{t('career.placement.title')}</h1>
      </div>
      <p className="muted">{t('career.placement.intro')}</p>
      <form className="toolbar" role="search" onSubmit={submit} noValidate>
        <div className={`toolbar-item${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${fid}-jab`}>{t('career.col.jabatan')}</label>
          <input
            id={`${fid}-jab`}
            value={draft}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? `${fid}-jab-error` : undefined}
          />
          {error && (
            <p id={`${fid}-jab-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <UnitFilter id={`${fid}-unit`} value={unitCode} onChange={(v) => update({ unit: v })} />
        <div className="toolbar-item">
          <button type="submit" className="btn btn-primary">
            {t('career.placement.search')}
          </button>
        </div>
      </form>
      {!jabatan ? (
        <p className="muted">{t('career.placement.prompt')}</p>
      ) : list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <TableWrap label={t('career.placement.title')} busy={list.isFetching}>
          <table className="stack">
            <caption>
              {t('career.placement.caption', { family: list.data.family })}
              {list.data.jenjang && ` · ${label('jenjang', list.data.jenjang)}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('career.col.name')}</th>
                <th scope="col">{t('career.col.jabatan')}</th>
                <th scope="col">{t('field.unit')}</th>
                <th scope="col">{t('career.placement.latest')}</th>
                <th scope="col">{t('career.candidates.box')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('career.placement.empty')}</td>
                </tr>
              )}
              {list.data.items.map((r) => (
                <tr key={r.nip}>
                  <td data-label={t('career.col.name')}>
                    {r.name}
                    <br />
                    <span className="mono small">{r.nip}</span>
                  </td>
                  <td data-label={t('career.col.jabatan')}>{r.jabatan}</td>
                  <td data-label={t('field.unit')}>{r.unit_code}</td>
                  <td data-label={t('career.placement.latest')}>
                    {r.latest_predikat ? label('predikat', r.latest_predikat) : t('common.none')}
                    {r.latest_period && <span className="muted small"> ({r.latest_period})</span>}
                  </td>
                  <td data-label={t('career.candidates.box')}>
                    {r.box != null ? t('career.talent.boxNumber', { n: r.box }) : t('common.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
