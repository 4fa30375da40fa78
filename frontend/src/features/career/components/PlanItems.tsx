// A development plan's items. The employee (owner) updates progress, marks items done and
// uploads certificates; everyone else reads.
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { ApiError } from '../../../lib/api/errors';
import { fetchCertificate, useDeleteCertificate, useUpdateItem, useUploadCertificate } from '../api/development';
import { saveBlob } from '../api/talent';
import { ITEM_STATUSES, type Item, type ItemStatus, type Plan } from '../api/types';
import { formatBytes, todayIso, useDate, useEnumLabel } from './format';

const MAX_NOTE = 2000;

interface Props {
  plan: Plan;
  /** The signed-in employee owns this plan: show the progress controls. */
  owner: boolean;
  /** Reports the outcome of an action to the page's live region. */
  onNotice: (text: string, tone: 'success' | 'error') => void;
}

export function PlanItems({ plan, owner, onNotice }: Props) {
  const { t, errorText } = useI18n();
  const date = useDate();
  const label = useEnumLabel();
  const update = useUpdateItem(plan.nip);
  const [editing, setEditing] = useState<Item | null>(null);
  const done = plan.items.filter((i) => i.status === 'done').length;

  const markDone = (item: Item) =>
    update.mutate(
      { id: item.id, body: { status: 'done' } },
      {
        onSuccess: () => onNotice(t('career.item.markedDone', { title: item.title }), 'success'),
        onError: (err) => onNotice(errorText(err), 'error'),
      },
    );

  return (
    <>
      <p className="small muted">
        {t('career.plan.progress', { done, total: plan.items.length })}
        {' · '}
        {t('career.plan.supervisor', { name: plan.supervisor_name })}
      </p>
      <div className="table-wrap">
        <table className="stack plan-items">
          <caption className="visually-hidden">{t('career.plan.itemsCaption', { title: plan.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('career.item.title')}</th>
              <th scope="col">{t('career.item.due')}</th>
              <th scope="col">{t('career.item.mentor')}</th>
              <th scope="col">{t('career.item.status')}</th>
              <th scope="col">{t('career.item.certificates')}</th>
              {owner && <th scope="col">{t('career.item.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {plan.items.map((item) => (
              <tr key={item.id} data-testid="plan-item">
                <td data-label={t('career.item.title')}>
                  <strong>{item.title}</strong> <span className="badge">{label('kind', item.kind)}</span>
                  {item.hours != null && (
                    <span className="muted small"> · {t('career.hours.nJp', { n: item.hours })}</span>
                  )}
                  <br />
                  <span className="muted small">
                    {t('career.item.cause')}: {item.cause}
                  </span>
                  {item.progress_note && (
                    <>
                      <br />
                      <span className="small">
                        {t('career.item.note')}: {item.progress_note}
                      </span>
                    </>
                  )}
                </td>
                <td data-label={t('career.item.due')}>
                  {date(item.due_on)}
                  {item.overdue && (
                    <>
                      {' '}
                      <span className="badge badge-late">{t('career.item.overdue')}</span>
                    </>
                  )}
                </td>
                <td data-label={t('career.item.mentor')}>{item.mentor_name ?? t('common.none')}</td>
                <td data-label={t('career.item.status')}>
                  <span className={`badge status-${item.status}`} data-testid="item-status">
                    {label('status', item.status)}
                  </span>
                  {item.completed_on && (
                    <span className="muted small"> {date(item.completed_on)}</span>
                  )}
                </td>
                <td data-label={t('career.item.certificates')}>
                  <Certificates item={item} nip={plan.nip} owner={owner} onNotice={onNotice} />
                </td>
                {owner && (
                  <td data-label={t('career.item.actions')}>
                    <div className="row-actions">
                      {item.status !== 'done' && (
                        <button
                          type="button"
                          className="btn btn-primary btn-small"
                          disabled={update.isPending}
                          onClick={() => markDone(item)}
                        >
                          {t('career.item.markDone')}
                          <span className="visually-hidden">: {item.title}</span>
                        </button>
                      )}
                      <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(item)}>
                        {t('career.item.update')}
                        <span className="visually-hidden">: {item.title}</span>
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <ProgressDialog
          item={editing}
          nip={plan.nip}
          onClose={() => setEditing(null)}
          onSaved={(it) => {
            setEditing(null);
            onNotice(t('career.item.saved', { title: it.title }), 'success');
          }}
        />
      )}
    </>
  );
}

function ProgressDialog({
  item,
  nip,
  onClose,
  onSaved,
}: {
  item: Item;
  nip: string;
  onClose: () => void;
  onSaved: (item: Item) => void;
}) {
  const { t, errorText } = useI18n();
  const label = useEnumLabel();
  const id = useId();
  const update = useUpdateItem(nip);
  const [status, setStatus] = useState<ItemStatus>(item.status);
  const [note, setNote] = useState(item.progress_note ?? '');
  const [completedOn, setCompletedOn] = useState(item.completed_on ?? todayIso());
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string[]> = {};
    if (note.trim().length > MAX_NOTE) local.progress_note = [t('career.form.maxLength', { n: MAX_NOTE })];
    if (status === 'done') {
      if (!completedOn) local.completed_on = [t('common.required')];
      else if (completedOn > todayIso()) local.completed_on = [t('career.item.completedFuture')];
    }
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setMessage(t('common.formInvalid'));
      return;
    }
    setMessage(null);
    update.mutate(
      {
        id: item.id,
        body: {
          status,
          progress_note: note.trim() || null,
          completed_on: status === 'done' ? completedOn : null,
        },
      },
      {
        onSuccess: onSaved,
        onError: (err) => {
          if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
          setMessage(errorText(err));
        },
      },
    );
  };

  return (
    <Dialog title={t('career.item.updateTitle', { title: item.title })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert message={message} />
        <Field id={`${id}-status`} label={t('career.item.status')} errors={errors.status}>
          <select value={status} onChange={(e) => setStatus(e.target.value as ItemStatus)}>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('status', s)}
              </option>
            ))}
          </select>
        </Field>
        {status === 'done' && (
          <Field id={`${id}-done`} label={t('career.item.completedOn')} errors={errors.completed_on} required>
            <input type="date" value={completedOn} max={todayIso()} onChange={(e) => setCompletedOn(e.target.value)} />
          </Field>
        )}
        <Field
          id={`${id}-note`}
          label={t('career.item.note')}
          errors={errors.progress_note}
          hint={t('career.form.charsLeft', { n: MAX_NOTE - note.length })}
        >
          <textarea rows={4} maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('career.item.saveProgress')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Certificates({
  item,
  nip,
  owner,
  onNotice,
}: {
  item: Item;
  nip: string;
  owner: boolean;
  onNotice: Props['onNotice'];
}) {
  const { t, errorText } = useI18n();
  const id = useId();
  const upload = useUploadCertificate(nip);
  const remove = useDeleteCertificate(nip);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    upload.mutate(
      { id: item.id, file },
      {
        onSuccess: (c) => onNotice(t('career.cert.uploaded', { name: c.file_name }), 'success'),
        onError: (err) => onNotice(errorText(err), 'error'),
      },
    );
  };

  const open = async (certId: string, fileName: string) => {
    try {
      saveBlob(await fetchCertificate(item.id, certId), fileName);
    } catch (err) {
      onNotice(errorText(err), 'error');
    }
  };

  return (
    <div className="certs">
      {item.certificates.length === 0 && !owner && <span className="muted">{t('common.none')}</span>}
      {item.certificates.length > 0 && (
        <ul className="cert-list">
          {item.certificates.map((c) => (
            <li key={c.id}>
              <button type="button" className="btn-link" onClick={() => void open(c.id, c.file_name)}>
                {c.file_name}
              </button>{' '}
              <span className="muted small">({formatBytes(c.size_bytes)})</span>
              {owner && (
                <button
                  type="button"
                  className="btn-link small"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(
                      { itemId: item.id, certId: c.id },
                      {
                        onSuccess: () => onNotice(t('career.cert.deleted', { name: c.file_name }), 'success'),
                        onError: (err) => onNotice(errorText(err), 'error'),
                      },
                    )
                  }
                >
                  {t('career.cert.delete')}
                  <span className="visually-hidden">: {c.file_name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {owner && (
        <div className="cert-upload">
          <label htmlFor={`${id}-file`} className="small">
            {t('career.cert.upload')}
            <span className="visually-hidden">: {item.title}</span>
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.csv,.txt"
            disabled={upload.isPending}
            onChange={onFile}
            aria-describedby={`${id}-hint`}
          />
          <span id={`${id}-hint`} className="field-hint small">
            {upload.isPending ? t('career.cert.uploading') : t('career.cert.hint')}
          </span>
        </div>
      )}
    </div>
  );
}
