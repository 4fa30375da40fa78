// The editable list of RHK with their indicators. Controlled: the page owns the draft.
import { useI18n } from '../../../lib/i18n/i18n';
import { ASPECTS, type ParentOptions, type RhkKind } from '../api/skp';
import { emptyIndicator, emptyRhk, fieldId, LIMITS, type DraftIndicator, type DraftRhk } from '../skpDraft';

interface Props {
  draft: DraftRhk[];
  errors: Record<string, string>;
  parentOptions: ParentOptions['items'];
  supervisorName: string | null;
  onChange: (draft: DraftRhk[]) => void;
}

function Err({ id, errors }: { id: string; errors: Record<string, string> }) {
  const e = errors[id];
  return e ? (
    <p id={`${id}-error`} className="field-error">
      {e}
    </p>
  ) : null;
}

function ctl(id: string, errors: Record<string, string>) {
  return {
    id,
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby': errors[id] ? `${id}-error` : undefined,
  };
}

export function SkpEditor({ draft, errors, parentOptions, supervisorName, onChange }: Props) {
  const { t } = useI18n();

  const setRhk = (ri: number, patch: Partial<DraftRhk>) =>
    onChange(draft.map((r, i) => (i === ri ? { ...r, ...patch } : r)));
  const setInd = (ri: number, ii: number, patch: Partial<DraftIndicator>) =>
    setRhk(ri, { indicators: draft[ri]!.indicators.map((x, i) => (i === ii ? { ...x, ...patch } : x)) });

  const addRhk = (kind: RhkKind) => {
    onChange([...draft, emptyRhk(kind)]);
    // Focus the new item's description once rendered.
    setTimeout(() => document.getElementById(fieldId(draft.length, 'description'))?.focus(), 0);
  };

  return (
    <div className="skp-editor">
      <ol className="rhk-list">
        {draft.map((r, ri) => {
          const n = ri + 1;
          return (
            <li key={r.key} className="card rhk-card">
              <fieldset className="rhk-fieldset">
                <legend>{t('skp.rhkN', { n })}</legend>
                <div className="form-grid">
                  <div className="field">
                    <label htmlFor={fieldId(ri, 'kind')}>{t('skp.kindLabel')}</label>
                    <select
                      {...ctl(fieldId(ri, 'kind'), errors)}
                      value={r.kind}
                      onChange={(e) => setRhk(ri, { kind: e.target.value as RhkKind })}
                    >
                      <option value="utama">{t('skp.kind.utama')}</option>
                      <option value="tambahan">{t('skp.kind.tambahan')}</option>
                    </select>
                    <Err id={fieldId(ri, 'kind')} errors={errors} />
                  </div>
                  <div className="field">
                    <label htmlFor={fieldId(ri, 'parent_rhk_id')}>{t('skp.parent')}</label>
                    <select
                      {...ctl(fieldId(ri, 'parent_rhk_id'), errors)}
                      value={r.parentId}
                      onChange={(e) => setRhk(ri, { parentId: e.target.value })}
                    >
                      <option value="">{t('skp.noParent')}</option>
                      {parentOptions.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.description}
                        </option>
                      ))}
                    </select>
                    <p className="field-hint">
                      {parentOptions.length === 0
                        ? t('skp.noParentOptions')
                        : t('skp.parentHint', { name: supervisorName ?? t('skp.yourSupervisor') })}
                    </p>
                    <Err id={fieldId(ri, 'parent_rhk_id')} errors={errors} />
                  </div>
                </div>
                <div className={`field${errors[fieldId(ri, 'description')] ? ' field-invalid' : ''}`}>
                  <label htmlFor={fieldId(ri, 'description')}>
                    {t('skp.rhkDescription')}
                    <span className="required" aria-hidden="true">
                      {' '}
                      *
                    </span>
                  </label>
                  <textarea
                    {...ctl(fieldId(ri, 'description'), errors)}
                    rows={2}
                    maxLength={LIMITS.rhkDescription}
                    aria-required="true"
                    value={r.description}
                    onChange={(e) => setRhk(ri, { description: e.target.value })}
                  />
                  <Err id={fieldId(ri, 'description')} errors={errors} />
                </div>

                <h3 className="indicators-title">{t('skp.indicatorsTitle')}</h3>
                <ol className="indicator-list">
                  {r.indicators.map((ind, ii) => {
                    const id = (f: string) => fieldId(ri, f, ii);
                    return (
                      <li key={ind.key} className="indicator-item">
                        <fieldset>
                          <legend>{t('skp.indicatorN', { n: ii + 1, rhk: n })}</legend>
                          <div className={`field${errors[id('description')] ? ' field-invalid' : ''}`}>
                            <label htmlFor={id('description')}>
                              {t('skp.indicatorDescription')}
                              <span className="required" aria-hidden="true">
                                {' '}
                                *
                              </span>
                            </label>
                            <input
                              {...ctl(id('description'), errors)}
                              maxLength={LIMITS.indicatorDescription}
                              aria-required="true"
                              value={ind.description}
                              onChange={(e) => setInd(ri, ii, { description: e.target.value })}
                            />
                            <Err id={id('description')} errors={errors} />
                          </div>
                          <div className="form-grid">
                            <div className="field">
                              <label htmlFor={id('aspect')}>{t('skp.aspect')}</label>
                              <select
                                {...ctl(id('aspect'), errors)}
                                value={ind.aspect}
                                onChange={(e) => setInd(ri, ii, { aspect: e.target.value as DraftIndicator['aspect'] })}
                              >
                                {ASPECTS.map((a) => (
                                  <option key={a} value={a}>
                                    {t(`skp.aspect.${a}`)}
                                  </option>
                                ))}
                              </select>
                            </div>
                            <div className="field">
                              <label htmlFor={id('target_kind')}>{t('skp.targetKind')}</label>
                              <select
                                id={id('target_kind')}
                                value={ind.targetKind}
                                onChange={(e) => setInd(ri, ii, { targetKind: e.target.value as 'number' | 'text' })}
                              >
                                <option value="number">{t('skp.targetNumber')}</option>
                                <option value="text">{t('skp.targetText')}</option>
                              </select>
                            </div>
                          </div>
                          {ind.targetKind === 'number' ? (
                            <div className="form-grid">
                              <div className={`field${errors[id('target_value')] ? ' field-invalid' : ''}`}>
                                <label htmlFor={id('target_value')}>
                                  {t('skp.targetValue')}
                                  <span className="required" aria-hidden="true">
                                    {' '}
                                    *
                                  </span>
                                </label>
                                <input
                                  {...ctl(id('target_value'), errors)}
                                  inputMode="decimal"
                                  aria-required="true"
                                  value={ind.targetValue}
                                  onChange={(e) => setInd(ri, ii, { targetValue: e.target.value })}
                                />
                                <Err id={id('target_value')} errors={errors} />
                              </div>
                              <div className={`field${errors[id('target_unit')] ? ' field-invalid' : ''}`}>
                                <label htmlFor={id('target_unit')}>
                                  {t('skp.targetUnit')}
                                  <span className="required" aria-hidden="true">
                                    {' '}
                                    *
                                  </span>
                                </label>
                                <input
                                  {...ctl(id('target_unit'), errors)}
                                  maxLength={LIMITS.targetUnit}
                                  aria-required="true"
                                  placeholder={t('skp.targetUnitExample')}
                                  value={ind.targetUnit}
                                  onChange={(e) => setInd(ri, ii, { targetUnit: e.target.value })}
                                />
                                <Err id={id('target_unit')} errors={errors} />
                              </div>
                            </div>
                          ) : (
                            <div className={`field${errors[id('target_text')] ? ' field-invalid' : ''}`}>
                              <label htmlFor={id('target_text')}>
                                {t('skp.targetTextLabel')}
                                <span className="required" aria-hidden="true">
                                  {' '}
                                  *
                                </span>
                              </label>
                              <input
                                {...ctl(id('target_text'), errors)}
                                maxLength={LIMITS.targetText}
                                aria-required="true"
                                value={ind.targetText}
                                onChange={(e) => setInd(ri, ii, { targetText: e.target.value })}
                              />
                              <Err id={id('target_text')} errors={errors} />
                            </div>
                          )}
                          {r.indicators.length > 1 && (
                            <button
                              type="button"
                              className="btn btn-link btn-small"
                              onClick={() => setRhk(ri, { indicators: r.indicators.filter((_, i) => i !== ii) })}
                            >
                              {t('skp.removeIndicator', { n: ii + 1, rhk: n })}
                            </button>
                          )}
                        </fieldset>
                      </li>
                    );
                  })}
                </ol>
                <button
                  type="button"
                  id={`rhk-${ri}-add-indicator`}
                  className="btn btn-secondary btn-small"
                  disabled={r.indicators.length >= LIMITS.indicators}
                  onClick={() => setRhk(ri, { indicators: [...r.indicators, emptyIndicator()] })}
                >
                  {t('skp.addIndicator', { n })}
                </button>
                <Err id={`rhk-${ri}-add-indicator`} errors={errors} />
                {draft.length > 1 && (
                  <div className="form-actions">
                    <button
                      type="button"
                      className="btn btn-link"
                      onClick={() => onChange(draft.filter((_, i) => i !== ri))}
                    >
                      {t('skp.removeRhk', { n })}
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          id="skp-add-rhk"
          className="btn btn-secondary"
          disabled={draft.length >= LIMITS.rhk}
          onClick={() => addRhk('utama')}
        >
          {t('skp.addUtama')}
        </button>
        <button type="button" className="btn btn-secondary" disabled={draft.length >= LIMITS.rhk} onClick={() => addRhk('tambahan')}>
          {t('skp.addTambahan')}
        </button>
      </div>
      <Err id="skp-add-rhk" errors={errors} />
    </div>
  );
}
