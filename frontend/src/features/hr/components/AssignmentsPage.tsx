// "Penugasan Penilai 360": generate a period's assignments, decide peer nominations, and see
// (and complete) one employee's raters. Organisers never see whether an anonymous rater answered.
import { useId, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { Field } from '../../../components/Field';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { UnitSelect } from '../../../components/UnitSelect';
import { usePeriod, type Period } from '../api/periods';
import {
  useAssignPeers,
  useDecidePeer,
  useGenerateRaters,
  usePeersOf,
  useProgress360,
  useRaters,
  useUnitEmployees,
  type Peer,
} from '../api/raters';
import { PeriodNav } from './PeriodNav';

type Notice = { text: string; tone: 'success' | 'error' } | null;

export function AssignmentsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  useDocumentTitle(t('hr.assign.title'));
  const period = usePeriod(id);
  const fid = useId();
  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <PeriodNav period={period.data} />
      <h1 id={`${fid}-title`}>{t('hr.assign.title')}</h1>
      <p className="muted">{t('hr.assign.intro')}</p>
      {period.isPending ? (
        <Loading />
      ) : period.isError ? (
        <ErrorState error={period.error} onRetry={() => void period.refetch()} />
      ) : !period.data.run_360 ? (
        <p className="alert alert-info">{t('hr.assign.no360')}</p>
      ) : (
        <Assignments period={period.data} />
      )}
    </section>
  );
}

function Assignments({ period }: { period: Period }) {
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me) && period.state !== 'published';
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <>
      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />
      {canWrite && <GenerateCard periodId={period.id} onNotice={setNotice} />}
      <Nominations periodId={period.id} canWrite={canWrite} onNotice={setNotice} />
      <PerEmployee periodId={period.id} canWrite={canWrite} onNotice={setNotice} />
    </>
  );
}

function GenerateCard({ periodId, onNotice }: { periodId: string; onNotice: (n: Notice) => void }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [unit, setUnit] = useState('');
  const generate = useGenerateRaters(periodId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onNotice(null);
    generate.mutate(unit, {
      onSuccess: (r) =>
        onNotice({
          text: t('hr.assign.generated', {
            created: r.created,
            self: r.self,
            supervisor: r.supervisor,
            subordinate: r.subordinate,
            existing: r.existing,
          }),
          tone: 'success',
        }),
      onError: (err) => onNotice({ text: errorText(err), tone: 'error' }),
    });
  };
  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.assign.generateTitle')}</h2>
      <div className="inline-form">
        <Field id={`${fid}-unit`} label={t('hr.assign.generateUnit')} hint={t('hr.assign.generateHint')}>
          <UnitSelect value={unit} onChange={setUnit} emptyLabel={t('hr.assign.allUnits')} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={generate.isPending}>
          {generate.isPending ? t('hr.assign.generating') : t('hr.assign.generate')}
        </button>
      </div>
    </form>
  );
}

function Nominations({ periodId, canWrite, onNotice }: { periodId: string; canWrite: boolean; onNotice: (n: Notice) => void }) {
  const { t } = useI18n();
  const fid = useId();
  const [params, setParams] = useSearchParams();
  const shown = params.get('nominations') ?? '';
  const progress = useProgress360(periodId, '');
  const waiting = progress.data?.units.filter((u) => u.awaiting_approval > 0) ?? [];

  return (
    <article className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.assign.nominations')}</h2>
      {progress.isPending ? (
        <Loading />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : waiting.length === 0 ? (
        <p>{t('hr.assign.noneWaiting')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption>{t('hr.assign.unitsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.progress.unit')}</th>
                <th scope="col" className="num">
                  {t('hr.assign.awaiting')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('hr.periods.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((u) => (
                <tr key={u.unit_code}>
                  <td data-label={t('hr.progress.unit')}>
                    {u.unit_name} <span className="muted mono small">({u.unit_code})</span>
                  </td>
                  <td className="num" data-label={t('hr.assign.awaiting')}>
                    {u.awaiting_approval}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      aria-pressed={shown === u.unit_code}
                      onClick={() =>
                        setParams((prev) => {
                          const next = new URLSearchParams(prev);
                          next.set('nominations', u.unit_code);
                          return next;
                        })
                      }
                    >
                      {t('hr.assign.show')}
                      <span className="visually-hidden"> — {u.unit_name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && (
        <UnitNominations
          periodId={periodId}
          unitCode={shown}
          unitName={progress.data?.units.find((u) => u.unit_code === shown)?.unit_name ?? shown}
          canWrite={canWrite}
          onNotice={onNotice}
        />
      )}
    </article>
  );
}

interface PendingPeer {
  ratee: { nip: string; name: string };
  peer: Peer;
}

function UnitNominations({
  periodId,
  unitCode,
  unitName,
  canWrite,
  onNotice,
}: {
  periodId: string;
  unitCode: string;
  unitName: string;
  canWrite: boolean;
  onNotice: (n: Notice) => void;
}) {
  const { t, errorText } = useI18n();
  const employees = useUnitEmployees(unitCode);
  const list = employees.data?.items ?? [];
  const peers = usePeersOf(
    periodId,
    list.map((e) => e.nip),
  );
  const decide = useDecidePeer(periodId);
  const [rejecting, setRejecting] = useState<PendingPeer | null>(null);

  const pending: PendingPeer[] = list.flatMap((e, i) =>
    (peers[i]?.data?.items ?? [])
      .filter((p) => p.state === 'nominated')
      .map((peer) => ({ ratee: { nip: e.nip, name: e.full_name }, peer })),
  );
  const loading = employees.isPending || peers.some((q) => q.isPending);
  const failed = employees.error ?? peers.find((q) => q.isError)?.error;

  const approve = (p: PendingPeer) => {
    if (!p.peer.id) return;
    onNotice(null);
    decide.mutate(
      { id: p.peer.id, decision: 'approve' },
      {
        onSuccess: () => onNotice({ text: t('hr.assign.approved', { name: p.peer.name }), tone: 'success' }),
        onError: (err) => onNotice({ text: errorText(err), tone: 'error' }),
      },
    );
  };

  return (
    <section aria-labelledby="unit-nominations">
      <h3 id="unit-nominations">{t('hr.assign.unitNominations', { unit: unitName })}</h3>
      {loading ? (
        <Loading />
      ) : failed ? (
        <ErrorState error={failed} />
      ) : pending.length === 0 ? (
        <p>{t('hr.assign.unitEmpty')}</p>
      ) : (
        <div className="table-wrap" aria-busy={decide.isPending}>
          <table className="stack">
            <caption className="visually-hidden">{t('hr.assign.unitNominations', { unit: unitName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.assign.ratee')}</th>
                <th scope="col">{t('hr.assign.nominee')}</th>
                <th scope="col">{t('hr.periods.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((p) => (
                <tr key={`${p.ratee.nip}-${p.peer.nip}`}>
                  <td data-label={t('hr.assign.ratee')}>
                    {p.ratee.name} <span className="muted mono small">{p.ratee.nip}</span>
                  </td>
                  <td data-label={t('hr.assign.nominee')}>
                    <div>
                      {p.peer.name}
                      <br />
                      <span className="muted small">
                        {p.peer.jabatan} · {p.peer.unit_name}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('hr.periods.actions')}>
                    <div>
                      {canWrite && p.peer.id ? (
                        <div className="row-actions">
                          <button
                            type="button"
                            className="btn btn-primary btn-small"
                            disabled={decide.isPending}
                            onClick={() => approve(p)}
                          >
                            {t('hr.assign.approve')}
                            <span className="visually-hidden">
                              {' '}
                              — {p.peer.name} / {p.ratee.name}
                            </span>
                          </button>
                          <button
                            type="button"
                            className="btn btn-secondary btn-small"
                            onClick={() => {
                              decide.reset();
                              setRejecting(p);
                            }}
                          >
                            {t('hr.assign.reject')}
                            <span className="visually-hidden">
                              {' '}
                              — {p.peer.name} / {p.ratee.name}
                            </span>
                          </button>
                        </div>
                      ) : (
                        t(`hr.rstate.${p.peer.state}`)
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rejecting && (
        <ReasonDialog
          title={t('hr.assign.rejectTitle', { name: rejecting.peer.name })}
          intro={<p>{t('hr.assign.rejectBody')}</p>}
          label={t('hr.assign.reason')}
          submitLabel={t('hr.assign.reject')}
          pending={decide.isPending}
          error={decide.error}
          onCancel={() => setRejecting(null)}
          onSubmit={(reason) =>
            rejecting.peer.id &&
            decide.mutate(
              { id: rejecting.peer.id, decision: 'reject', reason },
              {
                onSuccess: () => {
                  onNotice({ text: t('hr.assign.rejected', { name: rejecting.peer.name }), tone: 'success' });
                  setRejecting(null);
                },
              },
            )
          }
        />
      )}
    </section>
  );
}

function PerEmployee({ periodId, canWrite, onNotice }: { periodId: string; canWrite: boolean; onNotice: (n: Notice) => void }) {
  const { t } = useI18n();
  const fid = useId();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const nip = params.get('nip') ?? '';
  const employees = useUnitEmployees(unit);
  const raters = useRaters(periodId, nip);
  const employee = employees.data?.items.find((e) => e.nip === nip);
  const name = employee?.full_name ?? nip;

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

  return (
    <article className="card" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.assign.perEmployee')}</h2>
      <div className="toolbar">
        <div className="toolbar-item grow">
          <label htmlFor={`${fid}-unit`}>{t('hr.assign.unit')}</label>
          <UnitSelect id={`${fid}-unit`} value={unit} onChange={(v) => update({ unit: v, nip: '' })} emptyLabel={t('hr.assign.chooseUnit')} />
        </div>
        <div className="toolbar-item grow">
          <label htmlFor={`${fid}-nip`}>{t('hr.assign.employee')}</label>
          <select
            id={`${fid}-nip`}
            value={nip}
            disabled={!unit}
            aria-busy={employees.isFetching || undefined}
            onChange={(e) => update({ nip: e.target.value })}
          >
            <option value="">{t('hr.assign.chooseEmployee')}</option>
            {nip && !employee && <option value={nip}>{nip}</option>}
            {employees.data?.items.map((e) => (
              <option key={e.nip} value={e.nip}>
                {e.full_name} — {e.jabatan}
              </option>
            ))}
          </select>
        </div>
      </div>
      {nip && (
        <div aria-live="polite">
          {raters.isPending ? (
            <Loading />
          ) : raters.isError ? (
            <ErrorState error={raters.error} onRetry={() => void raters.refetch()} />
          ) : (
            <>
              <div className="table-wrap">
                <table className="stack">
                  <caption>{t('hr.assign.ratersCaption', { name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('hr.assign.group')}</th>
                      <th scope="col">{t('hr.assign.rater')}</th>
                      <th scope="col">{t('hr.assign.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {raters.data.items.length === 0 && (
                      <tr>
                        <td colSpan={3}>{t('hr.assign.noRaters')}</td>
                      </tr>
                    )}
                    {raters.data.items.map((r) => (
                      <tr key={`${r.group}-${r.nip}`}>
                        <td data-label={t('hr.assign.group')}>{t(`hr.group.${r.group}`)}</td>
                        <td data-label={t('hr.assign.rater')}>
                          <div>
                            {r.name}
                            <br />
                            <span className="muted small">
                              {r.jabatan} · {r.unit_name}
                            </span>
                          </div>
                        </td>
                        <td data-label={t('hr.assign.state')}>{t(`hr.rstate.${r.state}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="note">{t('hr.assign.anonNote')}</p>
              {canWrite && <AssignPeersForm periodId={periodId} nip={nip} name={name} onNotice={onNotice} />}
            </>
          )}
        </div>
      )}
    </article>
  );
}

const NIP_RE = /^\d{18}$/;

function AssignPeersForm({ periodId, nip, name, onNotice }: { periodId: string; nip: string; name: string; onNotice: (n: Notice) => void }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const assign = useAssignPeers(periodId, nip);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const nips = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
    const bad = nips.filter((n) => !NIP_RE.test(n));
    if (nips.length === 0) {
      setErrors([t('common.required')]);
      return;
    }
    if (bad.length > 0) {
      setErrors([t('hr.assign.peerNipsInvalid', { nips: bad.join(', ') })]);
      return;
    }
    setErrors(undefined);
    onNotice(null);
    assign.mutate(nips, {
      onSuccess: () => {
        setText('');
        onNotice({ text: t('hr.assign.peersAdded', { name }), tone: 'success' });
      },
      onError: (err) => {
        const fieldErrors = err instanceof ApiError ? err.fields.nips : undefined;
        setErrors(fieldErrors ?? [errorText(err)]);
      },
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-title`}>
      <h3 id={`${fid}-title`}>{t('hr.assign.addPeers')}</h3>
      <Field id={`${fid}-nips`} label={t('hr.assign.peerNips')} hint={t('hr.assign.peerNipsHint')} required errors={errors}>
        <textarea rows={2} maxLength={400} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={assign.isPending}>
          {assign.isPending ? t('common.saving') : t('hr.assign.addPeers')}
        </button>
      </div>
    </form>
  );
}
