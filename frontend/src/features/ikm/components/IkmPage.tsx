import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { UnitSelect } from '../../../components/UnitSelect';
import { defaultRange, parseIsoDate, useIkm } from '../api/ikm';
import { IkmSummary } from './IkmSummary';
import { NrrChart, TrendChart } from './IkmCharts';
import { useLongDate } from './format';

export function IkmPage() {
  const { t } = useI18n();
  useDocumentTitle(t('ikm.title'));
  const fid = useId();
  const longDate = useLongDate();
  const [params, setParams] = useSearchParams();
  const defaults = defaultRange();
  const unitCode = params.get('unit') ?? '';
  const from = params.get('from') ?? defaults.from;
  const to = params.get('to') ?? defaults.to;
  const fromDate = parseIsoDate(from);
  const toDate = parseIsoDate(to);
  const rangeError = !fromDate || !toDate ? t('ikm.dateInvalid') : fromDate > toDate ? t('ikm.rangeInvalid') : null;
  const ikm = useIkm(unitCode, from, to, rangeError === null);

  const update = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const report = ikm.data;
  const reportHref = `/ikm/${encodeURIComponent(unitCode)}/report?${new URLSearchParams({ from, to }).toString()}`;

  return (
    <section className="page" aria-labelledby="ikm-title">
      <div className="page-head">
        <h1 id="ikm-title">{t('ikm.title')}</h1>
        {unitCode && report && !rangeError && (
          <Link to={reportHref} className="btn btn-primary">
            {t('ikm.printReport')}
          </Link>
        )}
      </div>
      <p className="muted">{t('ikm.intro')}</p>

      <div className="toolbar" role="search" aria-label={t('ikm.filters')}>
        <div className="toolbar-item grow">
          <label htmlFor={`${fid}-unit`}>{t('field.unit')}</label>
          <UnitSelect
            id={`${fid}-unit`}
            value={unitCode}
            onChange={(v) => update({ unit: v })}
            emptyLabel={t('employees.chooseUnit')}
          />
        </div>
        <div className="toolbar-item date">
          <label htmlFor={`${fid}-from`}>{t('ikm.from')}</label>
          <input
            id={`${fid}-from`}
            type="date"
            value={from}
            max={to}
            onChange={(e) => update({ from: e.target.value })}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? `${fid}-range-error` : undefined}
          />
        </div>
        <div className="toolbar-item date">
          <label htmlFor={`${fid}-to`}>{t('ikm.to')}</label>
          <input
            id={`${fid}-to`}
            type="date"
            value={to}
            min={from}
            onChange={(e) => update({ to: e.target.value })}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? `${fid}-range-error` : undefined}
          />
        </div>
      </div>
      <div role="alert">
        {rangeError && (
          <p id={`${fid}-range-error`} className="alert alert-error">
            {rangeError}
          </p>
        )}
      </div>

      {!unitCode ? (
        <p className="card muted">{t('ikm.chooseUnit')}</p>
      ) : rangeError ? null : ikm.isPending ? (
        <Loading />
      ) : ikm.isError ? (
        <ErrorState error={ikm.error} onRetry={() => void ikm.refetch()} />
      ) : report ? (
        <div aria-busy={ikm.isFetching}>
          <article className="card" aria-labelledby={`${fid}-summary`}>
            <h2 id={`${fid}-summary`}>
              {report.unit_name} <span className="muted mono small">({report.unit_code})</span>
            </h2>
            <p className="muted small">
              {t('ikm.period', { from: longDate(report.from), to: longDate(report.to) })}
            </p>
            <div aria-live="polite">
              <IkmSummary report={report} />
            </div>
            <p className="muted small">{t('ikm.formulaNote')}</p>
          </article>

          {report.sufficient && (
            <article className="card" aria-labelledby={`${fid}-elements`}>
              <h2 id={`${fid}-elements`}>{t('ikm.elements')}</h2>
              <NrrChart elements={report.elements} />
            </article>
          )}

          {report.trend.length > 0 && (
            <article className="card" aria-labelledby={`${fid}-trend`}>
              <h2 id={`${fid}-trend`}>{t('ikm.trend')}</h2>
              <TrendChart trend={report.trend} minRespondents={report.min_respondents} />
            </article>
          )}
        </div>
      ) : null}
    </section>
  );
}
