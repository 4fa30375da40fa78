// The 360 aggregates of one ratee for a period: per group and per value, withheld groups
// shown as "not enough responses", and the weighted mean with its formula.
import { useI18n } from '../../../lib/i18n/i18n';
import { useDecimal } from '../../../components/numbers';
import type { Summary360 } from '../api/f360';
import type { BerakhlakValue } from '../api/common';

export function Summary360View({
  summary,
  values,
  headingLevel = 2,
  showSuggestion = true,
}: {
  summary: Summary360;
  values: BerakhlakValue[] | undefined;
  headingLevel?: 2 | 3;
  showSuggestion?: boolean;
}) {
  const { t, lang } = useI18n();
  const decimal = useDecimal();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  if (!summary.run_360) return <p className="alert alert-info">{t('s360.noRound')}</p>;
  if (!summary.released) {
    // ADR 0013: the results appear once, as one snapshot, never per response.
    return (
      <div className="summary360">
        <H>{t('s360.title')}</H>
        <p className="alert alert-info" role="status">
          {summary.release_on
            ? t('s360.notReleased', { date: summary.release_on.split('-').reverse().join('-') })
            : t('s360.notReleasedClose')}
        </p>
      </div>
    );
  }
  const visibleGroups = summary.groups.filter((g) => g.visible && g.values.length > 0);
  const valueCodes = visibleGroups[0]?.values.map((v) => String(v.value)) ?? [];
  const valueName = (code: string, fallback: string) => {
    const v = values?.find((x) => String(x.code) === code);
    return v ? (lang === 'en' ? v.name_en : v.name) : fallback;
  };

  return (
    <div className="summary360">
      <H>{t('s360.title')}</H>
      <p className="small muted">{t('s360.anonymity', { n: summary.anonymity_threshold })}</p>
      <div className="table-wrap">
        <table className="stack">
          <caption className="visually-hidden">{t('s360.groupsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('s360.group')}</th>
              <th scope="col">{t('s360.responses')}</th>
              <th scope="col">{t('s360.mean')}</th>
              <th scope="col">{t('s360.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row" data-label={t('s360.group')}>
                  {t(`group.${g.group}`)}
                </th>
                <td data-label={t('s360.responses')}>
                  {g.count_below_threshold || g.responses == null ? t('s360.fewerThan', { n: summary.anonymity_threshold }) : g.responses}
                </td>
                <td data-label={t('s360.mean')}>
                  {g.visible ? (
                    g.mean != null ? (
                      <>
                        {decimal(g.mean)}
                        {g.group === 'public' && g.public_index !== null && g.public_index !== undefined && (
                          <span className="small muted"> ({t('s360.publicIndex', { index: decimal(g.public_index) })})</span>
                        )}
                      </>
                    ) : (
                      t('common.none')
                    )
                  ) : (g.responses ?? 0) > 0 || g.anonymous ? (
                    <span className="insufficient">{t('s360.notEnough', { n: g.min_responses })}</span>
                  ) : (
                    t('common.none')
                  )}
                </td>
                <td data-label={t('s360.weight')}>{decimal(g.weight, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {valueCodes.length > 0 && (
        <>
          <H2>{t('s360.perValue')}</H2>
          <div className="table-wrap">
            <table className="stack">
              <caption className="visually-hidden">{t('s360.valuesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('s360.value')}</th>
                  {visibleGroups.map((g) => (
                    <th key={g.group} scope="col">
                      {t(`group.${g.group}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {valueCodes.map((code) => (
                  <tr key={code}>
                    <th scope="row">{valueName(code, visibleGroups[0]?.values.find((v) => String(v.value) === code)?.name ?? code)}</th>
                    {visibleGroups.map((g) => {
                      const v = g.values.find((x) => String(x.value) === code);
                      return (
                        <td key={g.group} data-label={t(`group.${g.group}`)} className={v && v.mean < 3 ? 'low' : undefined}>
                          {v ? decimal(v.mean) : t('common.none')}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <div className="card formula">
        <H2>{t('s360.weighted')}</H2>
        {summary.weighted_mean != null ? (
          <>
            <p className="ikm-number">
              <strong>{decimal(summary.weighted_mean)}</strong>
            </p>
            {summary.weights_used.length > 0 && (
              <p className="small">
                {t('s360.formula')}:{' '}
                <span className="mono">
                  ({summary.weights_used.map((w) => `${decimal(w.weight, 0)} × ${decimal(w.mean)}`).join(' + ')}) ÷ (
                  {summary.weights_used.map((w) => decimal(w.weight, 0)).join(' + ')}) = {decimal(summary.weighted_mean)}
                </span>
              </p>
            )}
            {showSuggestion && summary.suggested_rating && (
              <p>
                {t('s360.suggestion')}: <strong>{t(`rating.${summary.suggested_rating}`)}</strong>
              </p>
            )}
            <p className="small muted">{t('s360.thresholds')}</p>
          </>
        ) : (
          <p className="muted">{t('s360.noMean')}</p>
        )}
      </div>

      {visibleGroups.some((g) => g.overall_comments.length > 0 || g.values.some((v) => v.comments.length > 0)) && (
        <>
          <H2>{t('s360.comments')}</H2>
          {visibleGroups.map((g) => {
            const all = [...g.values.flatMap((v) => v.comments.map((c) => `${valueName(String(v.value), v.name)}: ${c}`)), ...g.overall_comments];
            if (all.length === 0) return null;
            return (
              <div key={g.group}>
                <p className="small">
                  <strong>{t(`group.${g.group}`)}</strong>
                </p>
                <ul className="comments">
                  {all.map((c, i) => (
                    <li key={i} className="comment-item">
                      {c}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </>
      )}
    </div>
  );
}
