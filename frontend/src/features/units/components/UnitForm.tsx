import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { ApiError, unwrap, type FieldErrors } from '../../../lib/api/errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { orNull } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { Field } from '../../../components/Field';
import { FormAlert } from '../../../components/Status';
import { UNIT_KINDS, type Unit, type UnitKind } from '../../../api/types';
import { usePutUnit } from '../api/units';

// Mirrors the server: letters, digits, '-', '_', '.', at most 64 characters.
const CODE_RE = /^[A-Za-z0-9._-]{1,64}$/;

interface Props {
  unit: Unit | null;
  onDone: (unit: Unit, created: boolean) => void;
  onCancel: () => void;
}

export function UnitForm({ unit, onDone, onCancel }: Props) {
  const { t, label, errorText } = useI18n();
  const fid = useId();
  const [code, setCode] = useState(unit?.code ?? '');
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<string>(unit?.kind ?? 'kecamatan');
  const [parent, setParent] = useState(unit?.parent_code ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const put = usePutUnit();

  // Suggestions for the parent code, filtered by what is typed.
  const parentQ = useDebounced(parent.trim(), 300);
  const parents = useQuery({
    queryKey: ['units', 'parent-options', parentQ],
    queryFn: () => unwrap(api.GET('/api/v1/units', { params: { query: { q: parentQ || undefined, per_page: 50 } } })),
    staleTime: 30_000,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: FieldErrors = {};
    const c = code.trim();
    if (!c) next.code = [t('common.required')];
    else if (!CODE_RE.test(c)) next.code = [t('units.codeInvalid')];
    if (!name.trim()) next.name = [t('common.required')];
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setFormError(t('common.formInvalid'));
      return;
    }
    setFormError(null);
    put.mutate(
      // The select only offers UNIT_KINDS (plus an unknown stored value, which the server rejects).
      { code: c, body: { name: name.trim(), kind: kind as UnitKind, parent_code: orNull(parent) } },
      {
        onSuccess: ({ data, status }) => onDone(data, status === 201),
        onError: (err) => {
          let message = errorText(err);
          if (err instanceof ApiError) {
            setErrors(err.fields);
            const known = ['code', 'name', 'kind', 'parent_code'];
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

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{unit ? t('units.editTitle', { code: unit.code }) : t('units.newTitle')}</h2>
      <FormAlert message={formError} />
      <div className="form-grid">
        <Field id={`${fid}-code`} label={t('field.code')} required errors={errors.code} hint={unit ? undefined : t('units.codeHint')}>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            readOnly={!!unit}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
          />
        </Field>
        <Field id={`${fid}-name`} label={t('field.name')} required errors={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id={`${fid}-kind`} label={t('field.kind')} required errors={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {!(UNIT_KINDS as readonly string[]).includes(kind) && <option value={kind}>{kind}</option>}
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {label('kind', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${fid}-parent`} label={t('field.parentCode')} errors={errors.parent_code}>
          <input
            value={parent}
            onChange={(e) => setParent(e.target.value)}
            list={`${fid}-parents`}
            autoCapitalize="characters"
            spellCheck={false}
            placeholder={t('units.parentNone')}
          />
        </Field>
        <datalist id={`${fid}-parents`}>
          {parents.data?.items
            .filter((u) => u.code !== code)
            .map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
        </datalist>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={put.isPending}>
          {put.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
