import { useState } from 'react';
import { Link } from 'react-router';
import { useParamUpdate } from '../../../lib/useParamUpdate';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { FeedbackNav } from './FeedbackNav';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { Pagination } from '../../../components/Pagination';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { UnitSelect } from '../../../components/UnitSelect';
import { TARGET_KIND_LABELS, TARGET_KINDS, useTargetAction, useTargets, type FeedbackTarget, type TargetKind } from '../api/feedback';
import { TargetForm } from './TargetForm';
import { CopyButton } from '../../../components/CopyButton';

const PER_PAGE = 20;

export function TargetsPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('targets.title'));
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me);
  const [params, update] = useParamUpdate();
  const unitCode = params.get('unit') ?? '';
  const kindParam = params.get('kind');
  const kind: '' | TargetKind = TARGET_KINDS.find((k) => k === kindParam) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const targets = useTargets({ unitCode, kind, page, perPage: PER_PAGE });
  const action = useTargetAction();
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<FeedbackTarget | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);


  const toggle = (target: FeedbackTarget) => {
    setNotice(null);
    action.mutate(
      { id: target.id, action: target.active ? 'disable' : 'enable' },
      {
        onSuccess: (tg) =>
          setNotice({
            text: t(tg.active ? 'targets.enabled' : 'targets.disabled', { label: tg.label }),
            tone: 'success',
          }),
        onError: (err) => setNotice({ text: errorText(err), tone: 'error' }),
      },
    );
  };

  return (
    <section className="page" aria-labelledby="targets-title">
      <FeedbackNav />
      <div className="page-head">
        <h1 id="targets-title">{t('targets.title')}</h1>
        {canWrite && !creating && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('targets.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('targets.intro')}</p>

      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />

      {creating && (
        <TargetForm
          initialUnit={unitCode}
          onCancel={() => setCreating(false)}
          onDone={(tg) => {
            setCreating(false);
            setNotice({ text: t('targets.created', { label: tg.label }), tone: 'success' });
          }}
        />
      )}

      <div className="toolbar" role="search">
        <div className="toolbar-item">
          <label htmlFor="targets-unit">{t('field.unit')}</label>
          <UnitSelect id="targets-unit" value={unitCode} onChange={(v) => update({ unit: v })} emptyLabel={t('common.all')} />
        </div>
        <div className="toolbar-item">
          <label htmlFor="targets-kind">{t('targets.kind')}</label>
          <select id="targets-kind" value={kind} onChange={(e) => update({ kind: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(TARGET_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
      </div>

      {targets.isPending ? (
        <Loading />
      ) : targets.isError ? (
        <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <>
          <TableWrap label={t('targets.title')} busy={targets.isFetching}>
            <table className="stack">
              <caption className="visually-hidden">{t('targets.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('targets.target')}</th>
                  <th scope="col">{t('field.unit')}</th>
                  <th scope="col">{t('targets.status')}</th>
                  <th scope="col" className="num">
                    {t('targets.counted')}
                  </th>
                  <th scope="col" className="num">
                    {t('targets.held')}
                  </th>
                  <th scope="col">{t('targets.publicUrl')}</th>
                  <th scope="col">{t('targets.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {targets.data.items.length === 0 && (
                  <tr>
                    <td colSpan={7}>{t('targets.empty')}</td>
                  </tr>
                )}
                {targets.data.items.map((tg) => (
                  <tr key={tg.id}>
                    <td data-label={t('targets.target')}>
                      <strong>{tg.label}</strong>
                      <br />
                      <span className="muted small">
                        {t(TARGET_KIND_LABELS[tg.kind])}
                        {tg.employee_nip && (
                          <>
                            {' · '}
                            <span className="mono">{tg.employee_nip}</span>
                          </>
                        )}
                      </span>
                    </td>
                    <td data-label={t('field.unit')}>
                      {tg.unit_name} <span className="muted mono small">({tg.unit_code})</span>
                    </td>
                    <td data-label={t('targets.status')}>
                      <span className={`badge ${tg.active ? 'badge-ok' : 'badge-off'}`}>
                        {t(tg.active ? 'targets.active' : 'targets.inactive')}
                      </span>
                    </td>
                    <td className="num" data-label={t('targets.counted')}>
                      {tg.counted}
                    </td>
                    <td className="num" data-label={t('targets.held')}>
                      {tg.held}
                    </td>
                    <td data-label={t('targets.publicUrl')}>
                      <div className="url-cell">
                        <a href={tg.public_url} target="_blank" rel="noopener noreferrer" className="url">
                          {tg.public_url}
                        </a>
                        <CopyButton
                          text={tg.public_url}
                          label={tg.label}
                          onResult={(ok) =>
                            setNotice(
                              ok
                                ? { text: t('targets.copied', { label: tg.label }), tone: 'success' }
                                : { text: t('targets.copyFailed'), tone: 'error' },
                            )
                          }
                        />
                      </div>
                    </td>
                    <td data-label={t('targets.actions')}>
                      <div className="row-actions">
                        <Link className="btn btn-secondary btn-small" to={`/feedback/targets/${tg.id}/qr`} state={{ target: tg }}>
                          {t('targets.printQr')}
                          <span className="visually-hidden"> — {tg.label}</span>
                        </Link>
                        <Link
                          className="btn btn-secondary btn-small"
                          to={`/feedback/targets/${tg.id}/tickets`}
                          state={{ target: tg }}
                        >
                          {t('targets.tickets')}
                          <span className="visually-hidden"> — {tg.label}</span>
                        </Link>
                        <Link
                          className="btn btn-secondary btn-small"
                          to={`/feedback/targets/${tg.id}/kiosks`}
                          state={{ target: tg }}
                        >
                          {t('targets.kiosks')}
                          <span className="visually-hidden"> — {tg.label}</span>
                        </Link>
                        {canWrite && (
                          <>
                            <button
                              type="button"
                              className="btn btn-secondary btn-small"
                              onClick={() => {
                                setNotice(null);
                                action.reset();
                                setRotating(tg);
                              }}
                            >
                              {t('targets.rotate')}
                              <span className="visually-hidden"> — {tg.label}</span>
                            </button>
                            <button
                              type="button"
                              className="btn btn-secondary btn-small"
                              disabled={action.isPending && action.variables?.id === tg.id}
                              onClick={() => toggle(tg)}
                            >
                              {t(tg.active ? 'targets.disable' : 'targets.enable')}
                              <span className="visually-hidden"> — {tg.label}</span>
                            </button>
                          </>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination
            page={page}
            perPage={targets.data.meta.per_page}
            total={targets.data.meta.total}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}

      {rotating && (
        <ConfirmDialog
          title={t('targets.rotateTitle', { label: rotating.label })}
          confirmLabel={t('targets.rotateConfirm')}
          pending={action.isPending}
          error={action.error}
          onCancel={() => setRotating(null)}
          onConfirm={() =>
            action.mutate(
              { id: rotating.id, action: 'rotate' },
              {
                onSuccess: (tg) => {
                  setRotating(null);
                  setNotice({ text: t('targets.rotated', { label: tg.label }), tone: 'success' });
                },
              },
            )
          }
        >
          <p>{t('targets.rotateBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
