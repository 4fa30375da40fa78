// CSV import with a dry run first and a row-by-row report (all or nothing on the server).
import { useId, useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError, type RowProblem } from '../../../lib/api/errors';
import { FormAlert } from '../../../components/Status';
import type { CareerImportReport } from '../api/types';

type Outcome =
  | { kind: 'report'; csv: string; report: CareerImportReport }
  | { kind: 'rejected'; rows: RowProblem[]; message: string };

interface Props {
  /** Heading of the import block. */
  title: string;
  columns: readonly string[];
  /** An example file the user can download and fill in. */
  template: string;
  templateName: string;
  run: (csv: string, dryRun: boolean) => Promise<CareerImportReport>;
  onImported?: (report: CareerImportReport) => void;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function CsvImport({ title, columns, template, templateName, run, onImported }: Props) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [csv, setCsv] = useState('');
  const [outcome, setOutcome] = useState<{ dryRun: boolean; value: Outcome } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: ({ text, dryRun }: { text: string; dryRun: boolean }) => run(text, dryRun) });

  const change = (text: string) => {
    setCsv(text);
    setOutcome(null);
    setMessage(null);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setMessage(t('career.import.tooLarge'));
      return;
    }
    change(await file.text());
  };

  const go = (dryRun: boolean) => {
    setMessage(null);
    if (!csv.trim()) {
      setMessage(t('career.import.empty'));
      return;
    }
    const text = csv;
    mutation.mutate(
      { text, dryRun },
      {
        onSuccess: (report) => {
          setOutcome({ dryRun, value: { kind: 'report', csv: text, report } });
          if (!dryRun) onImported?.(report);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.rows.length > 0)
            setOutcome({ dryRun, value: { kind: 'rejected', rows: err.rows, message: errorText(err) } });
          else setMessage(errorText(err));
        },
      },
    );
  };

  const clean =
    outcome?.dryRun === true &&
    outcome.value.kind === 'report' &&
    outcome.value.csv === csv &&
    outcome.value.report.errors.length === 0;
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(template)}`;

  return (
    <section className="card" aria-labelledby={`${fid}-h`}>
      <h2 id={`${fid}-h`}>{title}</h2>
      <p className="muted small">
        {t('career.import.columns')}: <code>{columns.join(',')}</code>{' '}
        <a href={templateHref} download={templateName}>
          {t('career.import.template')}
        </a>
      </p>
      <div className="field">
        <label htmlFor={`${fid}-file`}>{t('career.import.file')}</label>
        <input id={`${fid}-file`} type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
      </div>
      <div className="field">
        <label htmlFor={`${fid}-text`}>{t('career.import.paste')}</label>
        <textarea
          id={`${fid}-text`}
          className="mono"
          rows={6}
          spellCheck={false}
          value={csv}
          onChange={(e) => change(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" disabled={mutation.isPending} onClick={() => go(true)}>
          {t('career.import.check')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!clean || mutation.isPending}
          onClick={() => go(false)}
          aria-describedby={clean ? undefined : `${fid}-need`}
        >
          {t('career.import.run')}
        </button>
      </div>
      {!clean && (
        <p id={`${fid}-need`} className="field-hint">
          {t('career.import.needCheck')}
        </p>
      )}
      <FormAlert message={message} />
      <div aria-live="polite">{outcome && <OutcomeView outcome={outcome.value} dryRun={outcome.dryRun} />}</div>
    </section>
  );
}

function OutcomeView({ outcome, dryRun }: { outcome: Outcome; dryRun: boolean }) {
  const { t } = useI18n();
  if (outcome.kind === 'rejected' || outcome.report.errors.length > 0) {
    const rows = outcome.kind === 'rejected' ? outcome.rows : outcome.report.errors;
    return (
      <>
        <p className="alert alert-error" role="alert">
          {outcome.kind === 'rejected' ? outcome.message : t('career.import.rowErrors', { n: rows.length })}
        </p>
        <RowTable rows={rows} />
      </>
    );
  }
  const r = outcome.report;
  const counts = { total: r.total, created: r.created, updated: r.updated };
  return (
    <p className="alert alert-success" role="status">
      {dryRun ? t('career.import.valid', counts) : t('career.import.done', counts)}
    </p>
  );
}

function RowTable({ rows }: { rows: readonly RowProblem[] }) {
  const { t } = useI18n();
  const sorted = [...rows].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
  return (
    <div className="table-wrap">
      <table className="stack">
        <caption>{t('career.import.report')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('career.import.row')}
            </th>
            <th scope="col">{t('career.import.column')}</th>
            <th scope="col">{t('career.import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => (
            <tr key={`${r.row}-${r.field}-${i}`}>
              <td className="num" data-label={t('career.import.row')}>
                {r.row}
              </td>
              <td className="mono" data-label={t('career.import.column')}>
                {r.field || t('common.none')}
              </td>
              <td data-label={t('career.import.message')}>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
