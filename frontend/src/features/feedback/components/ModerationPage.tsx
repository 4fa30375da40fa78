import { useRef, useState, type KeyboardEvent } from 'react';
import { useParamUpdate } from '../../../lib/useParamUpdate';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { FeedbackNav } from './FeedbackNav';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { Pagination } from '../../../components/Pagination';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { UnitSelect } from '../../../components/UnitSelect';
import { useDateTime } from '../../../components/numbers';
import type { MessageKey } from '../../../lib/i18n/messages';
import {
  ELEMENT_CODES,
  SUBMISSION_STATUSES,
  useAcceptMany,
  useModerate,
  useModeration,
  type Submission,
  type SubmissionStatus,
} from '../api/feedback';

const PER_PAGE = 20;

const TAB_KEY: Record<SubmissionStatus, MessageKey> = {
  held: 'moderation.held',
  counted: 'moderation.counted',
  rejected: 'moderation.rejected',
};

type Asking = { kind: 'reject' | 'hide'; submission: Submission } | null;

export function ModerationPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('moderation.title'));
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me);
  const dateTime = useDateTime();
  const [params, update] = useParamUpdate();
  const statusParam = params.get('status');
  const status: SubmissionStatus = SUBMISSION_STATUSES.find((s) => s === statusParam) ?? 'held';
  const unitCode = params.get('unit') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useModeration({ status, unitCode, page, perPage: PER_PAGE });
  const moderate = useModerate();
  const acceptMany = useAcceptMany();
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) =>
    setSelected((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]));
  const acceptSelected = () => {
    setNotice(null);
    const count = selected.length;
    acceptMany.mutate(selected, {
      onSuccess: () => {
        setSelected([]);
        setNotice({ text: t('moderation.acceptedMany', { count }), tone: 'success' });
      },
      onError: (err) => setNotice({ text: errorText(err), tone: 'error' }),
    });
  };
  const [asking, setAsking] = useState<Asking>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const tabRefs = useRef<Partial<Record<SubmissionStatus, HTMLButtonElement | null>>>({});


  const selectTab = (s: SubmissionStatus, focus = false) => {
    setNotice(null);
    update({ status: s });
    if (focus) tabRefs.current[s]?.focus();
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = SUBMISSION_STATUSES.indexOf(status);
    const n = SUBMISSION_STATUSES.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    selectTab(SUBMISSION_STATUSES[to]!, true);
  };

  const accept = (s: Submission) => {
    setNotice(null);
    moderate.mutate(
      { id: s.id, action: 'accept' },
      {
        onSuccess: () => setNotice({ text: t('moderation.accepted'), tone: 'success' }),
        onError: (err) => setNotice({ text: errorText(err), tone: 'error' }),
      },
    );
  };

  const elementName = (code: string) => t(`skm.${code}` as MessageKey);

  return (
    <section className="page" aria-labelledby="moderation-title">
      <FeedbackNav />
      <div className="page-head">
        <h1 id="moderation-title">{t('moderation.title')}</h1>
      </div>
      <p className="muted">{t('moderation.intro')}</p>

      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />

      <div className="toolbar" role="search">
        <div className="toolbar-item">
          <label htmlFor="moderation-unit">{t('field.unit')}</label>
          <UnitSelect id="moderation-unit" value={unitCode} onChange={(v) => update({ unit: v })} emptyLabel={t('common.all')} />
        </div>
      </div>

      {canWrite && status === 'held' && (
        <div className="toolbar">
          <button
            type="button"
            className="btn btn-primary"
            disabled={selected.length === 0 || acceptMany.isPending}
            onClick={acceptSelected}
          >
            {t('moderation.acceptSelected')}
            {selected.length > 0 ? ` (${selected.length})` : ''}
          </button>
        </div>
      )}

      <div className="tabs" role="tablist" aria-label={t('moderation.tabs')}>
        {SUBMISSION_STATUSES.map((s) => (
          <button
            key={s}
            ref={(el) => {
              tabRefs.current[s] = el;
            }}
            type="button"
            role="tab"
            id={`moderation-tab-${s}`}
            aria-selected={s === status}
            aria-controls="moderation-panel"
            tabIndex={s === status ? 0 : -1}
            className="tab"
            onClick={() => selectTab(s)}
            onKeyDown={onTabKey}
          >
            {t(TAB_KEY[s])}
          </button>
        ))}
      </div>

      <div id="moderation-panel" role="tabpanel" aria-labelledby={`moderation-tab-${status}`} className="tabpanel">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <TableWrap label={t('moderation.title')} busy={list.isFetching}>
              <table className="stack moderation">
                <caption className="visually-hidden">
                  {t('moderation.caption', { status: t(TAB_KEY[status]) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('moderation.when')}</th>
                    <th scope="col">{t('targets.target')}</th>
                    <th scope="col">{t('moderation.answers')}</th>
                    <th scope="col">{t('moderation.comment')}</th>
                    <th scope="col">{t('moderation.notes')}</th>
                    {canWrite && <th scope="col">{t('targets.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.length === 0 && (
                    <tr>
                      <td colSpan={canWrite ? 6 : 5}>{t('moderation.empty')}</td>
                    </tr>
                  )}
                  {list.data.items.map((s) => (
                    <tr key={s.id}>
                      <td data-label={t('moderation.when')}>{dateTime(s.created_at)}</td>
                      <td data-label={t('targets.target')}>
                        <strong>{s.target_label}</strong>
                        <br />
                        <span className="muted small">
                          {s.employee_name ? `${s.employee_name} · ` : ''}
                          {s.unit_name}
                        </span>
                      </td>
                      <td data-label={t('moderation.answers')}>
                        <dl className="answers">
                          {ELEMENT_CODES.map((code) => (
                            <div key={code} className="answer" title={`${code.toUpperCase()} ${elementName(code)}`}>
                              <dt>
                                <abbr title={elementName(code)}>{code.toUpperCase()}</abbr>
                              </dt>
                              <dd>{s.answers[code] ?? t('common.none')}</dd>
                            </div>
                          ))}
                        </dl>
                      </td>
                      <td data-label={t('moderation.comment')}>
                        {s.comment ? (
                          <div className={s.comment_hidden ? 'comment comment-hidden' : 'comment'}>
                            {s.comment_hidden && (
                              <p className="small">
                                <span className="badge badge-off">{t('moderation.hiddenBadge')}</span>{' '}
                                {s.comment_hidden_reason && t('moderation.hiddenReason', { reason: s.comment_hidden_reason })}
                              </p>
                            )}
                            <p className="comment-text">{s.comment}</p>
                          </div>
                        ) : (
                          <span className="muted">{t('common.none')}</span>
                        )}
                        {s.reply && (
                          <div className="reply">
                            <p className="small muted">
                              {t('moderation.reply')}
                              {s.replied_at ? ` · ${dateTime(s.replied_at)}` : ''}
                            </p>
                            <p>{s.reply}</p>
                          </div>
                        )}
                      </td>
                      <td data-label={t('moderation.notes')}>
                        {s.verified ? (
                          <span className="badge badge-ok">{t('moderation.verified')}</span>
                        ) : (
                          <span className="badge">{t('moderation.unverified')}</span>
                        )}
                        {s.hold_reason && <p className="small">{t('moderation.holdReason', { reason: s.hold_reason })}</p>}
                      </td>
                      {canWrite && (
                        <td data-label={t('targets.actions')}>
                          <div className="row-actions">
                            {s.status === 'held' && (
                              <label className="small">
                                <input
                                  type="checkbox"
                                  checked={selected.includes(s.id)}
                                  onChange={() => toggle(s.id)}
                                />{' '}
                                {t('moderation.select')}
                              </label>
                            )}
                            {s.status === 'held' && (
                              <button
                                type="button"
                                className="btn btn-primary btn-small"
                                disabled={moderate.isPending && moderate.variables?.id === s.id}
                                onClick={() => accept(s)}
                              >
                                {t('moderation.accept')}
                              </button>
                            )}
                            {s.status === 'held' && (
                              <button
                                type="button"
                                className="btn btn-secondary btn-small"
                                onClick={() => {
                                  moderate.reset();
                                  setAsking({ kind: 'reject', submission: s });
                                }}
                              >
                                {t('moderation.reject')}
                              </button>
                            )}
                            {s.comment && !s.comment_hidden && (
                              <button
                                type="button"
                                className="btn btn-secondary btn-small"
                                onClick={() => {
                                  moderate.reset();
                                  setAsking({ kind: 'hide', submission: s });
                                }}
                              >
                                {t('moderation.hide')}
                              </button>
                            )}
                          </div>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pagination
              page={page}
              perPage={list.data.meta.per_page}
              total={list.data.meta.total}
              onPage={(p) => update({ page: String(p) })}
            />
          </>
        )}
      </div>

      {asking && (
        <ReasonDialog
          title={t(asking.kind === 'reject' ? 'moderation.rejectTitle' : 'moderation.hideTitle')}
          intro={
            <>
              <p>{t(asking.kind === 'reject' ? 'moderation.rejectBody' : 'moderation.hideBody')}</p>
              {asking.kind === 'hide' && asking.submission.comment && (
                <blockquote className="quote">{asking.submission.comment}</blockquote>
              )}
            </>
          }
          label={t('moderation.reason')}
          submitLabel={t(asking.kind === 'reject' ? 'moderation.reject' : 'moderation.hide')}
          pending={moderate.isPending}
          error={moderate.error}
          onCancel={() => setAsking(null)}
          onSubmit={(reason) =>
            moderate.mutate(
              { id: asking.submission.id, action: asking.kind, reason },
              {
                onSuccess: () => {
                  setNotice({
                    text: t(asking.kind === 'reject' ? 'moderation.rejectedDone' : 'moderation.hiddenDone'),
                    tone: 'success',
                  });
                  setAsking(null);
                },
              },
            )
          }
        />
      )}
    </section>
  );
}
