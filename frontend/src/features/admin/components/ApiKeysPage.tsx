// API keys (admin): the list, a form to create one with its scopes (the key is shown once, with
// a copy button), and revocation after a confirmation.
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDateTime } from '../../../components/numbers';
import { ApiError } from '../../../lib/api/errors';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CopyButton } from '../../../components/CopyButton';
import { Field } from '../../../components/Field';
import { TableWrap } from '../../../components/TableWrap';
import {
  API_SCOPES,
  SCOPE_LABELS,
  useApiKeys,
  useCreateApiKey,
  useRevokeApiKey,
  type ApiKey,
  type ApiKeyCreated,
  type ApiScope,
} from '../api/admin';

export function ApiKeysPage() {
  const { t } = useI18n();
  useDocumentTitle(t('apiKeys.title'));
  const dateTime = useDateTime();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="page" aria-labelledby="apikeys-title">
      <div className="page-head">
        <h1 id="apikeys-title">{t('apiKeys.title')}</h1>
        {!creating && !created && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('apiKeys.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('apiKeys.lead')}</p>
      <FormAlert message={notice} tone="success" />

      {creating && (
        <CreateKeyForm
          onCancel={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setCreated(k);
          }}
        />
      )}
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}

      {keys.isPending ? (
        <Loading />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <p className="muted">{t('apiKeys.empty')}</p>
      ) : (
        <TableWrap label={t('apiKeys.tableLabel')} busy={keys.isFetching}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.col.name')}</th>
                <th scope="col">{t('apiKeys.col.prefix')}</th>
                <th scope="col">{t('apiKeys.col.scopes')}</th>
                <th scope="col">{t('apiKeys.col.created')}</th>
                <th scope="col">{t('apiKeys.col.lastUsed')}</th>
                <th scope="col">{t('apiKeys.col.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('apiKeys.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <td data-label={t('apiKeys.col.name')}>{k.name}</td>
                  <td data-label={t('apiKeys.col.prefix')}>
                    <code>{k.prefix}</code>
                  </td>
                  <td data-label={t('apiKeys.col.scopes')}>
                    {k.scopes.map((s) => (
                      <code key={s} className="scope-chip" title={t(SCOPE_LABELS[s])}>
                        {s}
                      </code>
                    ))}
                  </td>
                  <td data-label={t('apiKeys.col.created')}>{dateTime(k.created_at)}</td>
                  <td data-label={t('apiKeys.col.lastUsed')}>
                    {k.last_used_at ? dateTime(k.last_used_at) : t('apiKeys.never')}
                  </td>
                  <td data-label={t('apiKeys.col.status')}>
                    {k.revoked_at ? t('apiKeys.revoked', { date: dateTime(k.revoked_at) }) : t('apiKeys.active')}
                  </td>
                  <td data-label="">
                    {!k.revoked_at && (
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        onClick={() => {
                          setNotice(null);
                          revoke.reset();
                          setRevoking(k);
                        }}
                      >
                        {t('apiKeys.revoke')}
                        <span className="visually-hidden"> {k.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {revoking && (
        <ConfirmDialog
          title={t('apiKeys.revokeTitle', { name: revoking.name })}
          confirmLabel={t('apiKeys.revoke')}
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(null)}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                setNotice(t('apiKeys.revokedNotice', { name: revoking.name }));
                setRevoking(null);
              },
            })
          }
        >
          <p>{t('apiKeys.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CreateKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (k: ApiKeyCreated) => void }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [scopeError, setScopeError] = useState(false);
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  const toggle = (s: ApiScope) => setScopes((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (scopes.length === 0) {
      setScopeError(true);
      return;
    }
    setScopeError(false);
    // Scopes in the form's order, whatever order they were ticked in.
    create.mutate({ name: name.trim(), scopes: API_SCOPES.filter((s) => scopes.includes(s)) }, { onSuccess: onCreated });
  };

  const scopeErrors = [...(scopeError ? [t('apiKeys.scopesRequired')] : []), ...(fields.scopes ?? [])];
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('apiKeys.new')}</h2>
      <Field id={`${fid}-name`} label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} errors={fields.name} required>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
      </Field>
      <fieldset className="scope-set" aria-describedby={scopeErrors.length ? `${fid}-scopes-error` : undefined}>
        <legend>{t('apiKeys.scopes')}</legend>
        {API_SCOPES.map((s) => (
          <div key={s} className="field field-check">
            <input id={`${fid}-${s}`} type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} />
            <label htmlFor={`${fid}-${s}`}>
              <code>{s}</code> — {t(SCOPE_LABELS[s])}
            </label>
          </div>
        ))}
        {scopeErrors.length > 0 && (
          <p id={`${fid}-scopes-error`} className="field-error">
            {scopeErrors.join(' ')}
          </p>
        )}
      </fieldset>
      <FormAlert message={create.error && !(create.error instanceof ApiError && create.error.status === 422) ? errorText(create.error) : null} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('apiKeys.creating') : t('apiKeys.create')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The new key, shown once: a read-only field with a copy button. */
function NewKey({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  const { t } = useI18n();
  const fid = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="card new-key" role="status">
      <p>{t('apiKeys.created', { name: created.name })}</p>
      <label htmlFor={`${fid}-key`}>{t('apiKeys.keyLabel')}</label>
      <div className="new-key-row">
        <input id={`${fid}-key`} readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} className="mono" />
        <CopyButton text={created.key} label={t('apiKeys.keyLabel')} onResult={setCopied} />
      </div>
      <FormAlert
        message={copied === null ? null : copied ? t('apiKeys.copied') : t('targets.copyFailed')}
        tone={copied === false ? 'error' : 'success'}
      />
      <button type="button" className="btn btn-secondary" onClick={onDone}>
        {t('apiKeys.done')}
      </button>
    </div>
  );
}
