import { useId, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, type RowProblem } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { FormAlert } from '../../../components/Status';
import type { ImportReport } from '../../../api/types';
import { useImportEmployees } from '../api/import';
import { IMPORT_COLUMNS, readCsvFile, templateHref } from '../csv';
import { RowErrorsTable } from './ImportReport';

type Outcome =
  | { kind: 'report'; csv: string; report: ImportReport }
  | { kind: 'rejected'; rows: RowProblem[]; message: string };

export function ImportPage() {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('import.title'));
  const fid = useId();
  const [csv, setCsv] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [check, setCheck] = useState<Outcome | null>(null);
  const [result, setResult] = useState<Outcome | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const checkMutation = useImportEmployees();
  const runMutation = useImportEmployees();

  const changeCsv = (text: string) => {
    setCsv(text);
    // Any edit invalidates an earlier check: import needs a fresh clean dry run.
    setCheck(null);
    setResult(null);
    setMessage(null);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    // Let the same file be chosen again after it was edited on disk.
    input.value = '';
    try {
      changeCsv(await readCsvFile(file));
      setFileNote(t('import.fileLoaded', { name: file.name, size: file.size }));
    } catch (err) {
      setMessage(errorText(err));
    }
  };

  const failure = (err: unknown): Outcome | null => {
    if (err instanceof ApiError && err.rows.length > 0) {
      return { kind: 'rejected', rows: err.rows, message: errorText(err) };
    }
    setMessage(errorText(err));
    return null;
  };

  const onCheck = () => {
    setMessage(null);
    setResult(null);
    if (!csv.trim()) {
      setMessage(t('import.empty'));
      return;
    }
    const sent = csv;
    checkMutation.mutate(
      { csv: sent, dryRun: true },
      {
        onSuccess: (report) => setCheck({ kind: 'report', csv: sent, report }),
        onError: (err) => setCheck(failure(err)),
      },
    );
  };

  const clean = check?.kind === 'report' && check.csv === csv && check.report.errors.length === 0;

  const onImport = () => {
    if (!clean) return;
    setMessage(null);
    runMutation.mutate(
      { csv, dryRun: false },
      {
        onSuccess: (report) => {
          setResult({ kind: 'report', csv, report });
          setCheck(null);
        },
        onError: (err) => setResult(failure(err)),
      },
    );
  };

  const busy = checkMutation.isPending || runMutation.isPending;

  return (
    <section className="page" aria-labelledby="import-title">
      <div className="page-head">
        <h1 id="import-title">{t('import.title')}</h1>
        <a className="btn btn-secondary" href={templateHref()} download="templat-impor-pegawai.csv">
          {t('import.template')}
        </a>
      </div>
      <p className="muted">{t('import.intro')}</p>
      <p className="muted small">
        <code>{IMPORT_COLUMNS.join(',')}</code>
      </p>

      <div className="card form">
        <div className="field">
          <label htmlFor={`${fid}-file`}>{t('import.file')}</label>
          <input id={`${fid}-file`} type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
          {fileNote && (
            <p className="field-hint" aria-live="polite">
              {fileNote}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${fid}-paste`}>{t('import.paste')}</label>
          <textarea
            id={`${fid}-paste`}
            rows={10}
            spellCheck={false}
            className="mono"
            value={csv}
            onChange={(e) => changeCsv(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCheck} disabled={busy}>
            {checkMutation.isPending ? t('import.checking') : t('import.check')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={onImport}
            disabled={!clean || busy}
            aria-describedby={clean ? undefined : `${fid}-need-check`}
          >
            {runMutation.isPending ? t('import.running') : t('import.run')}
          </button>
        </div>
        {!clean && (
          <p id={`${fid}-need-check`} className="field-hint">
            {t('import.needCheck')}
          </p>
        )}
      </div>

      <FormAlert message={message} />

      <div aria-live="polite">
        {check && (
          <section className="report" aria-label={t('import.reportTitle')}>
            <h2>{t('import.reportTitle')}</h2>
            <OutcomeView outcome={check} dryRun />
          </section>
        )}
        {result && (
          <section className="report" aria-label={t('import.resultTitle')}>
            <h2>{t('import.resultTitle')}</h2>
            <OutcomeView outcome={result} dryRun={false} />
            {result.kind === 'report' && (
              <p>
                <Link to="/admin/employees">{t('nav.employees')} →</Link>
              </p>
            )}
          </section>
        )}
      </div>
    </section>
  );
}

function OutcomeView({ outcome, dryRun }: { outcome: Outcome; dryRun: boolean }) {
  const { t } = useI18n();
  if (outcome.kind === 'rejected') {
    return (
      <>
        <p className="alert alert-error" role="alert">
          {outcome.message}
        </p>
        <RowErrorsTable rows={outcome.rows} caption={t('import.errorList')} />
      </>
    );
  }
  const r = outcome.report;
  if (r.errors.length > 0) {
    return (
      <>
        <p className="alert alert-error" role="alert">
          {t('import.rowErrors', { n: r.errors.length })}
        </p>
        <RowErrorsTable rows={r.errors} caption={t('import.errorList')} />
      </>
    );
  }
  const counts = { created: r.created, updated: r.updated, unchanged: r.unchanged, total: r.total };
  return (
    <p className="alert alert-success" role="status">
      {dryRun ? t('import.allValid', counts) : t('import.done', counts)}
    </p>
  );
}
