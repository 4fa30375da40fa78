// The 3×3 predikat matrix as an accessible table (row and column headers, caption, SIASN codes).
import { useI18n } from '../../../lib/i18n/i18n';
import { MATRIX, MATRIX_COLUMNS, PREDIKAT_CODE, RATINGS, RATING_CODE } from './predikat';

export function PredikatMatrix() {
  const { t } = useI18n();
  return (
    <>
      {/* The caption is repeated above the scroll area so that narrow screens show it whole. */}
      <p className="small muted" aria-hidden="true">
        <strong>{t('help.matrix.caption')}</strong>
      </p>
      <div className="table-wrap" role="region" aria-label={t('help.matrix.title')} tabIndex={0}>
      <table className="predikat-matrix">
        <caption className="visually-hidden">{t('help.matrix.caption')}</caption>
        <thead>
          <tr>
            <td>{t('help.matrix.corner')}</td>
            {MATRIX_COLUMNS.map((p) => (
              <th scope="col" key={p}>
                {t(`help.rating.${p}`)} <span className="muted small">({RATING_CODE[p]})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {RATINGS.map((h) => (
            <tr key={h}>
              <th scope="row">
                {t(`help.rating.${h}`)} <span className="muted small">({RATING_CODE[h]})</span>
              </th>
              {MATRIX_COLUMNS.map((p) => {
                const predikat = MATRIX[h][p];
                return (
                  <td key={p} data-hasil={h} data-perilaku={p} data-predikat={predikat}>
                    {predikat === 'sangat_baik' || predikat === 'sangat_kurang' ? (
                      <strong>{t(`help.predikat.${predikat}`)}</strong>
                    ) : (
                      t(`help.predikat.${predikat}`)
                    )}{' '}
                    <span className="muted small">({PREDIKAT_CODE[predikat]})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}
