// A subordinate's SKP as the direct supervisor reviews it: approve, return with a reason,
// and set the specific expectation per BerAKHLAK value.
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TeamNav } from './CycleNav';
import { SkpStatusBadge } from './ui';
import { SkpView } from './SkpView';
import { useApproveSkp, useReturnSkp, useSetExpectations, useSkp, type Skp } from '../api/skp';

export function SkpReviewPage() {
  const { nip = '' } = useParams();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const { t } = useI18n();
  const skp = useSkp(nip, year);
  useDocumentTitle(t('approve.reviewTitle'));
  return (
    <section className="page" aria-labelledby="review-title">
      <TeamNav />
      <p>
        <Link to={`/tim/skp?year=${year}`}>← {t('approve.back')}</Link>
      </p>
      {skp.isPending ? (
        <Loading />
      ) : skp.isError ? (
        <ErrorState error={skp.error} onRetry={() => void skp.refetch()} />
      ) : !skp.data ? (
        <>
          <h1 id="review-title">{t('approve.reviewTitle')}</h1>
          <p className="alert alert-info">{t('approve.noSkp', { year })}</p>
        </>
      ) : (
        <Review skp={skp.data} nip={nip} year={year} />
      )}
    </section>
  );
}

function Review({ skp, nip, year }: { skp: Skp; nip: string; year: number }) {
  const { t } = useI18n();
  const approve = useApproveSkp(nip, year);
  const ret = useReturnSkp(nip, year);
  const [asking, setAsking] = useState<'approve' | 'return' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const done = (text: string) => {
    setAsking(null);
    setNotice(text);
    // After the dialog has closed (it returns focus to its opener on unmount).
    setTimeout(() => titleRef.current?.focus(), 0);
  };

  return (
    <>
      <h1 id="review-title" ref={titleRef} tabIndex={-1}>
        {t('approve.skpOf', { name: skp.employee.name, year })} <SkpStatusBadge status={skp.status} />
      </h1>
      <p className="muted">{skp.jabatan}</p>
      <FormAlert message={notice} tone="success" />
      {skp.status === 'returned' && skp.return_reason && (
        <div className="alert alert-info">
          <p className="alert-title">{t('skp.returnedTitle')}</p>
          <p>{skp.return_reason}</p>
        </div>
      )}
      {skp.can_decide && skp.status === 'submitted' && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              approve.reset();
              setAsking('approve');
            }}
          >
            {t('approve.approve')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              ret.reset();
              setAsking('return');
            }}
          >
            {t('approve.return')}
          </button>
        </div>
      )}
      <SkpView skp={skp} showExpectations={!skp.can_set_expectations} />
      {skp.can_set_expectations && <ExpectationsForm skp={skp} nip={nip} year={year} />}
      {asking === 'approve' && (
        <ConfirmDialog
          title={t('approve.approveTitle')}
          confirmLabel={t('approve.approve')}
          pending={approve.isPending}
          error={approve.error}
          onConfirm={() => approve.mutate(undefined, { onSuccess: () => done(t('approve.approved')) })}
          onCancel={() => setAsking(null)}
        >
          <p>{t('approve.approveBody', { name: skp.employee.name })}</p>
        </ConfirmDialog>
      )}
      {asking === 'return' && (
        <ReasonDialog
          title={t('approve.returnTitle')}
          intro={<p>{t('approve.returnBody')}</p>}
          label={t('approve.returnReason')}
          submitLabel={t('approve.return')}
          pending={ret.isPending}
          error={ret.error}
          onCancel={() => setAsking(null)}
          onSubmit={(reason) => ret.mutate(reason, { onSuccess: () => done(t('approve.returned')) })}
        />
      )}
    </>
  );
}

function ExpectationsForm({ skp, nip, year }: { skp: Skp; nip: string; year: number }) {
  const { t, errorText } = useI18n();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(skp.expectations.map((e) => [String(e.value_code), e.expectation ?? ''])),
  );
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useSetExpectations(nip, year);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setFailure(null);
    setFieldErrors({});
    const body: Record<string, string | null> = {};
    for (const ex of skp.expectations) {
      const v = (texts[String(ex.value_code)] ?? '').trim();
      if (v !== (ex.expectation ?? '')) body[String(ex.value_code)] = v || null;
    }
    if (Object.keys(body).length === 0) {
      setStatus(t('approve.expectationsUnchanged'));
      return;
    }
    save.mutate(body, {
      onSuccess: () => setStatus(t('approve.expectationsSaved')),
      onError: (err) => {
        if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
          const fe: Record<string, string> = {};
          for (const [k, v] of Object.entries(err.fields)) fe[k.replace(/^expectations\./, '')] = v.join(' ');
          setFieldErrors(fe);
        }
        setFailure(errorText(err));
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="exp-title">
      <h2 id="exp-title">{t('skp.expectations')}</h2>
      <p className="muted small">{t('approve.expectationsIntro')}</p>
      <FormAlert message={failure} />
      {skp.expectations.map((ex) => (
        <div key={String(ex.value_code)} className={`field${fieldErrors[String(ex.value_code)] ? ' field-invalid' : ''}`}>
          <label htmlFor={`exp-${String(ex.value_code)}`}>{t('approve.expectationFor', { value: ex.value_name })}</label>
          <textarea
            id={`exp-${String(ex.value_code)}`}
            rows={2}
            maxLength={1000}
            value={texts[String(ex.value_code)] ?? ''}
            aria-invalid={fieldErrors[String(ex.value_code)] ? true : undefined}
            onChange={(e) => setTexts((p) => ({ ...p, [String(ex.value_code)]: e.target.value }))}
          />
          {fieldErrors[String(ex.value_code)] && <p className="field-error">{fieldErrors[String(ex.value_code)]}</p>}
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-secondary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('approve.saveExpectations')}
        </button>
        <span role="status" aria-live="polite" className="small">
          {status}
        </span>
      </div>
    </form>
  );
}
