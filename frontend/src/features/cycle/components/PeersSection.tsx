// 360 peers: the employee nominates up to eight colleagues for an open period with a 360
// round ("Usulan rekan kerja"), and their direct supervisor approves or rejects each
// nomination. Neither view ever says whether a peer has answered.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { useMe } from '../../../lib/auth/auth';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorSummary, type Problem } from './ui';
import { usePeriods, type Period } from '../api/common';
import { useDecidePeer, useNominatePeers, usePeers, type Peer, type PeerState } from '../api/f360';

export const MAX_PEERS = 8;
const NIP_RE = /^\d{18}$/;
const STATE_BADGE: Record<PeerState, string> = { nominated: 'badge badge-info', approved: 'badge badge-ok', rejected: 'badge badge-off' };

/** The NIPs typed in the box: split on white space, commas or semicolons, duplicates dropped. */
export function parseNips(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

function PeerStateBadge({ peer }: { peer: Peer }) {
  const { t } = useI18n();
  const s = peer.state;
  return <span className={STATE_BADGE[s]}>{t(`peers.state.${s}`)}</span>;
}

/** The employee's own nominations on the "Formulir 360" page (open period with a 360 round only). */
export function PeerNominationSection() {
  const periods = usePeriods();
  const me = useMe();
  const period = (periods.data ?? []).find((p) => p.state === 'open' && p.run_360);
  const nip = me.data?.employee?.nip;
  if (!period || !nip) return null;
  return <PeerNomination key={period.id} period={period} nip={nip} />;
}

function PeerNomination({ period, nip }: { period: Period; nip: string }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const fieldId = `${fid}-nips`;
  const peers = usePeers(period.id, nip);
  const nominate = useNominatePeers(period.id, nip);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const problems: Problem[] = error ? [{ id: fieldId, message: error }] : [];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setFailure(null);
    const nips = parseNips(text);
    const invalid = nips.filter((n) => !NIP_RE.test(n));
    const problem =
      nips.length === 0
        ? t('peers.nipsRequired')
        : invalid.length > 0
          ? t('peers.nipInvalid', { nips: invalid.join(', ') })
          : nips.length > MAX_PEERS
            ? t('peers.tooMany')
            : nips.includes(nip)
              ? t('peers.self')
              : null;
    setError(problem);
    if (problem) return;
    nominate.mutate(nips, {
      onSuccess: () => {
        setText('');
        setStatus(t('peers.sent'));
      },
      onError: (err) => {
        if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
          setError(Object.values(err.fields).flat().join(' '));
        } else if (err instanceof ApiError && err.status === 422) {
          // cannot_rate_self_as_peer, peer_in_other_group, too_many_peers: about what was typed.
          setError(errorText(err));
        } else setFailure(errorText(err));
      },
    });
  };

  return (
    <section className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('peers.title')}</h2>
      <p className="muted">{t('peers.intro', { period: period.name })}</p>
      {peers.isPending ? (
        <Loading />
      ) : peers.isError ? (
        <ErrorState error={peers.error} onRetry={() => void peers.refetch()} />
      ) : peers.data.items.length === 0 ? (
        <p className="muted">{t('peers.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption className="visually-hidden">{t('peers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('peers.name')}</th>
                <th scope="col">{t('peers.unit')}</th>
                <th scope="col">{t('peers.state')}</th>
              </tr>
            </thead>
            <tbody>
              {peers.data.items.map((p) => (
                <tr key={p.nip}>
                  <th scope="row" data-label={t('peers.name')}>
                    {p.name}
                    <br />
                    <span className="small muted">
                      {p.nip} · {p.jabatan}
                    </span>
                  </th>
                  <td data-label={t('peers.unit')}>{p.unit_name}</td>
                  <td data-label={t('peers.state')}>
                    <PeerStateBadge peer={p} />
                    {p.decision_reason && <p className="small">{t('peers.reason', { reason: p.decision_reason })}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-title`}>
        <ErrorSummary problems={problems} />
        <FormAlert message={failure} />
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={fieldId}>{t('peers.nips')}</label>
          <textarea
            id={fieldId}
            rows={4}
            inputMode="numeric"
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${fieldId}-hint${error ? ` ${fieldId}-err` : ''}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p id={`${fieldId}-hint`} className="field-hint">
            {t('peers.nipsHint')}
          </p>
          {error && (
            <p id={`${fieldId}-err`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={nominate.isPending}>
            {nominate.isPending ? t('common.saving') : t('peers.send')}
          </button>
          <span role="status" aria-live="polite" className="small">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}

/** The supervisor's view of one employee's peers in a period, with approve / reject. */
export function PeerApprovals({ period, nip }: { period: Period; nip: string }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const peers = usePeers(period.id, nip, period.run_360);
  const decide = useDecidePeer(period.id, nip);
  const [rejecting, setRejecting] = useState<Peer | null>(null);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (!period.run_360) return null;
  const canDecide = period.state === 'open';

  const approve = (p: Peer) => {
    setStatus(null);
    setFailure(null);
    decide.mutate(
      { id: p.id!, approve: true },
      { onSuccess: () => setStatus(t('peers.approved', { name: p.name })), onError: (err) => setFailure(err) },
    );
  };
  const reject = () => {
    if (!rejecting) return;
    const p = rejecting;
    setStatus(null);
    setFailure(null);
    decide.mutate(
      { id: p.id!, approve: false, reason: reason.trim() || null },
      {
        onSuccess: () => {
          setRejecting(null);
          setReason('');
          setStatus(t('peers.rejected', { name: p.name }));
        },
        onError: (err) => setFailure(err),
      },
    );
  };

  return (
    <section className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('peers.reviewTitle')}</h2>
      <p className="muted small">{t('peers.reviewIntro')}</p>
      {!rejecting && <FormAlert message={failure ? errorText(failure) : null} />}
      <div role="status" aria-live="polite">
        {status && <p className="alert alert-success">{status}</p>}
      </div>
      {peers.isPending ? (
        <Loading />
      ) : peers.isError ? (
        <ErrorState error={peers.error} onRetry={() => void peers.refetch()} />
      ) : peers.data.items.length === 0 ? (
        <p className="muted">{t('peers.reviewNone')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption className="visually-hidden">{t('peers.reviewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('peers.name')}</th>
                <th scope="col">{t('peers.unit')}</th>
                <th scope="col">{t('peers.state')}</th>
                {canDecide && <th scope="col">{t('peers.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {peers.data.items.map((p) => (
                <tr key={p.nip}>
                  <th scope="row" data-label={t('peers.name')}>
                    {p.name}
                    <br />
                    <span className="small muted">
                      {p.jabatan}
                      {p.nominated_by_ratee && ` · ${t('peers.byRatee')}`}
                    </span>
                  </th>
                  <td data-label={t('peers.unit')}>{p.unit_name}</td>
                  <td data-label={t('peers.state')}>
                    <PeerStateBadge peer={p} />
                    {p.decision_reason && <p className="small">{t('peers.reason', { reason: p.decision_reason })}</p>}
                  </td>
                  {canDecide && (
                    <td data-label={t('peers.actions')}>
                      {p.id && p.state === 'nominated' && (
                        <div className="form-actions">
                          <button
                            type="button"
                            className="btn btn-primary btn-small"
                            aria-label={t('peers.approveFor', { name: p.name })}
                            disabled={decide.isPending}
                            onClick={() => approve(p)}
                          >
                            {t('peers.approve')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-secondary btn-small"
                            aria-label={t('peers.rejectFor', { name: p.name })}
                            disabled={decide.isPending}
                            onClick={() => {
                              setFailure(null);
                              setReason('');
                              setRejecting(p);
                            }}
                          >
                            {t('peers.reject')}
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rejecting && (
        <ConfirmDialog
          title={t('peers.rejectTitle', { name: rejecting.name })}
          confirmLabel={t('peers.rejectConfirm')}
          pending={decide.isPending}
          error={failure}
          onConfirm={reject}
          onCancel={() => {
            setRejecting(null);
            setFailure(null);
          }}
        >
          <div className="field">
            <label htmlFor={`${fid}-reason`}>{t('peers.rejectReason')}</label>
            <textarea id={`${fid}-reason`} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
        </ConfirmDialog>
      )}
    </section>
  );
}
