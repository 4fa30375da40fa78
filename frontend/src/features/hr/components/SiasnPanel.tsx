// "Kirim ke SIASN": HR sends the period's published results to SIASN (after confirming) and
// sees each employee's outcome (sent, refused with SIASN's message, to retry).
import { useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDateTime } from '../../../components/numbers';
import { Dialog } from '../../../components/Dialog';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useSiasnDeliveries, useSiasnPush } from '../api/results';

export function SiasnPanel({ periodId }: { periodId: string }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const dateTime = useDateTime();
  const deliveries = useSiasnDeliveries(periodId);
  const push = useSiasnPush(periodId);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const enabled = deliveries.data?.enabled ?? false;

  return (
    <article className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.siasn.title')}</h2>
      <p className="muted">{t('hr.siasn.intro')}</p>
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <>
          {!enabled && <p>{t('hr.siasn.disabled')}</p>}
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!enabled || push.isPending}
              onClick={() => {
                setNotice(null);
                push.reset();
                setConfirming(true);
              }}
            >
              {push.isPending ? t('hr.siasn.sending') : t('hr.siasn.push')}
            </button>
          </div>
          <FormAlert message={notice} tone="success" />
          <FormAlert message={push.error && !confirming ? errorText(push.error) : null} />
          <div className="table-wrap">
            <table className="stack">
              <caption>{t('hr.siasn.caption', { n: deliveries.data.items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hr.results.employee')}</th>
                  <th scope="col">{t('hr.siasn.kind')}</th>
                  <th scope="col">{t('hr.results.status')}</th>
                  <th scope="col">{t('hr.siasn.message')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.items.length === 0 && (
                  <tr>
                    <td colSpan={4}>{t('hr.siasn.empty')}</td>
                  </tr>
                )}
                {deliveries.data.items.map((d) => (
                  <tr key={`${d.nip}-${d.kind}`}>
                    <td data-label={t('hr.results.employee')}>
                      <div>
                        <strong>{d.name}</strong>
                        <br />
                        <span className="muted small mono">{d.nip}</span>
                      </div>
                    </td>
                    <td data-label={t('hr.siasn.kind')} className="mono">
                      {d.kind}
                    </td>
                    <td data-label={t('hr.results.status')}>
                      <div>
                        <span className={`badge ${d.status === 'sent' ? 'badge-ok' : d.status === 'to_retry' ? '' : 'badge-off'}`}>
                          {t(`hr.siasn.status.${d.status}`)}
                        </span>
                        {d.status === 'to_retry' && d.next_attempt_at && (
                          <span className="muted small"> {t('hr.siasn.next', { at: dateTime(d.next_attempt_at), n: d.attempts })}</span>
                        )}
                      </div>
                    </td>
                    <td data-label={t('hr.siasn.message')}>{d.message ?? (d.siasn_id ? <span className="mono small">{d.siasn_id}</span> : '—')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {confirming && (
        <Dialog title={t('hr.siasn.confirmTitle')} onClose={() => setConfirming(false)} initialFocus="[data-autofocus]">
          <div className="dialog-body">
            <p>{t('hr.siasn.confirmBody')}</p>
          </div>
          <FormAlert message={push.error ? errorText(push.error) : null} />
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={push.isPending}
              onClick={() =>
                push.mutate(undefined, {
                  onSuccess: (s) => {
                    setConfirming(false);
                    setNotice(
                      t('hr.siasn.done', {
                        sent: s.sent,
                        rejected: s.rejected,
                        retry: s.to_retry + s.failed,
                        unchanged: s.unchanged + s.waiting,
                        skipped: s.skipped.length,
                      }),
                    );
                  },
                })
              }
            >
              {push.isPending ? t('hr.siasn.sending') : t('hr.siasn.push')}
            </button>
            <button type="button" className="btn btn-secondary" data-autofocus="" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </article>
  );
}
