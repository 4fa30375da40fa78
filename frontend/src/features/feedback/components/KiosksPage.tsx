// HR registers a desk's own tablet as a kiosk of a target, sees the setup link once, and revokes
// kiosks (ADR 0027). The auditor reads the list.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { hasAnyRole, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { Field } from '../../../components/Field';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useDateTime } from '../../../components/numbers';
import type { FeedbackTarget } from '../api/feedback';
import { useCreateKiosk, useKiosks, useRevokeKiosk, type Kiosk, type KioskCreated } from '../api/kiosks';
import { CopyButton } from '../../../components/CopyButton';
import { useTargetFromRoute } from './useTargetFromRoute';

const NAME_MAX = 100;

export function KiosksPage() {
  const { t } = useI18n();
  useDocumentTitle(t('kiosks.title'));
  const { id, target } = useTargetFromRoute();
  if (target.isPending) return <Loading />;
  if (target.isError) return <ErrorState error={target.error} onRetry={() => void target.refetch()} />;
  return <Kiosks id={id} target={target.data} />;
}

function Kiosks({ id, target }: { id: string; target: FeedbackTarget }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const { data: me } = useMe();
  // Admin and HR manage kiosks; the auditor only reads them.
  const manage = hasAnyRole(me, ['admin', 'hr']);
  const dateTime = useDateTime();
  const kiosks = useKiosks(id);
  const create = useCreateKiosk(id);
  const revoke = useRevokeKiosk(id);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const [created, setCreated] = useState<KioskCreated | null>(null);
  const [revoking, setRevoking] = useState<Kiosk | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > NAME_MAX) {
      setNameError(trimmed ? t('kiosks.nameHint') : t('kiosks.nameRequired'));
      setFormError(t('common.formInvalid'));
      return;
    }
    setNameError(null);
    setFormError(null);
    setNotice(null);
    create.mutate(trimmed, {
      onSuccess: (k) => {
        setCreated(k);
        setName('');
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.name) setNameError(err.fields.name.join(' '));
        setFormError(errorText(err));
      },
    });
  };

  return (
    <section className="page" aria-labelledby={`${fid}-title`}>
      <div className="page-head">
        <div>
          <h1 id={`${fid}-title`}>{t('kiosks.title')}</h1>
          <p className="muted page-sub">
            {target.label} · {target.unit_name}
          </p>
        </div>
        <Link to="/feedback/targets" className="btn btn-secondary">
          {t('targets.backToList')}
        </Link>
      </div>
      <p>{t('kiosks.intro')}</p>
      {!target.active && <p className="alert alert-info">{t('qr.inactive')}</p>}
      <FormAlert message={notice?.text ?? null} tone={notice?.tone ?? 'success'} />

      {created && (
        <section className="card" aria-labelledby={`${fid}-setup`} role="status">
          <h2 id={`${fid}-setup`}>{t('kiosks.setupTitle', { name: created.kiosk.name })}</h2>
          <p>{t('kiosks.setupBody')}</p>
          <p className="url" aria-label={t('kiosks.setupLink')}>
            {created.setup_url}
          </p>
          <CopyButton
            text={created.setup_url}
            label={t('kiosks.setupLink')}
            onResult={(ok) =>
              setNotice(ok ? { text: t('kiosks.copied'), tone: 'success' } : { text: t('targets.copyFailed'), tone: 'error' })
            }
          />
        </section>
      )}

      {manage && (
        <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-add`}>
          <h2 id={`${fid}-add`}>{t('kiosks.add')}</h2>
          <FormAlert message={formError} />
          <div className="inline-form">
            <Field
              id={`${fid}-name`}
              label={t('kiosks.name')}
              required
              errors={nameError ? [nameError] : undefined}
              hint={t('kiosks.nameHint')}
            >
              <input type="text" maxLength={NAME_MAX} value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('kiosks.addButton')}
            </button>
          </div>
        </form>
      )}

      {kiosks.isPending ? (
        <Loading />
      ) : kiosks.isError ? (
        <ErrorState error={kiosks.error} onRetry={() => void kiosks.refetch()} />
      ) : kiosks.data.items.length === 0 ? (
        <p className="muted">{t('kiosks.none')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('kiosks.title')}>
          <table className="stack">
            <caption className="visually-hidden">{t('kiosks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kiosks.name')}</th>
                <th scope="col">{t('kiosks.status')}</th>
                <th scope="col">{t('kiosks.created')}</th>
                <th scope="col">{t('kiosks.lastUsed')}</th>
                {manage && <th scope="col">{t('targets.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {kiosks.data.items.map((k) => (
                <tr key={k.id}>
                  <td data-label={t('kiosks.name')}>{k.name}</td>
                  <td data-label={t('kiosks.status')}>{k.active ? t('kiosks.active') : t('kiosks.revoked')}</td>
                  <td data-label={t('kiosks.created')}>{dateTime(k.created_at)}</td>
                  <td data-label={t('kiosks.lastUsed')}>{k.last_used_at ? dateTime(k.last_used_at) : t('kiosks.never')}</td>
                  {manage && (
                    <td data-label={t('targets.actions')}>
                      {k.active && (
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          onClick={() => {
                            revoke.reset();
                            setRevoking(k);
                          }}
                        >
                          {t('kiosks.revoke')}
                          <span className="visually-hidden"> — {k.name}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {revoking && (
        <ConfirmDialog
          title={t('kiosks.revokeTitle', { name: revoking.name })}
          confirmLabel={t('kiosks.revokeConfirm')}
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(null)}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: (k) => {
                setRevoking(null);
                setNotice({ text: t('kiosks.revokedNotice', { name: k.name }), tone: 'success' });
              },
            })
          }
        >
          <p>{t('kiosks.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
