// The SKM report, shaped like the official one (PermenPANRB 14/2017) and made for printing.
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { useDecimal } from '../../../components/numbers';
import type { MessageKey } from '../../../lib/i18n/messages';
import { defaultRange, useIkm, type Mutu } from '../api/ikm';
import { useElementName, useLongDate } from './format';

const WEIGHT = 1 / 9;

const MUTU_ROWS: { mutu: Mutu; interval: [number, number]; konversi: [number, number] }[] = [
  { mutu: 'A', interval: [3.5324, 4.0], konversi: [88.31, 100.0] },
  { mutu: 'B', interval: [3.0644, 3.532], konversi: [76.61, 88.3] },
  { mutu: 'C', interval: [2.6, 3.064], konversi: [65.0, 76.6] },
  { mutu: 'D', interval: [1.0, 2.5996], konversi: [25.0, 64.99] },
];

export function IkmReportPage() {
  const { t } = useI18n();
  const dec = useDecimal();
  const longDate = useLongDate();
  const elementName = useElementName();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const defaults = defaultRange();
  const from = params.get('from') ?? defaults.from;
  const to = params.get('to') ?? defaults.to;
  const ikm = useIkm(code, from, to);
  useDocumentTitle(t('report.title'));

  const back = `/ikm?${new URLSearchParams({ unit: code, from, to }).toString()}`;
  const toolbar = (
    <div className="form-actions no-print report-tools">
      <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!ikm.data}>
        {t('report.print')}
      </button>
      <Link to={back} className="btn btn-secondary">
        {t('common.back')}
      </Link>
    </div>
  );

  if (ikm.isPending)
    return (
      <>
        {toolbar}
        <Loading />
      </>
    );
  if (ikm.isError)
    return (
      <>
        {toolbar}
        <ErrorState error={ikm.error} onRetry={() => void ikm.refetch()} />
      </>
    );

  const r = ikm.data;
  const ok = r.sufficient && r.ikm != null && r.konversi != null && r.mutu != null;
  const kinerja = r.mutu ? (r.mutu_label ?? t(`mutu.${r.mutu}` as MessageKey)) : null;

  return (
    <article className="page skm-report" aria-labelledby="report-title">
      {toolbar}
      <header className="report-header">
        <h1 id="report-title">{t('report.title')}</h1>
        <p className="report-unit">
          {r.unit_name} <span className="mono">({r.unit_code})</span>
        </p>
        <p>{t('ikm.period', { from: longDate(r.from), to: longDate(r.to) })}</p>
        <p className="muted small">{t('report.basis')}</p>
      </header>

      <section aria-labelledby="report-respondents">
        <h2 id="report-respondents">{t('report.respondentsTitle')}</h2>
        <p>
          {t('ikm.respondents')}: <strong data-testid="ikm-respondents">{r.respondents}</strong>
          {r.verified_respondents > 0 && ` (${t('ikm.verified', { n: r.verified_respondents })})`}
          {' · '}
          {t('report.minimum', { min: r.min_respondents })}
        </p>
      </section>

      {!ok ? (
        <p className="alert alert-info insufficient">{t('ikm.insufficient', { min: r.min_respondents })}</p>
      ) : (
        <>
          <section aria-labelledby="report-elements">
            <h2 id="report-elements">{t('report.elementsTitle')}</h2>
            <div className="table-wrap">
              <table className="report-table">
                <caption className="visually-hidden">{t('report.elementsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.no')}</th>
                    <th scope="col">{t('ikm.element')}</th>
                    <th scope="col" className="num">
                      {t('ikm.nrr')}
                    </th>
                    <th scope="col" className="num">
                      {t('report.weighted')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.elements.map((e) => (
                    <tr key={e.code}>
                      <td className="mono">{e.code.toUpperCase()}</td>
                      <th scope="row">{elementName(e.code, e.name)}</th>
                      <td className="num">{e.nrr == null ? t('common.none') : dec(e.nrr)}</td>
                      <td className="num">{e.nrr == null ? t('common.none') : dec(e.nrr * WEIGHT, 3)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      {t('report.ikmTotal')}
                    </th>
                    <td className="num">
                      <strong>{dec(r.ikm ?? 0, 3)}</strong>
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="small muted">{t('report.weightNote')}</p>
          </section>

          <section aria-labelledby="report-result">
            <h2 id="report-result">{t('report.resultTitle')}</h2>
            <dl className="deflist report-result">
              <dt>{t('report.ikm')}</dt>
              <dd>{dec(r.ikm ?? 0, 3)}</dd>
              <dt>{t('ikm.konversi')}</dt>
              <dd>
                <strong>{dec(r.konversi ?? 0)}</strong> <span className="muted small">({t('report.konversiNote')})</span>
              </dd>
              <dt>{t('report.mutu')}</dt>
              <dd>
                <strong>{r.mutu}</strong>
              </dd>
              <dt>{t('report.kinerja')}</dt>
              <dd>
                <strong>{kinerja}</strong>
              </dd>
              <dt>{t('ikm.respondents')}</dt>
              <dd>{r.respondents}</dd>
            </dl>
          </section>
        </>
      )}

      <section aria-labelledby="report-scale">
        <h2 id="report-scale">{t('report.scaleTitle')}</h2>
        <div className="table-wrap">
          <table className="report-table">
            <caption className="visually-hidden">{t('report.scaleTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.interval')}</th>
                <th scope="col">{t('report.konversiInterval')}</th>
                <th scope="col">{t('report.mutu')}</th>
                <th scope="col">{t('report.kinerja')}</th>
              </tr>
            </thead>
            <tbody>
              {MUTU_ROWS.map((m) => (
                <tr key={m.mutu}>
                  <td>
                    {dec(m.interval[0], 4, 2)} – {dec(m.interval[1], 4, 2)}
                  </td>
                  <td>
                    {dec(m.konversi[0])} – {dec(m.konversi[1])}
                  </td>
                  <td>{m.mutu}</td>
                  <td>{t(`mutu.${m.mutu}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <footer className="report-footer muted small">
        <p>{t('report.generated', { date: longDate(todayIso()) })}</p>
      </footer>
    </article>
  );
}

function todayIso(): string {
  return defaultRange().to;
}
