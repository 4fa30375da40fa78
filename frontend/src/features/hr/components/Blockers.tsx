// The employees who block a unit's finalisation or a period's publication (active, in
// scope, with neither a final evaluation nor an exemption), with a button per employee to
// record an exemption (reason and note) for HR and admin.
import { useId, useState, type FormEvent } from 'react';
import type { Blocker } from '../../../lib/api/errors';
import { ApiError } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { EXEMPTION_REASONS, useCreateExemption, type ExemptionReason } from '../api/exemptions';

interface Props {
  periodId: string;
  blockers: readonly Blocker[];
  /** HR and admin while the period is not published: show the exempt buttons. */
  canExempt: boolean;
}

export function BlockersTable({ periodId, blockers, canExempt }: Props) {
  const { t } = useI18n();
  const [exempting, setExempting] = useState<Blocker | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <FormAlert message={notice} tone="success" />
      {blockers.length === 0 ? (
        <p>{t('hr.blockers.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption>{t('hr.blockers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.blockers.employee')}</th>
                <th scope="col">{t('hr.progress.unit')}</th>
                {canExempt && (
                  <th scope="col">
                    <span className="visually-hidden">{t('hr.blockers.exempt')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {blockers.map((b) => (
                <tr key={b.nip}>
                  <td data-label={t('hr.blockers.employee')}>
                    {b.name} <span className="muted mono small">{b.nip}</span>
                  </td>
                  <td data-label={t('hr.progress.unit')}>
                    {b.unit_name} <span className="muted mono small">({b.unit_code})</span>
                  </td>
                  {canExempt && (
                    <td>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-label={t('hr.blockers.exemptFor', { name: b.name })}
                        onClick={() => {
                          setNotice(null);
                          setExempting(b);
                        }}
                      >
                        {t('hr.blockers.exempt')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exempting && (
        <ExemptionDialog
          periodId={periodId}
          blocker={exempting}
          onClose={() => setExempting(null)}
          onDone={() => {
            setNotice(t('hr.exempt.done', { name: exempting.name }));
            setExempting(null);
          }}
        />
      )}
    </>
  );
}

/** A short read-only list of who blocks, for a refused finalisation or publication. */
export function BlockersList({ blockers }: { blockers: readonly Blocker[] }) {
  const { t } = useI18n();
  if (blockers.length === 0) return null;
  return (
    <>
      <p>{t('hr.blockers.listed')}</p>
      <ul className="blockers">
        {blockers.map((b) => (
          <li key={b.nip}>
            {b.name} <span className="mono small">{b.nip}</span> ({b.unit_code})
          </li>
        ))}
      </ul>
    </>
  );
}

export function ExemptionDialog({
  periodId,
  blocker,
  onClose,
  onDone,
}: {
  periodId: string;
  blocker: Blocker;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const create = useCreateExemption(periodId);
  const [reason, setReason] = useState<ExemptionReason>('cuti');
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const serverNote = create.error instanceof ApiError ? create.error.fields.note : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim().length < 5) {
      setLocalError(t('hr.exempt.noteShort'));
      return;
    }
    setLocalError(null);
    create.mutate({ nip: blocker.nip, reason, note: note.trim() }, { onSuccess: onDone });
  };

  return (
    <Dialog title={t('hr.exempt.title', { name: blocker.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <p>{t('hr.exempt.intro')}</p>
        </div>
        <FormAlert message={create.error != null && !serverNote ? errorText(create.error) : null} />
        <Field id={`${fid}-reason`} label={t('hr.exempt.reason')} required>
          <select value={reason} onChange={(e) => setReason(e.target.value as ExemptionReason)}>
            {EXEMPTION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`hr.exempt.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${fid}-note`}
          label={t('hr.exempt.note')}
          required
          errors={localError ? [localError] : serverNote}
        >
          <textarea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('hr.exempt.submit')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
