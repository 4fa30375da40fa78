// The headline numbers: IKM konversi with its mutu, and always the number of respondents.
import { useI18n } from '../../../lib/i18n/i18n';
import { MutuBadge } from '../../../components/MutuBadge';
import { useDecimal } from '../../../components/numbers';
import type { IkmReport } from '../api/ikm';

export function Respondents({ report }: { report: IkmReport }) {
  const { t } = useI18n();
  return (
    <p className="respondents">
      {t('ikm.respondents')}: <strong data-testid="ikm-respondents">{report.respondents}</strong>
      {report.verified_respondents > 0 && (
        <span className="muted"> ({t('ikm.verified', { n: report.verified_respondents })})</span>
      )}
    </p>
  );
}

export function IkmSummary({ report }: { report: IkmReport }) {
  const { t } = useI18n();
  const dec = useDecimal();
  const ok = report.sufficient && report.konversi != null && report.mutu != null;
  return (
    <div className="ikm-summary">
      {ok ? (
        <>
          <p className="ikm-number">
            <span className="ikm-number-label">{t('ikm.konversi')}</span>
            <span className="ikm-value">{dec(report.konversi ?? 0)}</span>
            {report.mutu && <MutuBadge mutu={report.mutu} label={report.mutu_label} />}
          </p>
          {report.ikm != null && (
            <p className="muted small">
              {t('ikm.interval')}: {dec(report.ikm, 3, 2)}
            </p>
          )}
        </>
      ) : (
        <p className="alert alert-info insufficient">{t('ikm.insufficient', { min: report.min_respondents })}</p>
      )}
      <Respondents report={report} />
    </div>
  );
}
