// "Hasil & Ekspor": the period's results per employee (status incl. under appeal), downloads
// of CSV and XLSX through the authenticated client, and the SIASN-shaped JSON.
import { useId, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { UnitSelect } from '../../../components/UnitSelect';
import { usePeriod } from '../api/periods';
import { exportFileName, useExport, useResults, useSiasn, type ExportFormat } from '../api/results';
import { PeriodNav } from './PeriodNav';
import { SiasnPanel } from './SiasnPanel';

export function ResultsPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  useDocumentTitle(t('hr.results.title'));
  const fid = useId();
  const period = usePeriod(id);
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const results = useResults(id, unit);
  const [showSiasn, setShowSiasn] = useState(false);
  const siasn = useSiasn(id, unit, showSiasn);
  const exporter = useExport(id);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const periodName = period.data?.name ?? '';

  const download = (format: ExportFormat) => {
    const fileName = exportFileName(periodName || id, unit, format);
    setNotice(null);
    exporter.mutate(
      { unitCode: unit, format, fileName },
      {
        onSuccess: () => setNotice({ text: t('hr.results.downloaded', { name: fileName }), tone: 'success' }),
        onError: (err) => setNotice({ text: errorText(err), tone: 'error' }),
      },
    );
  };

  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <PeriodNav period={period.data} />
      <h1 id={`${fid}-title`}>{t('hr.results.title')}</h1>
      <p className="muted">{t('hr.results.intro')}</p>

      <div className="toolbar" role="search" aria-label={t('hr.results.filters')}>
        <div className="toolbar-item grow">
          <label htmlFor={`${fid}-unit`}>{t('hr.progress.unitFilter')}</label>
          <UnitSelect id={`${fid}-unit`} value={unit} onChange={(v) => setParams(v ? { unit: v } : {}, { replace: true })} emptyLabel={t('common.all')} />
        </div>
      </div>
      <div className="row-actions">
        {(['csv', 'xlsx'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className="btn btn-secondary"
            disabled={exporter.isPending}
            aria-busy={(exporter.isPending && exporter.variables.format === f) || undefined}
            onClick={() => download(f)}
          >
            {exporter.isPending && exporter.variables.format === f ? t('hr.results.downloading') : t(`hr.results.${f}`)}
          </button>
        ))}
        <button type="button" className="btn btn-secondary" aria-expanded={showSiasn} onClick={() => setShowSiasn((s) => !s)}>
          {showSiasn ? t('hr.results.hideSiasn') : t('hr.results.siasn')}
        </button>
      </div>
      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />

      {showSiasn && (
        <article className="card" aria-labelledby={`${fid}-siasn`}>
          <h2 id={`${fid}-siasn`}>{t('hr.results.siasnTitle')}</h2>
          {siasn.isPending ? (
            <Loading />
          ) : siasn.isError ? (
            <ErrorState error={siasn.error} onRetry={() => void siasn.refetch()} />
          ) : (
            <>
              <p>
                {t('hr.results.siasnSummary', {
                  n: siasn.data.items.length,
                  ready: siasn.data.items.filter((i) => i.ready).length,
                })}
              </p>
              <pre className="json-view" tabIndex={0} aria-label={t('hr.results.siasnTitle')}>
                {JSON.stringify(siasn.data, null, 2)}
              </pre>
            </>
          )}
        </article>
      )}

      <SiasnPanel periodId={id} />

      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <TableWrap label={t('hr.results.title')} busy={results.isFetching}>
          <table className="stack">
            <caption>
              {t('hr.results.caption', { period: periodName, unit: unit ? ` — ${unit}` : '' })} ·{' '}
              {t('hr.results.count', { n: results.data.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.results.employee')}</th>
                <th scope="col">{t('field.unit')}</th>
                <th scope="col">{t('hr.results.hasil')}</th>
                <th scope="col">{t('hr.results.perilaku')}</th>
                <th scope="col">{t('hr.results.predikat')}</th>
                <th scope="col">{t('hr.results.penilai')}</th>
                <th scope="col">{t('hr.results.status')}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.items.length === 0 && (
                <tr>
                  <td colSpan={7}>{t('hr.results.empty')}</td>
                </tr>
              )}
              {results.data.items.map((r) => (
                <tr key={r.nip}>
                  <td data-label={t('hr.results.employee')}>
                    <div>
                      <strong>{r.name}</strong>
                      <br />
                      <span className="muted small">
                        <span className="mono">{r.nip}</span> · {r.jabatan} · {r.golongan}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('field.unit')}>{r.unit_code}</td>
                  <td data-label={t('hr.results.hasil')}>
                    {t(`help.rating.${r.rating_hasil_kerja}`)} <span className="muted small">({r.rating_hasil_kerja_code})</span>
                  </td>
                  <td data-label={t('hr.results.perilaku')}>
                    {t(`help.rating.${r.rating_perilaku_kerja}`)} <span className="muted small">({r.rating_perilaku_kerja_code})</span>
                  </td>
                  <td data-label={t('hr.results.predikat')}>
                    <strong>{t(`help.predikat.${r.predikat.value}`)}</strong> <span className="muted small">({r.predikat.code})</span>
                  </td>
                  <td data-label={t('hr.results.penilai')}>
                    <div>
                      {r.penilai.name}
                      <br />
                      <span className="muted small mono">{r.penilai.nip}</span>
                    </div>
                  </td>
                  <td data-label={t('hr.results.status')}>
                    <div>
                      <span className={`badge ${r.status === 'under_appeal' ? 'badge-off' : r.status === 'draft' ? '' : 'badge-ok'}`}>
                        {t(`hr.rs.${r.status}`)}
                      </span>
                    </div>
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
