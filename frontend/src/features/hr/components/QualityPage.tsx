// "Kualitas Penilai": raters whose 360 scores look unusual (straight-lining, leniency,
// severity), for HR only, with what each flag means. Never shown to the employees rated.
import { useId } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { UnitSelect } from '../../../components/UnitSelect';
import { usePeriod } from '../api/periods';
import { useQuality, type QualityFlag } from '../api/raters';
import { PeriodNav } from './PeriodNav';

export const QUALITY_FLAGS: readonly QualityFlag[] = ['straight_lining', 'lenient', 'severe'];

function isFlag(f: string): f is QualityFlag {
  return (QUALITY_FLAGS as readonly string[]).includes(f);
}

export function QualityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  useDocumentTitle(t('hr.quality.title'));
  const period = usePeriod(id);
  const fid = useId();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const quality = useQuality(id, unit);

  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <PeriodNav period={period.data} />
      <h1 id={`${fid}-title`}>{t('hr.quality.title')}</h1>
      <p className="muted">{t('hr.quality.intro')}</p>

      <details className="card">
        <summary>
          <strong>{t('hr.quality.explain')}</strong>
        </summary>
        <dl className="deflist">
          {QUALITY_FLAGS.map((f) => (
            <div key={f} style={{ display: 'contents' }}>
              <dt>{t(`hr.flag.${f}`)}</dt>
              <dd>{t(`hr.flag.${f}.help`)}</dd>
            </div>
          ))}
        </dl>
      </details>

      <div className="toolbar" role="search">
        <div className="toolbar-item grow">
          <label htmlFor={`${fid}-unit`}>{t('hr.progress.unitFilter')}</label>
          <UnitSelect id={`${fid}-unit`} value={unit} onChange={(v) => setParams(v ? { unit: v } : {}, { replace: true })} emptyLabel={t('common.all')} />
        </div>
      </div>

      {quality.isPending ? (
        <Loading />
      ) : quality.isError ? (
        <ErrorState error={quality.error} onRetry={() => void quality.refetch()} />
      ) : (
        <div aria-busy={quality.isFetching}>
          <p aria-live="polite">{t('hr.quality.checked', { n: quality.data.raters_checked, m: quality.data.items.length })}</p>
          <div className="table-wrap">
            <table className="stack">
              <caption>{t('hr.quality.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hr.quality.rater')}</th>
                  <th scope="col">{t('hr.quality.unit')}</th>
                  <th scope="col">{t('hr.quality.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {quality.data.items.length === 0 && (
                  <tr>
                    <td colSpan={3}>{t('hr.quality.none')}</td>
                  </tr>
                )}
                {quality.data.items.map((r) => (
                  <tr key={r.nip}>
                    <td data-label={t('hr.quality.rater')}>
                      {r.name} <span className="muted mono small">{r.nip}</span>
                    </td>
                    <td data-label={t('hr.quality.unit')}>{r.unit_name}</td>
                    <td data-label={t('hr.quality.flags')}>
                      <div>
                        <ul className="flag-list">
                          {r.flags.map((f) => (
                            <li key={f}>
                              <span className="badge badge-off" title={isFlag(f) ? t(`hr.flag.${f}.help`) : undefined}>
                                {isFlag(f) ? t(`hr.flag.${f}`) : f}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
