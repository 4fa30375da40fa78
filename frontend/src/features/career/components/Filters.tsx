// Filter controls shared by the HR pages: unit and year, kept in the URL.
import { useParamUpdate } from '../../../lib/useParamUpdate';
import { useI18n } from '../../../lib/i18n/i18n';
import { UnitSelect } from '../../../components/UnitSelect';
import { currentYear, parseYear } from './format';

/** Unit, year (default `defaultYear`) and other filters kept in the URL. */
export function useFilterParams(defaultYear = currentYear()) {
  const [params, setParam] = useParamUpdate();
  const unitCode = params.get('unit') ?? '';
  const year = parseYear(params.get('year'), defaultYear);
  const update = (changes: Record<string, string>) => setParam(changes, true);
  return { params, unitCode, year, update };
}

export function UnitFilter({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="toolbar-item">
      <label htmlFor={id}>{t('field.unit')}</label>
      <UnitSelect id={id} value={value} onChange={onChange} emptyLabel={t('common.all')} />
    </div>
  );
}

export function YearFilter({ id, value, onChange }: { id: string; value: number; onChange: (v: number) => void }) {
  const { t } = useI18n();
  const now = currentYear();
  const years = Array.from({ length: 6 }, (_, i) => now - i);
  if (!years.includes(value)) years.push(value);
  return (
    <div className="toolbar-item">
      <label htmlFor={id}>{t('career.year')}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
