// The SKP editor's working copy: conversion from and to the API shape, and the client-side
// checks that mirror the server's 422s (the server still decides).
import type { Aspect, RhkKind, Skp, SkpInput } from './api/skp';

export interface DraftIndicator {
  key: string;
  id?: string;
  aspect: Aspect;
  description: string;
  targetKind: 'number' | 'text';
  targetValue: string;
  targetUnit: string;
  targetText: string;
}

export interface DraftRhk {
  key: string;
  id?: string;
  kind: RhkKind;
  description: string;
  parentId: string;
  indicators: DraftIndicator[];
}

export const LIMITS = {
  rhk: 30,
  indicators: 10,
  rhkDescription: 2000,
  indicatorDescription: 1000,
  targetUnit: 50,
  targetText: 1000,
} as const;

let counter = 0;
const newKey = () => `k${++counter}`;

export function emptyIndicator(): DraftIndicator {
  return { key: newKey(), aspect: 'kuantitas', description: '', targetKind: 'number', targetValue: '', targetUnit: '', targetText: '' };
}

export function emptyRhk(kind: RhkKind = 'utama'): DraftRhk {
  return { key: newKey(), kind, description: '', parentId: '', indicators: [emptyIndicator()] };
}

export function draftFromSkp(skp: Skp | null): DraftRhk[] {
  if (!skp || skp.rhk.length === 0) return [emptyRhk()];
  return [...skp.rhk]
    .sort((a, b) => a.position - b.position)
    .map((r) => ({
      key: newKey(),
      id: r.id,
      kind: r.kind,
      description: r.description,
      parentId: r.parent_rhk?.id ?? '',
      indicators: [...r.indicators]
        .sort((a, b) => a.position - b.position)
        .map((i) => ({
          key: newKey(),
          id: i.id,
          aspect: i.aspect,
          description: i.description,
          targetKind: i.target_value !== null && i.target_value !== undefined ? 'number' : 'text',
          targetValue: i.target_value !== null && i.target_value !== undefined ? String(i.target_value) : '',
          targetUnit: i.target_unit ?? '',
          targetText: i.target_text ?? '',
        })),
    }));
}

/** A decimal typed the Indonesian way (12,5) or the English way (12.5); null when not a number. */
export function parseDecimal(s: string): number | null {
  const v = s.trim().replace(/\s/g, '');
  if (!v) return null;
  const normal = v.includes(',') ? v.replace(/\./g, '').replace(',', '.') : v;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

export function draftToInput(draft: readonly DraftRhk[]): SkpInput {
  return {
    rhk: draft.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      kind: r.kind,
      description: r.description.trim(),
      parent_rhk_id: r.parentId || null,
      indicators: r.indicators.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        aspect: i.aspect,
        description: i.description.trim(),
        ...(i.targetKind === 'number'
          ? { target_value: parseDecimal(i.targetValue), target_unit: i.targetUnit.trim() || null, target_text: null }
          : { target_value: null, target_unit: null, target_text: i.targetText.trim() || null }),
      })),
    })),
  };
}

/** The id of the control for a field of the draft (also the target of server field errors). */
export function fieldId(rhk: number, field: string, indicator?: number): string {
  return indicator === undefined ? `rhk-${rhk}-${field}` : `rhk-${rhk}-ind-${indicator}-${field}`;
}

/** Maps a server field path (`rhk[0].indicators[1].target_unit`) to a control id. */
export function idForServerField(path: string): string {
  const m = /^rhk\[(\d+)\](?:\.indicators\[(\d+)\])?(?:\.(\w+))?$/.exec(path);
  if (!m) return 'skp-add-rhk';
  const ri = Number(m[1]);
  const ii = m[2] !== undefined ? Number(m[2]) : undefined;
  if (m[3] === 'indicators') return `rhk-${ri}-add-indicator`;
  return fieldId(ri, m[3] ?? 'description', ii);
}

export type Messages = {
  required: string;
  tooLong: (max: number) => string;
  tooMany: (max: number) => string;
  needIndicator: string;
  number: string;
  unitRequired: string;
  needUtama: string;
};

/** Client-side checks; `forSubmit` adds the rules that only submitting enforces. */
export function validateDraft(
  draft: readonly DraftRhk[],
  m: Messages,
  forSubmit = false,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.length > LIMITS.rhk) errors['skp-add-rhk'] = m.tooMany(LIMITS.rhk);
  if (forSubmit && !draft.some((r) => r.kind === 'utama')) errors['skp-add-rhk'] = m.needUtama;
  draft.forEach((r, ri) => {
    const d = r.description.trim();
    if (!d) errors[fieldId(ri, 'description')] = m.required;
    else if (d.length > LIMITS.rhkDescription) errors[fieldId(ri, 'description')] = m.tooLong(LIMITS.rhkDescription);
    if (r.indicators.length === 0) errors[`rhk-${ri}-add-indicator`] = m.needIndicator;
    if (r.indicators.length > LIMITS.indicators) errors[`rhk-${ri}-add-indicator`] = m.tooMany(LIMITS.indicators);
    r.indicators.forEach((i, ii) => {
      const id = (f: string) => fieldId(ri, f, ii);
      const desc = i.description.trim();
      if (!desc) errors[id('description')] = m.required;
      else if (desc.length > LIMITS.indicatorDescription) errors[id('description')] = m.tooLong(LIMITS.indicatorDescription);
      if (i.targetKind === 'number') {
        if (!i.targetValue.trim()) errors[id('target_value')] = m.required;
        else if (parseDecimal(i.targetValue) === null) errors[id('target_value')] = m.number;
        if (!i.targetUnit.trim()) errors[id('target_unit')] = m.unitRequired;
        else if (i.targetUnit.trim().length > LIMITS.targetUnit) errors[id('target_unit')] = m.tooLong(LIMITS.targetUnit);
      } else {
        const tt = i.targetText.trim();
        if (!tt) errors[id('target_text')] = m.required;
        else if (tt.length > LIMITS.targetText) errors[id('target_text')] = m.tooLong(LIMITS.targetText);
      }
    });
  });
  return errors;
}
