// Potensi entry (one employee, from an assessment) and CSV import, for admin/HR.
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { checkNip } from '../../../lib/validation/nip';
import { talentKeys, useAddPotensi, usePotensi } from '../api/talent';
import { importPotensiCsv } from '../api/trainings';
import type { Potensi } from '../api/types';
import { CsvImport } from './CsvImport';
import { todayIso, useDate, useEnumLabel } from './format';

const LEVELS: readonly Potensi[] = ['tinggi', 'menengah', 'rendah'];
const POTENSI_COLUMNS = ['nip', 'level', 'source', 'assessed_on'] as const;
const POTENSI_TEMPLATE = 'nip,level,source,assessed_on\n199303152017122027,menengah,Asesmen kompetensi BKD 2026,2026-10-01\n';

export function PotensiPanel() {
  const { t } = useI18n();
  const qc = useQueryClient();
  return (
    <>
      <PotensiForm />
      <CsvImport
        title={t('career.potensi.importTitle')}
        columns={POTENSI_COLUMNS}
        template={POTENSI_TEMPLATE}
        templateName="templat-potensi.csv"
        run={importPotensiCsv}
        onImported={() => void qc.invalidateQueries({ queryKey: talentKeys.all })}
      />
    </>
  );
}

function PotensiForm() {
  const { t, errorText } = useI18n();
  const label = useEnumLabel();
  const date = useDate();
  const fid = useId();
  const add = useAddPotensi();
  const [nip, setNip] = useState('');
  const [level, setLevel] = useState<Potensi | ''>('');
  const [source, setSource] = useState('');
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const history = usePotensi(nip.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string[]> = {};
    const n = nip.trim();
    if (!n) local.nip = [t('common.required')];
    else {
      const problem = checkNip(n);
      if (problem) local.nip = [t(problem.key, problem.params)];
    }
    if (!level) local.level = [t('common.required')];
    if (!source.trim()) local.source = [t('common.required')];
    else if (source.trim().length > 200) local.source = [t('career.form.maxLength', { n: 200 })];
    if (!assessedOn) local.assessed_on = [t('common.required')];
    else if (assessedOn > todayIso()) local.assessed_on = [t('career.potensi.future')];
    setErrors(local);
    if (Object.keys(local).length > 0 || !level) {
      setMessage({ text: t('common.formInvalid'), tone: 'error' });
      return;
    }
    setMessage(null);
    add.mutate(
      { nip: n, body: { level, source: source.trim(), assessed_on: assessedOn } },
      {
        onSuccess: () => {
          setMessage({ text: t('career.potensi.saved', { nip: n, level: label('potensi', level) }), tone: 'success' });
          setSource('');
        },
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.fields);
          setMessage({ text: errorText(err), tone: 'error' });
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby={`${fid}-h`}>
      <h2 id={`${fid}-h`}>{t('career.potensi.title')}</h2>
      <p className="muted small">{t('career.potensi.intro')}</p>
      <FormAlert message={message?.tone === 'error' ? message.text : null} />
      <FormAlert message={message?.tone === 'success' ? message.text : null} tone="success" />
      <form onSubmit={submit} noValidate className="form-grid">
        <Field id={`${fid}-nip`} label={t('career.col.nip')} errors={errors.nip} required>
          <input inputMode="numeric" maxLength={18} value={nip} onChange={(e) => setNip(e.target.value)} />
        </Field>
        <Field id={`${fid}-level`} label={t('career.potensi.level')} errors={errors.level} required>
          <select value={level} onChange={(e) => setLevel(e.target.value as Potensi | '')}>
            <option value="">{t('career.choose')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {label('potensi', l)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${fid}-source`} label={t('career.potensi.source')} errors={errors.source} required>
          <input maxLength={200} value={source} onChange={(e) => setSource(e.target.value)} />
        </Field>
        <Field id={`${fid}-date`} label={t('career.potensi.assessedOn')} errors={errors.assessed_on} required>
          <input type="date" max={todayIso()} value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {add.isPending ? t('common.saving') : t('career.potensi.save')}
          </button>
        </div>
      </form>
      {history.data && history.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <caption>{t('career.potensi.history', { nip: history.data.nip })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('career.potensi.assessedOn')}</th>
                <th scope="col">{t('career.potensi.level')}</th>
                <th scope="col">{t('career.potensi.source')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('career.potensi.assessedOn')}>{date(p.assessed_on)}</td>
                  <td data-label={t('career.potensi.level')}>{label('potensi', p.level)}</td>
                  <td data-label={t('career.potensi.source')}>{p.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
