// An SKP plan, read only: RHK with their indicators and the supervisor's expectations.
import { useI18n } from '../../../lib/i18n/i18n';
import { useDecimal } from '../../../components/numbers';
import type { Indicator, Skp } from '../api/skp';

export function useTargetText() {
  const { t } = useI18n();
  const decimal = useDecimal();
  return (i: Pick<Indicator, 'target_value' | 'target_unit' | 'target_text'>) =>
    i.target_value !== null && i.target_value !== undefined
      ? `${decimal(i.target_value, 2, 0)} ${i.target_unit ?? ''}`.trim()
      : (i.target_text ?? t('common.none'));
}

export function SkpView({ skp, showExpectations = true }: { skp: Skp; showExpectations?: boolean }) {
  const { t } = useI18n();
  const target = useTargetText();
  const rhk = [...skp.rhk].sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'utama' ? -1 : 1));
  return (
    <div className="skp-view">
      {rhk.length === 0 && <p className="muted">{t('skp.noRhk')}</p>}
      <ol className="rhk-list">
        {rhk.map((r) => (
          <li key={r.id} className="card rhk-card">
            <p className="rhk-head">
              <span className={r.kind === 'utama' ? 'badge badge-info' : 'badge'}>{t(`skp.kind.${r.kind}`)}</span>{' '}
              <strong>{r.description}</strong>
            </p>
            {r.parent_rhk && (
              <p className="small muted">
                {t('skp.parent')}: {r.parent_rhk.description}
              </p>
            )}
            <div className="table-wrap">
              <table className="stack">
                <caption className="visually-hidden">{t('skp.indicatorsOf', { rhk: r.description })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('skp.indicator')}</th>
                    <th scope="col">{t('skp.aspect')}</th>
                    <th scope="col">{t('skp.target')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...r.indicators]
                    .sort((a, b) => a.position - b.position)
                    .map((i) => (
                      <tr key={i.id}>
                        <td data-label={t('skp.indicator')}>{i.description}</td>
                        <td data-label={t('skp.aspect')}>{t(`skp.aspect.${i.aspect}`)}</td>
                        <td data-label={t('skp.target')}>{target(i)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </li>
        ))}
      </ol>
      {showExpectations && <ExpectationsView skp={skp} />}
    </div>
  );
}

export function ExpectationsView({ skp }: { skp: Skp }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="skp-expectations">
      <h2 id="skp-expectations">{t('skp.expectations')}</h2>
      <p className="muted small">{t('skp.expectationsIntro')}</p>
      <dl className="deflist">
        {skp.expectations.map((e) => (
          <div key={String(e.value_code)} className="deflist-row">
            <dt>{e.value_name}</dt>
            <dd>{e.expectation ?? <span className="muted">{t('skp.noExpectation')}</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
