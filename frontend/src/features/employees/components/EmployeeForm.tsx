import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, type FieldErrors } from '../../../lib/api/errors';
import { useI18n, type Translate } from '../../../lib/i18n/i18n';
import { checkNip, parseNip } from '../../../lib/validation/nip';
import { orNull } from '../../../lib/format';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import {
  EMPLOYEE_STATUSES,
  JENIS_JABATAN,
  type Employee,
  type EmployeeInput,
  type EmployeeStatus,
  type JenisJabatan,
  type Golongan,
} from '../../../api/types';
import { useGolongan, usePutEmployee, useUnitOptions } from '../api/employees';

interface Values {
  nip: string;
  name: string;
  gelar_depan: string;
  gelar_belakang: string;
  // Strings rather than the known unions: the API may carry values this build does not know.
  status: string;
  golongan: string;
  jabatan: string;
  jenis_jabatan: string;
  unit_code: string;
  supervisor_nip: string;
  email: string;
  active: boolean;
}

function initialValues(e: Employee | null): Values {
  return {
    nip: e?.nip ?? '',
    name: e?.name ?? '',
    gelar_depan: e?.gelar_depan ?? '',
    gelar_belakang: e?.gelar_belakang ?? '',
    status: e?.status ?? 'PNS',
    golongan: e?.golongan ?? '',
    jabatan: e?.jabatan ?? '',
    jenis_jabatan: e?.jenis_jabatan ?? 'pelaksana',
    unit_code: e?.unit_code ?? '',
    supervisor_nip: e?.supervisor_nip ?? '',
    email: e?.email ?? '',
    active: e?.active ?? true,
  };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 200;
const MAX_GELAR = 100;

/** Client-side checks mirroring the server's rules; the server's field errors still win. */
export function validateEmployee(
  v: Values,
  nip: string,
  isNew: boolean,
  t: Translate,
  golongan?: readonly Golongan[],
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: keyof Values, message: string) => {
    (errors[field] ??= []).push(message);
  };
  const nipCheck = parseNip(nip);
  if (isNew && !nipCheck.ok) add('nip', t(nipCheck.problem.key, nipCheck.problem.params));
  for (const field of ['name', 'jabatan'] as const) {
    const value = v[field].trim();
    if (!value) add(field, t('common.required'));
    else if ([...value].length > MAX_TEXT) add(field, t('employees.tooLong', { max: MAX_TEXT }));
  }
  for (const field of ['gelar_depan', 'gelar_belakang'] as const) {
    if ([...v[field].trim()].length > MAX_GELAR) add(field, t('employees.tooLong', { max: MAX_GELAR }));
  }
  if (nipCheck.ok && nipCheck.kind !== v.status) {
    add('status', t('employees.statusMismatch', { status: v.status, kind: nipCheck.kind }));
  }
  const gol = v.golongan.trim();
  if (!gol) add('golongan', t('common.required'));
  else if (golongan && golongan.length > 0 && !golongan.some((g) => g.code === gol && g.status === v.status)) {
    add('golongan', t('employees.golonganInvalid', { golongan: gol, status: v.status }));
  }
  if (!v.unit_code.trim()) add('unit_code', t('common.required'));
  const sup = v.supervisor_nip.trim();
  if (sup) {
    const p = checkNip(sup);
    if (p) add('supervisor_nip', t(p.key, p.params));
    else if (sup === nip.trim()) add('supervisor_nip', t('employees.supervisorSelf'));
  }
  const email = v.email.trim();
  if (email && (!EMAIL_RE.test(email) || email.length > 254)) add('email', t('employees.emailInvalid', { email }));
  return errors;
}

function toInput(v: Values): EmployeeInput {
  return {
    name: v.name.trim(),
    gelar_depan: orNull(v.gelar_depan),
    gelar_belakang: orNull(v.gelar_belakang),
    // validate() has checked both against the known values before toInput runs.
    status: v.status as EmployeeStatus,
    golongan: v.golongan.trim(),
    jabatan: v.jabatan.trim(),
    jenis_jabatan: v.jenis_jabatan as JenisJabatan,
    unit_code: v.unit_code.trim(),
    supervisor_nip: orNull(v.supervisor_nip),
    email: orNull(v.email),
    active: v.active,
  };
}

interface Props {
  employee: Employee | null;
  onSaved: (employee: Employee, created: boolean) => void;
  onCancel?: () => void;
  /** 1 when the form is the page's main content. */
  headingLevel?: 1 | 2;
}

export function EmployeeForm({ employee, onSaved, onCancel, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const { t, label, errorText } = useI18n();
  const fid = useId();
  const isNew = employee === null;
  const [values, setValues] = useState<Values>(() => initialValues(employee));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const units = useUnitOptions();
  const golongan = useGolongan();
  const put = usePutEmployee();

  const formRef = useRef<HTMLFormElement>(null);

  const clearError = (key: keyof Values) =>
    setErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    clearError(key);
  };
  // Move focus to the first field the user has to fix.
  const focusFirstInvalid = () =>
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const nip = isNew ? values.nip.trim() : employee.nip;
    const found = validateEmployee(values, nip, isNew, t, golongan.data);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('common.formInvalid'));
      focusFirstInvalid();
      return;
    }
    setFormError(null);
    put.mutate(
      { nip, body: toInput(values) },
      {
        onSuccess: ({ data, status }) => onSaved(data, status === 201),
        onError: (err) => {
          let message = errorText(err);
          if (err instanceof ApiError) {
            setErrors(err.fields);
            focusFirstInvalid();
            // Errors for fields this form has no input for are shown with the form message.
            const known = Object.keys(values);
            const other = Object.entries(err.fields)
              .filter(([k]) => !known.includes(k))
              .flatMap(([k, msgs]) => msgs.map((m) => `${k}: ${m}`));
            if (other.length > 0) message = `${message} ${other.join('; ')}`;
          }
          setFormError(message);
        },
      },
    );
  };

  const golonganOptions = golongan.data?.filter((g) => g.status === values.status) ?? [];
  const unitKnown = units.data?.some((u) => u.code === values.unit_code) ?? false;
  const golonganKnown = golonganOptions.some((g) => g.code === values.golongan);
  const f = (name: string) => `${fid}-${name}`;

  return (
    <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate aria-labelledby={f('title')}>
      <Heading id={f('title')}>{isNew ? t('employees.newTitle') : t('employees.editTitle')}</Heading>
      <FormAlert message={formError} />
      <div className="form-grid">
        <Field id={f('nip')} label={t('field.nip')} required={isNew} errors={errors.nip}>
          <input
            value={values.nip}
            onChange={(e) => {
              const nip = e.target.value;
              const parsed = parseNip(nip);
              // Digit 13 decides PNS or PPPK: follow it so the grade list fits.
              setValues((v) =>
                parsed.ok && parsed.kind !== v.status ? { ...v, nip, status: parsed.kind, golongan: '' } : { ...v, nip },
              );
              clearError('nip');
            }}
            readOnly={!isNew}
            inputMode="numeric"
            autoComplete="off"
            maxLength={18}
            className="mono"
          />
        </Field>
        <Field id={f('name')} label={t('field.name')} required errors={errors.name}>
          <input value={values.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        </Field>
        <Field id={f('gelar_depan')} label={t('field.gelarDepan')} errors={errors.gelar_depan}>
          <input value={values.gelar_depan} onChange={(e) => set('gelar_depan', e.target.value)} />
        </Field>
        <Field id={f('gelar_belakang')} label={t('field.gelarBelakang')} errors={errors.gelar_belakang}>
          <input value={values.gelar_belakang} onChange={(e) => set('gelar_belakang', e.target.value)} />
        </Field>
        <Field id={f('status')} label={t('field.status')} required errors={errors.status}>
          <select
            value={values.status}
            onChange={(e) => {
              const status = e.target.value;
              setValues((v) => ({ ...v, status, golongan: status === v.status ? v.golongan : '' }));
              clearError('status');
            }}
          >
            {!(EMPLOYEE_STATUSES as readonly string[]).includes(values.status) && (
              <option value={values.status}>{values.status}</option>
            )}
            {EMPLOYEE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field id={f('golongan')} label={t('field.golongan')} required errors={errors.golongan}>
          {golongan.isSuccess ? (
            <select value={values.golongan} onChange={(e) => set('golongan', e.target.value)}>
              <option value="">{t('employees.chooseGolongan')}</option>
              {!golonganKnown && values.golongan && <option value={values.golongan}>{values.golongan}</option>}
              {golonganOptions.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.pangkat ? `${g.code} — ${g.pangkat}` : g.code}
                </option>
              ))}
            </select>
          ) : (
            <input value={values.golongan} onChange={(e) => set('golongan', e.target.value)} placeholder="III/b" />
          )}
        </Field>
        <Field id={f('jabatan')} label={t('field.jabatan')} required errors={errors.jabatan}>
          <input value={values.jabatan} onChange={(e) => set('jabatan', e.target.value)} />
        </Field>
        <Field id={f('jenis_jabatan')} label={t('field.jenisJabatan')} required errors={errors.jenis_jabatan}>
          <select value={values.jenis_jabatan} onChange={(e) => set('jenis_jabatan', e.target.value)}>
            {!(JENIS_JABATAN as readonly string[]).includes(values.jenis_jabatan) && (
              <option value={values.jenis_jabatan}>{values.jenis_jabatan}</option>
            )}
            {JENIS_JABATAN.map((j) => (
              <option key={j} value={j}>
                {label('jenis', j)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={f('unit_code')} label={t('field.unit')} required errors={errors.unit_code}>
          {units.isSuccess ? (
            <select value={values.unit_code} onChange={(e) => set('unit_code', e.target.value)}>
              <option value="">{t('employees.chooseUnit')}</option>
              {!unitKnown && values.unit_code && (
                <option value={values.unit_code}>
                  {values.unit_code}
                  {employee?.unit_name ? ` — ${employee.unit_name}` : ''}
                </option>
              )}
              {units.data.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.code} — {u.name}
                </option>
              ))}
            </select>
          ) : (
            <input value={values.unit_code} onChange={(e) => set('unit_code', e.target.value.toUpperCase())} />
          )}
        </Field>
        <Field id={f('supervisor_nip')} label={t('field.supervisorNip')} errors={errors.supervisor_nip}>
          <input
            value={values.supervisor_nip}
            onChange={(e) => set('supervisor_nip', e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            className="mono"
          />
        </Field>
        <Field id={f('email')} label={t('field.email')} errors={errors.email}>
          <input type="email" value={values.email} onChange={(e) => set('email', e.target.value)} autoComplete="off" />
        </Field>
        <div className="field field-check">
          <input
            id={f('active')}
            type="checkbox"
            checked={values.active}
            onChange={(e) => set('active', e.target.checked)}
          />
          <label htmlFor={f('active')}>{t('field.active')}</label>
          {errors.active && <p className="field-error">{errors.active.join(' ')}</p>}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={put.isPending}>
          {put.isPending ? t('common.saving') : t('common.save')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
