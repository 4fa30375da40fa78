// A period's overview: its dates and state, the next step (open/close/publish, confirmed first,
// with the server's reasons when it refuses), the 360 round and deadlines, and its HR pages.
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, type FieldErrors } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDateTime } from '../../../components/numbers';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { addDays, nextAction, usePeriod, usePeriodAction, useUpdatePeriod, type Period, type PeriodAction } from '../api/periods';
import { DEADLINE_GRACE_DAYS } from './PeriodForm';
import { PeriodNav } from './PeriodNav';
import { BlockersList } from './Blockers';
import { StateBadge } from './StateBadge';
import { useShortDate } from './format';

export function PeriodDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const period = usePeriod(id);
  useDocumentTitle(period.data?.name ?? t('hr.periods.title'));
  const fid = useId();

  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <PeriodNav period={period.data} />
      {period.isPending ? (
        <Loading />
      ) : period.isError ? (
        <ErrorState error={period.error} onRetry={() => void period.refetch()} />
      ) : (
        <>
          <h1 id={`${fid}-title`}>{period.data.name}</h1>
          <PeriodOverview period={period.data} />
        </>
      )}
    </section>
  );
}

function PeriodOverview({ period }: { period: Period }) {
  const { t } = useI18n();
  const short = useShortDate();
  const dateTime = useDateTime();
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me);
  const next = nextAction(period.state);
  const [confirming, setConfirming] = useState<PeriodAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = usePeriodAction(period.id);
  const notSet = t('hr.periods.notSet');
  const base = `/hr/periods/${period.id}`;

  return (
    <>
      <FormAlert message={notice} tone="success" />
      <article className="card" aria-labelledby="period-info">
        <h2 id="period-info">{t('hr.detail.info')}</h2>
        <dl className="deflist">
          <dt>{t('hr.periods.dates')}</dt>
          <dd>{t('hr.periods.range', { from: short(period.starts_on) ?? '', to: short(period.ends_on) ?? '' })}</dd>
          <dt>{t('hr.periods.state')}</dt>
          <dd>
            <StateBadge state={period.state} />
          </dd>
          <dt>{t('hr.periods.run360')}</dt>
          <dd>{period.run_360 ? t('common.yes') : t('common.no')}</dd>
          {period.run_360 && (
            <>
              <dt>{t('hr.periods.deadline360')}</dt>
              <dd>{short(period.deadline_360) ?? notSet}</dd>
            </>
          )}
          <dt>{t('hr.periods.evaluationDeadline')}</dt>
          <dd>{short(period.evaluation_deadline) ?? notSet}</dd>
          {period.opened_at && (
            <>
              <dt>{t('hr.detail.openedAt')}</dt>
              <dd>{dateTime(period.opened_at)}</dd>
            </>
          )}
          {period.closed_at && (
            <>
              <dt>{t('hr.detail.closedAt')}</dt>
              <dd>{dateTime(period.closed_at)}</dd>
            </>
          )}
          {period.published_at && (
            <>
              <dt>{t('hr.detail.publishedAt')}</dt>
              <dd>{dateTime(period.published_at)}</dd>
            </>
          )}
        </dl>
      </article>

      <article className="card" aria-labelledby="period-steps">
        <h2 id="period-steps">{t('hr.detail.steps')}</h2>
        <p className="muted small">{t('hr.detail.stepsIntro')}</p>
        {next && canWrite ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setNotice(null);
              action.reset();
              setConfirming(next);
            }}
          >
            {t(`hr.action.${next}`)}
          </button>
        ) : period.state === 'published' ? (
          <p>
            {t('hr.detail.done')} <Link to="/hr/appeals">{t('nav.hr.appeals')}</Link>
          </p>
        ) : (
          <p className="note">{t('hr.periods.readOnly')}</p>
        )}
      </article>

      {canWrite && <DeadlinesForm period={period} />}

      <nav className="card" aria-labelledby="period-links">
        <h2 id="period-links">{t('hr.detail.links')}</h2>
        <ul>
          <li>
            <Link to={`${base}/assignments`}>{t('hr.sub.assignments')}</Link>
          </li>
          <li>
            <Link to={`${base}/progress`}>{t('hr.sub.progress')}</Link>
          </li>
          <li>
            <Link to={`${base}/quality`}>{t('hr.sub.quality')}</Link>
          </li>
          <li>
            <Link to={`${base}/results`}>{t('hr.sub.results')}</Link>
          </li>
        </ul>
      </nav>

      {confirming && (
        <Dialog title={t(`hr.action.${confirming}Title`, { name: period.name })} onClose={() => setConfirming(null)} initialFocus="[data-autofocus]">
          <div className="dialog-body">
            <p>{t(`hr.action.${confirming}Body`)}</p>
          </div>
          <div role="alert" aria-live="assertive">
            {action.error && <RefusedReason error={action.error} progressHref={`${base}/progress`} />}
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={action.isPending}
              onClick={() =>
                action.mutate(confirming, {
                  onSuccess: (p) => {
                    setConfirming(null);
                    setNotice(t('hr.action.done', { name: p.name, state: t(`hr.state.${p.state}`) }));
                  },
                })
              }
            >
              {action.isPending ? t('common.saving') : t(`hr.action.${confirming}`)}
            </button>
            <button type="button" className="btn btn-secondary" data-autofocus="" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** The server's reason for refusing a step, e.g. the units not yet finalised. */
function RefusedReason({ error, progressHref }: { error: unknown; progressHref: string }) {
  const { t, errorText } = useI18n();
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <div className="alert alert-error">
      {conflict && <p className="alert-title">{t('hr.action.refused')}</p>}
      <p>{errorText(error)}</p>
      {error instanceof ApiError && <BlockersList blockers={error.blockers} />}
      {error instanceof ApiError && (error.code === 'units_not_finalised' || error.code === 'period_incomplete') && (
        <p>
          <Link to={progressHref}>{t('hr.action.progressHint')}</Link>
        </p>
      )}
    </div>
  );
}

function DeadlinesForm({ period }: { period: Period }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const short = useShortDate();
  const update = useUpdatePeriod(period.id);
  const [run360, setRun360] = useState(period.run_360);
  const [deadline360, setDeadline360] = useState(period.deadline_360 ?? '');
  const [evaluationDeadline, setEvaluationDeadline] = useState(period.evaluation_deadline ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const latest = addDays(period.ends_on, DEADLINE_GRACE_DAYS);
  const locked = period.state === 'published';
  const hint = t('hr.form.deadlineHint', { from: short(period.starts_on) ?? '', to: short(latest) ?? '' });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const range = t('hr.form.deadlineRange', { from: short(period.starts_on) ?? '', to: short(latest) ?? '' });
    const next: FieldErrors = {};
    if (deadline360 && (deadline360 < period.starts_on || deadline360 > latest)) next.deadline_360 = [range];
    if (evaluationDeadline && (evaluationDeadline < period.starts_on || evaluationDeadline > latest))
      next.evaluation_deadline = [range];
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setMessage({ text: t('common.formInvalid'), tone: 'error' });
      return;
    }
    setMessage(null);
    update.mutate(
      { run_360: run360, deadline_360: deadline360 || null, evaluation_deadline: evaluationDeadline || null },
      {
        onSuccess: () => setMessage({ text: t('hr.deadlines.saved'), tone: 'success' }),
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.fields);
          setMessage({ text: errorText(err), tone: 'error' });
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('hr.deadlines.title')}</h2>
      {locked && <p className="note">{t('hr.deadlines.locked')}</p>}
      <FormAlert message={message?.tone === 'error' ? message.text : null} />
      <FormAlert message={message?.tone === 'success' ? message.text : null} tone="success" />
      <fieldset disabled={locked || update.isPending} className="choice">
        <div className="field field-check">
          <input id={`${fid}-run`} type="checkbox" checked={run360} onChange={(e) => setRun360(e.target.checked)} />
          <label htmlFor={`${fid}-run`}>{t('hr.form.run360')}</label>
        </div>
        <div className="form-grid">
          <Field id={`${fid}-d360`} label={t('hr.form.deadline360')} hint={hint} errors={errors.deadline_360}>
            <input type="date" min={period.starts_on} max={latest} value={deadline360} onChange={(e) => setDeadline360(e.target.value)} />
          </Field>
          <Field id={`${fid}-deval`} label={t('hr.form.evaluationDeadline')} hint={hint} errors={errors.evaluation_deadline}>
            <input
              type="date"
              min={period.starts_on}
              max={latest}
              value={evaluationDeadline}
              onChange={(e) => setEvaluationDeadline(e.target.value)}
            />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {update.isPending ? t('common.saving') : t('hr.deadlines.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
