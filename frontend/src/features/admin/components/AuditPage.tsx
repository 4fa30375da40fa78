// The audit log (auditor; admin without the 360 raters' entries): entries newest first, a
// filter by object, and the verification of the hash chain.
import { useState, type FormEvent } from 'react';
import { useParamUpdate } from '../../../lib/useParamUpdate';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDateTime } from '../../../components/numbers';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { Pagination } from '../../../components/Pagination';
import { TableWrap } from '../../../components/TableWrap';
import { useAuditEntries, useVerifyAudit, type AuditVerification } from '../api/admin';

const PER_PAGE = 25;

export function AuditPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('audit.title'));
  const dateTime = useDateTime();
  const [params, apply] = useParamUpdate();
  const objectType = params.get('type') ?? '';
  const objectId = params.get('id') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const entries = useAuditEntries({ objectType, objectId, page, perPage: PER_PAGE });
  const verify = useVerifyAudit();
  const [typeInput, setTypeInput] = useState(objectType);
  const [idInput, setIdInput] = useState(objectId);


  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    apply({ type: typeInput.trim(), id: idInput.trim() });
  };

  return (
    <section className="page" aria-labelledby="audit-title">
      <div className="page-head">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <button type="button" className="btn btn-primary" disabled={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      <p className="muted">{t('audit.lead')}</p>
      <VerifyResult result={verify.data} />
      <FormAlert message={verify.error ? errorText(verify.error) : null} />

      <form className="toolbar" onSubmit={onFilter}>
        <div className="toolbar-item">
          <label htmlFor="audit-type">{t('audit.filterType')}</label>
          <input id="audit-type" value={typeInput} onChange={(e) => setTypeInput(e.target.value)} />
        </div>
        <div className="toolbar-item">
          <label htmlFor="audit-id">{t('audit.filterId')}</label>
          <input id="audit-id" value={idInput} onChange={(e) => setIdInput(e.target.value)} />
        </div>
        <div className="toolbar-actions">
          <button type="submit" className="btn btn-secondary">
            {t('audit.filter')}
          </button>
          {(objectType || objectId) && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setTypeInput('');
                setIdInput('');
                apply({ type: '', id: '' });
              }}
            >
              {t('audit.reset')}
            </button>
          )}
        </div>
      </form>

      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <>
          <TableWrap label={t('audit.tableLabel')} busy={entries.isFetching}>
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.seq')}</th>
                  <th scope="col">{t('audit.col.at')}</th>
                  <th scope="col">{t('audit.col.actor')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.object')}</th>
                  <th scope="col">{t('audit.col.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.items.map((e) => (
                  <tr key={e.id}>
                    <td data-label={t('audit.col.seq')}>{e.seq}</td>
                    <td data-label={t('audit.col.at')}>{dateTime(e.at)}</td>
                    <td data-label={t('audit.col.actor')} className="audit-code">
                      {e.actor}
                    </td>
                    <td data-label={t('audit.col.action')}>
                      <code>{e.action}</code>
                    </td>
                    <td data-label={t('audit.col.object')} className="audit-code">
                      {e.object_type}:{e.object_id}
                    </td>
                    <td data-label={t('audit.col.detail')} className="audit-code audit-detail">
                      {e.detail}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pagination
            page={entries.data.meta.page}
            perPage={entries.data.meta.per_page}
            total={entries.data.meta.total}
            onPage={(p) => apply({ page: String(p) })}
          />
        </>
      )}
    </section>
  );
}

function VerifyResult({ result }: { result: AuditVerification | undefined }) {
  const { t } = useI18n();
  const text = !result
    ? null
    : result.intact
      ? t('audit.intact', { n: result.entries })
      : t('audit.broken', { seq: result.broken_at ?? '?', reason: result.reason ?? '' });
  return <FormAlert message={text} tone={result && !result.intact ? 'error' : 'success'} />;
}
