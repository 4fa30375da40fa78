// "Kandidat Promosi": Baik or better in each of the last two annual periods and box 7, 8 or
// 9, per unit, with the evidence; downloadable as CSV.
import { useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { downloadCandidatesCsv, saveBlob, useCandidates } from '../api/talent';
import { CareerNav } from './CareerNav';
import { UnitFilter, useFilterParams } from './Filters';
import { useDate, useEnumLabel } from './format';

export function CandidatesPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('career.candidates.title'));
  const label = useEnumLabel();
  const date = useDate();
  const fid = useId();
  const { unitCode, update } = useFilterParams();
  const list = useCandidates(unitCode);
  const [downloading, setDownloading] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);

  const download = async () => {
    setDownloading(true);
    setNotice(null);
    try {
      saveBlob(await downloadCandidatesCsv(unitCode), `kandidat-promosi${unitCode ? `-${unitCode}` : ''}.csv`);
      setNotice({ text: t('career.download.done'), tone: 'success' });
    } catch (err) {
      setNotice({ text: errorText(err), tone: 'error' });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className="page career" aria-labelledby="cand-title">
      <CareerNav />
      <div className="page-head">
        <h1 id="cand-title">{t('career.candidates.title')}</h1>
        <button type="button" className="btn btn-secondary" disabled={downloading} onClick={() => void download()}>
          {downloading ? t('career.download.pending') : t('career.download.csv')}
        </button>
      </div>
      <p className="muted">{list.data?.rule ?? t('career.candidates.intro')}</p>
      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />
      <div className="toolbar" role="search">
        <UnitFilter id={`${fid}-unit`} value={unitCode} onChange={(v) => update({ unit: v })} />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <TableWrap label={t('career.candidates.title')} busy={list.isFetching}>
          <table className="stack">
            <caption>{t('career.candidates.caption', { years: list.data.years.join(', ') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('career.col.name')}</th>
                <th scope="col">{t('career.col.jabatan')}</th>
                <th scope="col">{t('career.candidates.box')}</th>
                <th scope="col">{t('career.candidates.annual')}</th>
                <th scope="col">{t('career.candidates.masaKerja')}</th>
                <th scope="col">{t('career.candidates.development')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 && (
                <tr>
                  <td colSpan={6}>{t('career.candidates.empty')}</td>
                </tr>
              )}
              {list.data.items.map((c) => (
                <tr key={c.nip}>
                  <td data-label={t('career.col.name')}>
                    <strong>{c.name}</strong>
                    <br />
                    <span className="mono small">{c.nip}</span> <span className="muted small">· {c.unit_code}</span>
                  </td>
                  <td data-label={t('career.col.jabatan')}>
                    {c.jabatan}
                    <br />
                    <span className="muted small">{c.golongan}</span>
                  </td>
                  <td data-label={t('career.candidates.box')}>
                    {t('career.talent.boxNumber', { n: c.box })}
                    <br />
                    <span className="muted small">
                      {t('career.candidates.potensi', { level: label('potensi', c.potensi) })}
                    </span>
                  </td>
                  <td data-label={t('career.candidates.annual')}>
                    <ul className="plain">
                      {c.annual.map((a) => (
                        <li key={a.year}>
                          {a.year}: {a.predikat_label}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-label={t('career.candidates.masaKerja')}>
                    {c.masa_kerja_tahun != null ? t('career.candidates.years', { n: c.masa_kerja_tahun }) : t('common.none')}
                    <br />
                    <span className="muted small">{c.masa_kerja_note}</span>
                  </td>
                  <td data-label={t('career.candidates.development')}>
                    {c.completed_development.length === 0 ? (
                      t('common.none')
                    ) : (
                      <ul className="plain">
                        {c.completed_development.map((d, i) => (
                          <li key={`${d.title}-${i}`}>
                            {d.title}
                            {d.completed_on && <span className="muted small"> ({date(d.completed_on)})</span>}
                          </li>
                        ))}
                      </ul>
                    )}
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
