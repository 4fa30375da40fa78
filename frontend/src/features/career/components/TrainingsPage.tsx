// "Katalog Pelatihan": the training catalogue used by recommendations and plans. Everyone
// on the HR side reads it; admin/HR add, edit, deactivate, delete and import.
import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n/i18n';
import { canWriteMasterData, useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useDebounced } from '../../../lib/useDebounced';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TableWrap } from '../../../components/TableWrap';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import {
  importTrainingsCsv,
  trainingKeys,
  useDeleteTraining,
  useTrainings,
  useValues,
  type TrainingFilters,
} from '../api/trainings';
import { TRAINING_MODES, type Training, type TrainingMode } from '../api/types';
import type { CoreValue } from '../../../api/types';
import { CareerNav } from './CareerNav';
import { CsvImport } from './CsvImport';
import { TrainingForm } from './TrainingForm';
import { useEnumLabel } from './format';

const COLUMNS = ['title', 'provider', 'value_code', 'competency', 'hours', 'mode'] as const;
const TEMPLATE =
  'title,provider,value_code,competency,hours,mode\n' +
  'Pelayanan Prima,BPSDM Provinsi NTB,berorientasi_pelayanan,Pelayanan publik,20,klasikal\n';

type Notice = { text: string; tone: 'success' | 'error' } | null;

export function TrainingsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('career.trainings.title'));
  const label = useEnumLabel();
  const fid = useId();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canWrite = canWriteMasterData(me);
  const values = useValues();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Omit<TrainingFilters, 'q'>>({ valueCode: '', mode: '', active: '' });
  const debouncedQ = useDebounced(q, 300);
  const list = useTrainings({ ...filters, q: debouncedQ });
  const remove = useDeleteTraining();
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Training | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const valueName = (code: string) => {
    const v = values.data?.find((x) => x.code === code);
    return v ? (lang === 'en' ? v.name_en : v.name) : code;
  };

  return (
    <section className="page career" aria-labelledby="tr-title">
      <CareerNav />
      <div className="page-head">
        <h1 id="tr-title">{t('career.trainings.title')}</h1>
        {canWrite && editing === null && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('career.trainings.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('career.trainings.intro')}</p>
      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />

      {editing !== null && (
        <TrainingForm
          training={editing === 'new' ? null : editing}
          values={values.data ?? []}
          onCancel={() => setEditing(null)}
          onSaved={(tr, created) => {
            setEditing(null);
            setNotice({ text: t(created ? 'career.trainings.created' : 'career.trainings.saved', { title: tr.title }), tone: 'success' });
          }}
        />
      )}

      <div className="toolbar" role="search">
        <div className="toolbar-item">
          <label htmlFor={`${fid}-q`}>{t('common.search')}</label>
          <input id={`${fid}-q`} type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="toolbar-item">
          <label htmlFor={`${fid}-value`}>{t('career.trainings.value')}</label>
          <select
            id={`${fid}-value`}
            value={filters.valueCode}
            onChange={(e) => setFilters((f) => ({ ...f, valueCode: e.target.value as '' | CoreValue }))}
          >
            <option value="">{t('common.all')}</option>
            {values.data?.map((v) => (
              <option key={v.code} value={v.code}>
                {lang === 'en' ? v.name_en : v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-item">
          <label htmlFor={`${fid}-mode`}>{t('career.trainings.mode')}</label>
          <select
            id={`${fid}-mode`}
            value={filters.mode}
            onChange={(e) => setFilters((f) => ({ ...f, mode: e.target.value as TrainingMode | '' }))}
          >
            <option value="">{t('common.all')}</option>
            {TRAINING_MODES.map((m) => (
              <option key={m} value={m}>
                {label('mode', m)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-item">
          <label htmlFor={`${fid}-active`}>{t('career.trainings.status')}</label>
          <select
            id={`${fid}-active`}
            value={filters.active}
            onChange={(e) => setFilters((f) => ({ ...f, active: e.target.value as TrainingFilters['active'] }))}
          >
            <option value="">{t('common.all')}</option>
            <option value="true">{t('career.trainings.active')}</option>
            <option value="false">{t('career.trainings.inactive')}</option>
          </select>
        </div>
      </div>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <TableWrap label={t('career.trainings.title')} busy={list.isFetching}>
          <table className="stack">
            <caption>{t('career.trainings.caption', { n: list.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('career.trainings.name')}</th>
                <th scope="col">{t('career.trainings.value')}</th>
                <th scope="col" className="num">
                  {t('career.hours.jp')}
                </th>
                <th scope="col">{t('career.trainings.mode')}</th>
                <th scope="col">{t('career.trainings.status')}</th>
                {canWrite && <th scope="col">{t('career.item.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 && (
                <tr>
                  <td colSpan={canWrite ? 6 : 5}>{t('career.trainings.empty')}</td>
                </tr>
              )}
              {list.data.items.map((tr) => (
                <tr key={tr.id}>
                  <td data-label={t('career.trainings.name')}>
                    <strong>{tr.title}</strong>
                    <br />
                    <span className="muted small">
                      {tr.provider}
                      {tr.competency && ` · ${tr.competency}`}
                    </span>
                  </td>
                  <td data-label={t('career.trainings.value')}>
                    {tr.value_code ? valueName(String(tr.value_code)) : t('career.trainings.general')}
                  </td>
                  <td className="num" data-label={t('career.hours.jp')}>
                    {tr.hours}
                  </td>
                  <td data-label={t('career.trainings.mode')}>{label('mode', tr.mode)}</td>
                  <td data-label={t('career.trainings.status')}>
                    <span className={`badge ${tr.active ? 'badge-ok' : 'badge-off'}`}>
                      {tr.active ? t('career.trainings.active') : t('career.trainings.inactive')}
                    </span>
                  </td>
                  {canWrite && (
                    <td data-label={t('career.item.actions')}>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          onClick={() => {
                            setNotice(null);
                            setEditing(tr);
                          }}
                        >
                          {t('common.edit')}
                          <span className="visually-hidden">: {tr.title}</span>
                        </button>
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          onClick={() => {
                            remove.reset();
                            setDeleting(tr);
                          }}
                        >
                          {t('career.trainings.delete')}
                          <span className="visually-hidden">: {tr.title}</span>
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {canWrite && (
        <CsvImport
          title={t('career.trainings.importTitle')}
          columns={COLUMNS}
          template={TEMPLATE}
          templateName="templat-katalog-pelatihan.csv"
          run={importTrainingsCsv}
          onImported={() => void qc.invalidateQueries({ queryKey: trainingKeys.all })}
        />
      )}

      {deleting && (
        <ConfirmDialog
          title={t('career.trainings.deleteTitle')}
          confirmLabel={t('career.trainings.delete')}
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setNotice({ text: t('career.trainings.deleted', { title: deleting.title }), tone: 'success' });
                setDeleting(null);
              },
            })
          }
        >
          <p>{t('career.trainings.deleteBody', { title: deleting.title })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
