// "SKP Saya": the employee's plan for a year — view, edit (draft/returned), submit, copy.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMe } from '../../../lib/auth/auth';
import { ApiError } from '../../../lib/api/errors';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useDateTime } from '../../../components/numbers';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { MyNav } from './CycleNav';
import { ErrorSummary, SkpStatusBadge, type Problem } from './ui';
import { SkpView, ExpectationsView } from './SkpView';
import { SkpEditor } from './SkpEditor';
import { PdfButton } from './PdfButton';
import { useCopySkp, useParentOptions, useSaveSkp, useSkp, useSubmitSkp, type Skp } from '../api/skp';
import { draftFromSkp, draftToInput, idForServerField, validateDraft, type DraftRhk } from '../skpDraft';
import { useDraftMessages } from './useDraftMessages';

export function yearOptions(now = new Date()): number[] {
  const y = now.getFullYear();
  return [y + 1, y, y - 1, y - 2];
}

export function MySkpPage() {
  const { t } = useI18n();
  useDocumentTitle(t('skp.title'));
  const { data: me } = useMe();
  const nip = me?.employee?.nip;
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const skp = useSkp(nip, year);
  const yearId = useId();

  return (
    <section className="page" aria-labelledby="skp-title">
      <MyNav />
      <div className="page-head">
        <h1 id="skp-title">{t('skp.title')}</h1>
      </div>
      <div className="toolbar">
        <div className="toolbar-item">
          <label htmlFor={yearId}>{t('skp.year')}</label>
          <select
            id={yearId}
            value={year}
            onChange={(e) => setParams({ year: e.target.value }, { replace: true })}
          >
            {yearOptions().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!nip ? (
        <p className="alert alert-info">{t('cycle.noEmployee')}</p>
      ) : skp.isPending ? (
        <Loading />
      ) : skp.isError ? (
        <ErrorState error={skp.error} onRetry={() => void skp.refetch()} />
      ) : (
        // A fresh editor per year; within a year the editor keeps its draft across saves.
        <SkpPanel key={year} nip={nip} year={year} skp={skp.data} />
      )}
    </section>
  );
}

function SkpPanel({ nip, year, skp }: { nip: string; year: number; skp: Skp | null }) {
  const { t, errorText } = useI18n();
  const dateTime = useDateTime();
  const [draft, setDraft] = useState<DraftRhk[]>(() => draftFromSkp(skp));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const save = useSaveSkp(nip, year);
  const submit = useSubmitSkp(nip, year);
  const copy = useCopySkp(nip, year);
  const parents = useParentOptions(nip, year);
  const messages = useDraftMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const canEdit = skp ? skp.can_edit : true;
  const showEditor = canEdit && (!skp || skp.status === 'draft' || skp.status === 'returned');

  const labelFor = (id: string) => document.querySelector<HTMLLabelElement>(`label[for="${id}"]`)?.textContent?.replace(/\s*\*$/, '') ?? '';

  const report = (errs: Record<string, string>) => {
    setErrors(errs);
    setProblems(
      Object.entries(errs).map(([id, message]) => {
        const label = labelFor(id);
        return { id, message: label ? `${label}: ${message}` : message };
      }),
    );
  };

  const onServerError = (err: unknown) => {
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
      const errs: Record<string, string> = {};
      for (const [path, msgs] of Object.entries(err.fields)) errs[idForServerField(path)] = msgs.join(' ');
      report(errs);
    } else {
      setFailure(errorText(err));
    }
  };

  const doSave = async (): Promise<boolean> => {
    setNotice(null);
    setFailure(null);
    const errs = validateDraft(draft, messages);
    report(errs);
    if (Object.keys(errs).length > 0) return false;
    try {
      const saved = await save.mutateAsync(draftToInput(draft));
      // Take the ids the server gave new items, so the next save keeps them.
      setDraft(draftFromSkp(saved));
      setDirty(false);
      return true;
    } catch (err) {
      onServerError(err);
      return false;
    }
  };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (await doSave()) setNotice(t('skp.saved'));
  };

  const askSubmit = () => {
    setNotice(null);
    setFailure(null);
    const errs = validateDraft(draft, messages, true);
    report(errs);
    if (Object.keys(errs).length === 0) setConfirmSubmit(true);
  };

  const onSubmitPlan = async () => {
    setNotice(null);
    setFailure(null);
    const errs = validateDraft(draft, messages, true);
    report(errs);
    if (Object.keys(errs).length > 0) {
      setConfirmSubmit(false);
      return;
    }
    if ((dirty || !skp) && !(await doSave())) {
      setConfirmSubmit(false);
      return;
    }
    try {
      await submit.mutateAsync();
      setConfirmSubmit(false);
      setNotice(t('skp.submitted'));
      // After the confirmation dialog has closed and returned focus to its opener.
      setTimeout(() => headingRef.current?.focus(), 0);
    } catch (err) {
      setConfirmSubmit(false);
      onServerError(err);
    }
  };

  const onCopy = () => {
    setFailure(null);
    copy.mutate(year - 1, {
      onSuccess: (copied) => {
        setDraft(draftFromSkp(copied));
        setDirty(false);
        setNotice(t('skp.copied', { year: year - 1 }));
      },
      onError: (err) => setFailure(errorText(err)),
    });
  };

  return (
    <>
      <div className="card">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('skp.planFor', { year })} <SkpStatusBadge status={skp?.status ?? null} />
        </h2>
        {skp && (
          <div className="toolbar">
            <PdfButton label={t('doc.skpPdf')} doc={{ kind: 'skp', nip, year }} />
          </div>
        )}
        {skp ? (
          <dl className="deflist">
            <dt>{t('skp.jabatan')}</dt>
            <dd>{skp.jabatan}</dd>
            <dt>{t('skp.approver')}</dt>
            <dd>{skp.approver?.name ?? parents.data?.supervisor?.name ?? t('common.none')}</dd>
            {skp.submitted_at && (
              <>
                <dt>{t('skp.submittedAt')}</dt>
                <dd>{dateTime(skp.submitted_at)}</dd>
              </>
            )}
            {skp.decided_at && (
              <>
                <dt>{t('skp.decidedAt')}</dt>
                <dd>{dateTime(skp.decided_at)}</dd>
              </>
            )}
          </dl>
        ) : (
          <>
            <p>{t('skp.none', { year })}</p>
            <div className="form-actions">
              <button type="button" className="btn btn-secondary" onClick={onCopy} disabled={copy.isPending}>
                {t('skp.copyFrom', { year: year - 1 })}
              </button>
            </div>
          </>
        )}
        {skp?.status === 'returned' && skp.return_reason && (
          <div className="alert alert-error" role="note">
            <p className="alert-title">{t('skp.returnedTitle')}</p>
            <p>{skp.return_reason}</p>
          </div>
        )}
        {skp?.status === 'submitted' && <p className="alert alert-info">{t('skp.waiting')}</p>}
      </div>

      <FormAlert message={notice} tone="success" />
      <FormAlert message={failure} />

      {showEditor ? (
        <form onSubmit={onSave} noValidate aria-labelledby="skp-editor-title">
          <h2 id="skp-editor-title">{t('skp.editTitle')}</h2>
          <ErrorSummary problems={problems} />
          <SkpEditor
            draft={draft}
            errors={errors}
            parentOptions={parents.data?.items ?? []}
            supervisorName={parents.data?.supervisor?.name ?? null}
            onChange={(next) => {
              setDraft(next);
              setDirty(true);
            }}
          />
          <div className="form-actions sticky-actions" aria-live="polite">
            <button type="submit" className="btn btn-secondary" disabled={save.isPending || submit.isPending}>
              {save.isPending ? t('common.saving') : t('skp.save')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.isPending || submit.isPending}
              onClick={askSubmit}
            >
              {t('skp.submit')}
            </button>
            {dirty && <span className="muted small">{t('skp.unsaved')}</span>}
          </div>
        </form>
      ) : (
        skp && (
          <>
            <SkpView skp={skp} showExpectations={false} />
            {skp.status === 'approved' && <p className="alert alert-success">{t('skp.approvedNote')}</p>}
          </>
        )
      )}
      {skp && <ExpectationsView skp={skp} />}
      {confirmSubmit && (
        <ConfirmDialog
          title={t('skp.submitTitle')}
          confirmLabel={t('skp.submitConfirm')}
          pending={save.isPending || submit.isPending}
          onConfirm={() => void onSubmitPlan()}
          onCancel={() => setConfirmSubmit(false)}
        >
          <p>{t('skp.submitBody', { name: skp?.approver?.name ?? parents.data?.supervisor?.name ?? t('skp.yourSupervisor') })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
