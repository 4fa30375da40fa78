// "Talenta": the 9-box talent matrix of a unit (rows potensi tinggi → rendah, columns kinerja
// di bawah → di atas, box numbers as in the rules), each box with its people and
// recommendations; HR enters or imports potensi here.
import { useId } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import type { MessageKey } from '../../../lib/i18n/messages';
import { useTalentGrid } from '../api/talent';
import { KINERJA_COLS, POTENSI_ROWS, type GridCell, type TalentGrid } from '../api/types';
import { CareerNav } from './CareerNav';
import { UnitFilter, YearFilter, useFilterParams } from './Filters';
import { PotensiPanel } from './PotensiPanel';
import { currentYear, useEnumLabel } from './format';

export function TalentGridPage() {
  const { t } = useI18n();
  useDocumentTitle(t('career.talent.title'));
  const { data: me } = useMe();
  // An annual result needs the year's last quarter published, so for most of a year the
  // latest complete matrix is last year's.
  const { unitCode, year, update } = useFilterParams(currentYear() - 1);
  const grid = useTalentGrid(unitCode, year);
  const fid = useId();

  return (
    <section className="page career" aria-labelledby="talent-title">
      <CareerNav />
      <div className="page-head">
        <h1 id="talent-title">{t('career.talent.title')}</h1>
      </div>
      <p className="muted">{t('career.talent.intro')}</p>
      <div className="toolbar" role="search">
        <UnitFilter id={`${fid}-unit`} value={unitCode} onChange={(v) => update({ unit: v })} />
        <YearFilter id={`${fid}-year`} value={year} onChange={(v) => update({ year: String(v) })} />
      </div>
      {grid.isPending ? (
        <Loading />
      ) : grid.isError ? (
        <ErrorState error={grid.error} onRetry={() => void grid.refetch()} />
      ) : (
        <div aria-busy={grid.isFetching}>
          <NineBox grid={grid.data} />
          <Unplaced grid={grid.data} />
        </div>
      )}
      {canWriteMasterData(me) && <PotensiPanel />}
    </section>
  );
}

export function NineBox({ grid }: { grid: TalentGrid }) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const cell = (p: string, k: string) => grid.cells.find((c) => c.potensi === p && c.kinerja === k);
  const placed = grid.cells.reduce((n, c) => n + c.count, 0);
  return (
    <div className="table-wrap">
      <table className="ninebox">
        <caption>
          {t('career.talent.caption', { year: grid.year, unit: grid.unit_code ?? t('career.allUnits') })}
          <span className="muted small"> · {t('career.talent.placed', { n: placed })}</span>
        </caption>
        <thead>
          <tr>
            <td className="ninebox-corner">
              {t('career.talent.axisPotensi')} ↓ / {t('career.talent.axisKinerja')} →
            </td>
            {KINERJA_COLS.map((k) => (
              <th key={k} scope="col">
                {label('kinerja', k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {POTENSI_ROWS.map((p) => (
            <tr key={p}>
              <th scope="row">
                {t('career.talent.potensiRow', { level: label('potensi', p) })}
              </th>
              {KINERJA_COLS.map((k) => {
                const c = cell(p, k);
                return (
                  <td
                    key={k}
                    className={c ? `box box-${c.box}` : 'box'}
                    data-label={`${label('potensi', p)} · ${label('kinerja', k)}`}
                  >
                    {c && <BoxCell cell={c} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BoxCell({ cell }: { cell: GridCell }) {
  const { t, lang } = useI18n();
  const recs =
    lang === 'en'
      ? t(`career.boxRecs.${cell.box}` as MessageKey)
          .split('; ')
          .filter(Boolean)
      : cell.recommendations;
  return (
    <div data-testid={`box-${cell.box}`}>
      <p className="box-head" title={cell.label}>
        <span className="box-number" aria-hidden="true">
          {cell.box}
        </span>
        <span className="visually-hidden">{t('career.talent.boxNumber', { n: cell.box })}</span>
      </p>
      <p className="box-count">
        <strong>{t('career.talent.count', { n: cell.count })}</strong>
      </p>
      {cell.employees.length > 0 && (
        <ul className="box-people">
          {cell.employees.map((e) => (
            <li key={e.nip}>
              <Link to={`/admin/employees/${e.nip}`}>{e.name}</Link>
              <span className="muted small"> · {e.jabatan}</span>
            </li>
          ))}
        </ul>
      )}
      <details className="box-recs">
        <summary>
          {t('career.talent.recs')}
          <span className="visually-hidden"> {t('career.talent.boxNumber', { n: cell.box })}</span>
        </summary>
        <ul>
          {recs.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function Unplaced({ grid }: { grid: TalentGrid }) {
  const { t } = useI18n();
  if (grid.unplaced.length === 0) return null;
  return (
    <details className="card unplaced">
      <summary>{t('career.talent.unplaced', { n: grid.unplaced.length })}</summary>
      <div className="table-wrap">
        <table className="stack">
          <caption className="visually-hidden">{t('career.talent.unplacedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('career.col.name')}</th>
              <th scope="col">{t('career.col.nip')}</th>
              <th scope="col">{t('career.talent.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {grid.unplaced.map((u) => (
              <tr key={u.nip}>
                <td data-label={t('career.col.name')}>{u.name}</td>
                <td className="mono" data-label={t('career.col.nip')}>
                  {u.nip}
                </td>
                <td data-label={t('career.talent.reason')}>{u.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
