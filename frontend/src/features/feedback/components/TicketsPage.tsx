import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { Field } from '../../../components/Field';
import { Pagination } from '../../../components/Pagination';
import { useDateTime } from '../../../components/numbers';
import { useCreateTickets, useTickets, type FeedbackTarget } from '../api/feedback';
import { useTargetFromRoute } from './useTargetFromRoute';

const PER_PAGE = 100;
const MAX_COUNT = 500;

/** The public address without its scheme, short enough to type from a slip. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export function TicketsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('tickets.title'));
  const { id, target } = useTargetFromRoute();

  if (target.isPending) return <Loading />;
  if (target.isError) return <ErrorState error={target.error} onRetry={() => void target.refetch()} />;
  return <Tickets id={id} target={target.data} />;
}

function Tickets({ id, target }: { id: string; target: FeedbackTarget }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me);
  const dateTime = useDateTime();
  const [page, setPage] = useState(1);
  const [count, setCount] = useState('50');
  const [countError, setCountError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<{ codes: string[]; title: string } | null>(null);
  const tickets = useTickets(id, page, PER_PAGE);
  const create = useCreateTickets(id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) {
      setCountError(t('tickets.countInvalid', { max: MAX_COUNT }));
      setFormError(t('common.formInvalid'));
      return;
    }
    setCountError(null);
    setFormError(null);
    setNotice(null);
    create.mutate(n, {
      onSuccess: (batch) => {
        setNotice(t('tickets.created', { n: batch.codes.length }));
        setSheet({ codes: batch.codes, title: t('tickets.sheetBatch', { n: batch.codes.length }) });
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.count) setCountError(err.fields.count.join(' '));
        setFormError(errorText(err));
      },
    });
  };

  return (
    <section className="page" aria-labelledby="tickets-title">
      <div className="page-head no-print">
        <div>
          <h1 id="tickets-title">{t('tickets.title')}</h1>
          <p className="muted page-sub">
            {target.label} · {target.unit_name}
          </p>
        </div>
        <Link to="/feedback/targets" className="btn btn-secondary">
          {t('targets.backToList')}
        </Link>
      </div>
      <p className="no-print">{t('tickets.intro')}</p>
      {!target.active && <p className="alert alert-info no-print">{t('qr.inactive')}</p>}

      <div className="no-print">
        <FormAlert message={notice} tone="success" />
      </div>

      {canWrite && (
        <form className="card form no-print" onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-title`}>
          <h2 id={`${fid}-title`}>{t('tickets.generate')}</h2>
          <FormAlert message={formError} />
          <div className="inline-form">
            <Field
              id={`${fid}-count`}
              label={t('tickets.count')}
              required
              errors={countError ? [countError] : undefined}
              hint={t('tickets.countHint', { max: MAX_COUNT })}
            >
              <input type="number" min={1} max={MAX_COUNT} step={1} value={count} onChange={(e) => setCount(e.target.value)} />
            </Field>
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('tickets.generateButton')}
            </button>
          </div>
        </form>
      )}

      {sheet && (
        <section className="card print-area ticket-sheet-wrap" aria-labelledby={`${fid}-sheet`}>
          <div className="page-head no-print">
            <h2 id={`${fid}-sheet`}>{sheet.title}</h2>
            <div className="form-actions">
              <button type="button" className="btn btn-primary" onClick={() => window.print()}>
                {t('tickets.print')}
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => setSheet(null)}>
                {t('tickets.closeSheet')}
              </button>
            </div>
          </div>
          <ul className="ticket-sheet">
            {sheet.codes.map((code) => (
              <li key={code} className="ticket-slip">
                <p className="slip-office">{target.unit_name}</p>
                <p className="slip-ask">{t('tickets.slipAsk')}</p>
                <p className="slip-url">{shortUrl(target.public_url)}</p>
                <p className="slip-code">
                  <span className="slip-code-label">{t('tickets.code')}</span> <span className="mono">{code}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="no-print" aria-labelledby={`${fid}-unused`}>
        <div className="page-head">
          <h2 id={`${fid}-unused`}>{t('tickets.unused')}</h2>
          {tickets.data && tickets.data.items.length > 0 && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                const codes = tickets.data.items.map((x) => x.code);
                setSheet({ codes, title: t('tickets.sheetPage', { n: codes.length }) });
              }}
            >
              {t('tickets.printPage')}
            </button>
          )}
        </div>
        {tickets.isPending ? (
          <Loading />
        ) : tickets.isError ? (
          <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />
        ) : tickets.data.items.length === 0 ? (
          <p className="muted">{t('tickets.none')}</p>
        ) : (
          <>
            <TableWrap label={t('tickets.title')} busy={tickets.isFetching}>
              <table className="stack">
                <caption className="visually-hidden">{t('tickets.unused')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tickets.code')}</th>
                    <th scope="col">{t('tickets.createdAt')}</th>
                    <th scope="col">{t('tickets.batch')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tickets.data.items.map((x) => (
                    <tr key={x.code}>
                      <td className="mono" data-label={t('tickets.code')}>
                        {x.code}
                      </td>
                      <td data-label={t('tickets.createdAt')}>{dateTime(x.created_at)}</td>
                      <td className="mono small" data-label={t('tickets.batch')}>
                        {x.batch_id}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pagination
              page={page}
              perPage={tickets.data.meta.per_page}
              total={tickets.data.meta.total}
              onPage={setPage}
            />
          </>
        )}
      </section>
    </section>
  );
}
