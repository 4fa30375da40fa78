// One appeal as its parties see it: the employee's reasons, both sides' statements, the old
// and new ratings, the decision; statement editing for the parties and the decision form
// for the atasan pejabat penilai.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { useDateTime } from '../../../components/numbers';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorSummary, PredikatBadge, PredikatMatrix, RatingRadios, type Problem } from './ui';
import { useAppealStatement, useDecideAppeal, type Appeal, type RatingsSnapshot } from '../api/appeals';
import { predikatOf, type Rating } from '../domain';
import type { AppealDecision, StatementSide } from '../../../api/types';

function Ratings({ r }: { r: RatingsSnapshot }) {
  const { t } = useI18n();
  return (
    <dl className="deflist">
      <dt>{t('rating.hasilKerja')}</dt>
      <dd>{t(`rating.${r.rating_hasil_kerja}`)}</dd>
      <dt>{t('rating.perilaku')}</dt>
      <dd>{t(`rating.${r.rating_perilaku}`)}</dd>
      <dt>{t('hasil.predikat')}</dt>
      <dd>
        <PredikatBadge predikat={r.predikat.value} />
      </dd>
    </dl>
  );
}

export function AppealView({ appeal, as }: { appeal: Appeal; as: 'employee' | 'penilai' | 'decider' }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const status = appeal.status;
  const decision = appeal.decision ?? null;
  return (
    <div className="appeal">
      <p>
        {t('appeal.status')}:{' '}
        <span className={status === 'decided' ? 'badge badge-ok' : 'badge badge-info'}>{t(`appeal.status.${status}`)}</span>
        {decision && (
          <>
            {' '}
            · <strong>{t(`appeal.decision.${decision}`)}</strong>
          </>
        )}
      </p>
      <dl className="deflist">
        <dt>{t('appeal.employee')}</dt>
        <dd>{appeal.employee.name}</dd>
        <dt>{t('appeal.penilai')}</dt>
        <dd>{appeal.penilai.name}</dd>
        <dt>{t('appeal.decider')}</dt>
        <dd>{appeal.decided_by_hr ? t('appeal.hrDecides') : (appeal.decider?.name ?? t('common.none'))}</dd>
        <dt>{t('appeal.filedAt')}</dt>
        <dd>{dateTime(appeal.filed_at)}</dd>
      </dl>
      <h3>{t('appeal.reasons')}</h3>
      <blockquote className="quote">{appeal.reasons}</blockquote>
      <div className="two-col">
        <Statement appeal={appeal} side="employee" editable={as === 'employee' && appeal.can_write_statement === 'employee'} />
        <Statement appeal={appeal} side="penilai" editable={as === 'penilai' && appeal.can_write_statement === 'penilai'} />
      </div>
      <div className="two-col">
        {appeal.old && (
          <section>
            <h3>{t('appeal.old')}</h3>
            <Ratings r={appeal.old} />
          </section>
        )}
        {appeal.new && (
          <section>
            <h3>{t('appeal.new')}</h3>
            <Ratings r={appeal.new} />
          </section>
        )}
      </div>
      {status === 'decided' && (
        <section>
          <h3>{t('appeal.decisionTitle')}</h3>
          <p>
            {decision && t(`appeal.decision.${decision}`)}
            {appeal.decided_at && ` · ${dateTime(appeal.decided_at)}`}
          </p>
          {appeal.decision_reason && <blockquote className="quote">{appeal.decision_reason}</blockquote>}
          <p className="small muted">{t('appeal.final')}</p>
        </section>
      )}
      {as === 'decider' && status === 'filed' &&
        (appeal.allowed_actions.includes('decide_appeal') ? (
          <DecideForm appeal={appeal} />
        ) : (
          <p className="muted">{t('appeal.waitsForStatement', { date: dateTime(appeal.penilai_statement_due) })}</p>
        ))}
    </div>
  );
}

function Statement({ appeal, side, editable }: { appeal: Appeal; side: StatementSide; editable: boolean }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const current = side === 'employee' ? appeal.employee_statement : appeal.penilai_statement;
  const [text, setText] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const save = useAppealStatement(appeal.id);
  const title = t(side === 'employee' ? 'appeal.employeeStatement' : 'appeal.penilaiStatement');

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    if (!text.trim()) {
      setError(t('common.required'));
      return;
    }
    setError(null);
    const key = side === 'employee' ? 'employee_statement' : 'penilai_statement';
    save.mutate(
      { [key]: text.trim() },
      {
        onSuccess: () => setStatus(t('appeal.statementSaved')),
        onError: (err) => setError(err instanceof ApiError && err.fields[key] ? err.fields[key].join(' ') : errorText(err)),
      },
    );
  };

  return (
    <section>
      <h3>{title}</h3>
      {editable ? (
        <form onSubmit={onSave} noValidate>
          <div className={`field${error ? ' field-invalid' : ''}`}>
            <label htmlFor={`${fid}-s`}>{title}</label>
            <textarea
              id={`${fid}-s`}
              rows={4}
              maxLength={4000}
              value={text}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fid}-e` : undefined}
              onChange={(e) => setText(e.target.value)}
            />
            {error && (
              <p id={`${fid}-e`} className="field-error">
                {error}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary btn-small" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('appeal.saveStatement')}
            </button>
            <span role="status" aria-live="polite" className="small">
              {status}
            </span>
          </div>
        </form>
      ) : current ? (
        <blockquote className="quote">{current}</blockquote>
      ) : (
        <p className="muted">{t('appeal.noStatement')}</p>
      )}
    </section>
  );
}

function DecideForm({ appeal }: { appeal: Appeal }) {
  const { t } = useI18n();
  const fid = useId();
  const [decision, setDecision] = useState<AppealDecision | null>(null);
  const [hasil, setHasil] = useState<Rating | null>(appeal.old?.rating_hasil_kerja ?? null);
  const [perilaku, setPerilaku] = useState<Rating | null>(appeal.old?.rating_perilaku ?? null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decide = useDecideAppeal(appeal.id);
  const [confirming, setConfirming] = useState(false);

  const problems: Problem[] = Object.entries(errors).map(([id, message]) => ({ id, message }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!decision) errs[`${fid}-keep`] = t('appeal.chooseDecision');
    if (decision === 'change') {
      if (!hasil) errs[`${fid}-hasil`] = t('rate.chooseHasil');
      if (!perilaku) errs[`${fid}-perilaku`] = t('rate.choosePerilaku');
      if (hasil === appeal.old?.rating_hasil_kerja && perilaku === appeal.old?.rating_perilaku)
        errs[`${fid}-hasil`] = t('appeal.sameRatings');
    }
    if (!reason.trim()) errs[`${fid}-reason`] = t('appeal.reasonRequired');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setConfirming(true);
  };

  const send = () => {
    decide.mutate(
      {
        decision: decision!,
        reason: reason.trim(),
        ...(decision === 'change' ? { rating_hasil_kerja: hasil!, rating_perilaku: perilaku! } : {}),
      },
      {
        onSuccess: () => setConfirming(false),
        onError: (err) => {
          if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
            setConfirming(false);
            const fe: Record<string, string> = {};
            for (const [k, v] of Object.entries(err.fields)) {
              const id = k === 'reason' ? `${fid}-reason` : k === 'rating_perilaku' ? `${fid}-perilaku` : k === 'decision' ? `${fid}-keep` : `${fid}-hasil`;
              fe[id] = v.join(' ');
            }
            setErrors(fe);
          }
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="card decide-form">
      <h3>{t('appeal.decideTitle')}</h3>
      <ErrorSummary problems={problems} />
      <fieldset className="choice">
        <legend>{t('appeal.decisionLegend')}</legend>
        <label className="choice-item">
          <input id={`${fid}-keep`} type="radio" name={`${fid}-decision`} checked={decision === 'keep'} onChange={() => setDecision('keep')} />
          {t('appeal.decision.keep')}
        </label>
        <label className="choice-item">
          <input type="radio" name={`${fid}-decision`} checked={decision === 'change'} onChange={() => setDecision('change')} />
          {t('appeal.decision.change')}
        </label>
      </fieldset>
      {decision === 'change' && (
        <>
          <RatingRadios name={`${fid}-hasil`} legend={t('rating.hasilKerja')} value={hasil} onChange={setHasil} error={errors[`${fid}-hasil`]} />
          <RatingRadios
            name={`${fid}-perilaku`}
            legend={t('rating.perilaku')}
            value={perilaku}
            onChange={setPerilaku}
            error={errors[`${fid}-perilaku`]}
          />
          {hasil && perilaku && (
            <p aria-live="polite">
              {t('rate.preview')}: <PredikatBadge predikat={predikatOf(hasil, perilaku)} />
            </p>
          )}
          <PredikatMatrix hasil={hasil} perilaku={perilaku} />
        </>
      )}
      <div className={`field${errors[`${fid}-reason`] ? ' field-invalid' : ''}`}>
        <label htmlFor={`${fid}-reason`}>
          {t('appeal.decisionReason')}
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          id={`${fid}-reason`}
          rows={3}
          maxLength={4000}
          aria-required="true"
          aria-invalid={errors[`${fid}-reason`] ? true : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {errors[`${fid}-reason`] && <p className="field-error">{errors[`${fid}-reason`]}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={decide.isPending}>
          {decide.isPending ? t('common.saving') : t('appeal.decide')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('appeal.confirmTitle')}
          confirmLabel={t('appeal.decide')}
          pending={decide.isPending}
          error={decide.error}
          onConfirm={send}
          onCancel={() => {
            decide.reset();
            setConfirming(false);
          }}
        >
          <p>{t('appeal.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
