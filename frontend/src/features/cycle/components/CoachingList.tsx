// Coaching sessions (bimbingan kinerja) of an employee; the coached employee may rate each
// session once with the nine statements of format B.1.8.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useDecimal } from '../../../components/numbers';
import { ErrorSummary, useDate, type Problem } from './ui';
import { useCoaching, useCoachingStatements, useRateCoaching, type Coaching } from '../api/notes';

const AGREE = [1, 2, 3, 4, 5] as const;

export function CoachingList({ nip, canRate = false }: { nip: string; canRate?: boolean }) {
  const { t } = useI18n();
  const date = useDate();
  const decimal = useDecimal();
  const list = useCoaching(nip);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <p className="muted">{t('coaching.none')}</p>;
  return (
    <ul className="coaching-list">
      {list.data.items.map((c) => (
        <li key={c.id} className="comment-item">
          <p>
            <strong>{c.topic}</strong>
          </p>
          <p className="small muted">
            {date(c.held_on)}
            {c.coach && ` · ${c.coach.name}`}
          </p>
          {c.notes && <p className="comment-text">{c.notes}</p>}
          {c.competency_scores.length > 0 && (
            <p className="small">
              {t('coaching.competencies')}: {c.competency_scores.map((s) => `${s.competency} ${s.score}`).join(' · ')}
            </p>
          )}
          {c.rating ? (
            <p className="small">
              <span className="badge badge-ok">{t('coaching.rated')}</span>{' '}
              {t('coaching.ratingMean', {
                mean: decimal(c.rating.answers.reduce((a, b) => a + b, 0) / Math.max(1, c.rating.answers.length), 1),
              })}
            </p>
          ) : canRate ? (
            <RateCoaching coaching={c} nip={nip} />
          ) : (
            <p className="small muted">{t('coaching.notRated')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function RateCoaching({ coaching, nip }: { coaching: Coaching; nip: string }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<(number | null)[]>(Array(9).fill(null));
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const statements = useCoachingStatements();
  const rate = useRateCoaching(nip);

  if (!open) {
    return (
      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
        {t('coaching.rate', { topic: coaching.topic })}
      </button>
    );
  }
  if (statements.isPending) return <Loading />;
  if (statements.isError) return <ErrorState error={statements.error} />;
  const list = [...statements.data].sort((a, b) => a.number - b.number);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const missing = list.map((s, i) => ({ s, i })).filter(({ i }) => answers[i] === null);
    if (missing.length > 0) {
      setProblems(missing.map(({ s, i }) => ({ id: `${fid}-${i}-1`, message: t('coaching.answerMissing', { n: s.number }) })));
      return;
    }
    setProblems([]);
    rate.mutate(
      { id: coaching.id, answers: answers as number[], comment: comment.trim() || null },
      {
        onError: (err) =>
          setFailure(err instanceof ApiError && err.fields.answers ? err.fields.answers.join(' ') : errorText(err)),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="coaching-rate">
      <h3>{t('coaching.rateTitle')}</h3>
      <ErrorSummary problems={problems} />
      <FormAlert message={failure} />
      {list.map((s, i) => (
        <fieldset key={s.number} className="choice choice-block">
          <legend>
            {s.number}. {s.text}
          </legend>
          {AGREE.map((v) => (
            <label key={v} className="choice-item">
              <input
                type="radio"
                id={`${fid}-${i}-${v}`}
                name={`${fid}-${i}`}
                checked={answers[i] === v}
                onChange={() => setAnswers((prev) => prev.map((x, j) => (j === i ? v : x)))}
              />
              {v} <span className="small muted">{t(`agree.${v}`)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor={`${fid}-c`}>{t('coaching.comment')}</label>
        <textarea id={`${fid}-c`} rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={rate.isPending}>
          {rate.isPending ? t('common.saving') : t('coaching.sendRating')}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
