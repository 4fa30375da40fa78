// "Penilaian masyarakat" on Beranda: the employee's own index (Kinerja360's adaptation from
// U6/U7, not the regulated IKM), the respondents, and the anonymous comments with one reply each.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { MutuBadge } from '../../../components/MutuBadge';
import { useDateTime, useDecimal } from '../../../components/numbers';
import { useCitizenFeedback, useReply, type CitizenComment } from '../api/citizenFeedback';

const MAX_COMMENTS = 5;
const MAX_REPLY = 1000;

export function CitizenFeedbackCard({ nip }: { nip: string }) {
  const { t } = useI18n();
  const dec = useDecimal();
  const fid = useId();
  const feedback = useCitizenFeedback(nip);
  const [showAll, setShowAll] = useState(false);

  let body;
  if (feedback.isPending) body = <Loading />;
  else if (feedback.isError) body = <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} />;
  else {
    const f = feedback.data;
    const comments = showAll ? f.comments : f.comments.slice(0, MAX_COMMENTS);
    body = (
      <>
        {f.sufficient && f.index ? (
          <div className="ikm-summary">
            <p className="ikm-number">
              <span className="ikm-number-label">{t('citizen.index')}</span>
              <span className="ikm-value">{dec(f.index.konversi)}</span>
              <MutuBadge mutu={f.index.mutu} label={f.index.mutu_label} />
            </p>
            <p className="muted small">
              {t('citizen.elements', { u6: dec(f.index.u6_nrr), u7: dec(f.index.u7_nrr) })}
            </p>
            <p className="note">{f.index.label}</p>
          </div>
        ) : (
          <p className="alert alert-info insufficient">{t('ikm.insufficient', { min: f.min_respondents })}</p>
        )}
        <p className="respondents">
          {t('ikm.respondents')}: <strong>{f.respondents}</strong>
        </p>
        {!f.index && <p className="note">{t('citizen.adaptation')}</p>}

        <h3 id={`${fid}-comments`}>{t('citizen.comments')}</h3>
        {f.comments.length === 0 ? (
          <p className="muted">{t('citizen.noComments')}</p>
        ) : (
          <>
            <ul className="comments" aria-labelledby={`${fid}-comments`}>
              {comments.map((c) => (
                <CommentItem key={c.id} nip={nip} comment={c} />
              ))}
            </ul>
            {f.comments.length > MAX_COMMENTS && (
              <button type="button" className="btn btn-link" onClick={() => setShowAll((s) => !s)} aria-expanded={showAll}>
                {showAll ? t('citizen.showLess') : t('citizen.showAll', { n: f.comments.length })}
              </button>
            )}
          </>
        )}
      </>
    );
  }

  return (
    <article className="card citizen" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('citizen.title')}</h2>
      {body}
    </article>
  );
}

function CommentItem({ nip, comment }: { nip: string; comment: CitizenComment }) {
  const { t, errorText } = useI18n();
  const dateTime = useDateTime();
  const fid = useId();
  const reply = useReply(nip);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reply.isPending || sent) return;
    if (!text.trim()) {
      setFieldError(t('common.required'));
      return;
    }
    setFieldError(null);
    setError(null);
    reply.mutate(
      { id: comment.id, text: text.trim() },
      {
        onSuccess: () => {
          setSent(true);
          setOpen(false);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields.text) setFieldError(err.fields.text.join(' '));
          setError(errorText(err));
        },
      },
    );
  };

  const replyText = comment.reply ?? (sent ? reply.data?.reply : null);
  const repliedAt = comment.replied_at ?? (sent ? reply.data?.replied_at : null);

  return (
    <li className="comment-item">
      <p className="small muted">
        {t('citizen.anonymous')} · {dateTime(comment.created_at)}
        {comment.hidden && (
          <>
            {' '}
            <span className="badge badge-off">{t('moderation.hiddenBadge')}</span>
          </>
        )}
      </p>
      <p className="comment-text">{comment.comment}</p>
      <div aria-live="polite">
        {replyText && (
          <div className="reply">
            <p className="small muted">
              {t('citizen.yourReply')}
              {repliedAt ? ` · ${dateTime(repliedAt)}` : ''}
            </p>
            <p>{replyText}</p>
          </div>
        )}
      </div>
      {!replyText &&
        (open ? (
          <form className="reply-form" onSubmit={submit} noValidate aria-label={t('citizen.replyForm')}>
            <FormAlert message={error} />
            <div className={`field${fieldError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${fid}-reply`}>{t('citizen.replyLabel')}</label>
              <textarea
                id={`${fid}-reply`}
                rows={3}
                maxLength={MAX_REPLY}
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={`${fid}-hint${fieldError ? ` ${fid}-error` : ''}`}
                // The form opens on request: move the caret into it.
                autoFocus
              />
              <p id={`${fid}-hint`} className="field-hint">
                {t('citizen.replyHint')}
              </p>
              {fieldError && (
                <p id={`${fid}-error`} className="field-error">
                  {fieldError}
                </p>
              )}
            </div>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={reply.isPending}>
                {reply.isPending ? t('common.saving') : t('citizen.send')}
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
            {t('citizen.reply')}
          </button>
        ))}
    </li>
  );
}
