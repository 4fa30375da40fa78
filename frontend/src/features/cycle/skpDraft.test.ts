import { describe, expect, it } from 'vitest';
import { draftFromSkp, draftToInput, emptyRhk, idForServerField, parseDecimal, validateDraft, type Messages } from './skpDraft';
import type { Skp } from './api/skp';

const m: Messages = {
  required: 'wajib',
  tooLong: (n) => `max ${n}`,
  tooMany: (n) => `many ${n}`,
  needIndicator: 'need indicator',
  number: 'number',
  unitRequired: 'unit',
  needUtama: 'utama',
};

describe('SKP draft', () => {
  it('parses decimals written the Indonesian or the English way', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('1.000,25')).toBe(1000.25);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal('dua belas')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('names every missing field and requires a unit with a numeric target', () => {
    const d = [emptyRhk()];
    d[0]!.indicators[0]!.targetValue = '12';
    const errors = validateDraft(d, m);
    expect(errors).toEqual({
      'rhk-0-description': 'wajib',
      'rhk-0-ind-0-description': 'wajib',
      'rhk-0-ind-0-target_unit': 'unit',
    });
  });

  it('requires a main RHK only when submitting', () => {
    const d = [emptyRhk('tambahan')];
    d[0]!.description = 'Laporan';
    Object.assign(d[0]!.indicators[0]!, { description: 'Jumlah', targetKind: 'text', targetText: 'Tepat waktu' });
    expect(validateDraft(d, m)).toEqual({});
    expect(validateDraft(d, m, true)).toEqual({ 'skp-add-rhk': 'utama' });
  });

  it('round-trips a plan, keeping ids and sending either a numeric or a text target', () => {
    const skp = {
      rhk: [
        {
          id: 'r1',
          kind: 'utama',
          description: ' Layanan administrasi ',
          position: 1,
          parent_rhk: { id: 'p1', description: 'x' },
          indicators: [
            { id: 'i1', aspect: 'kuantitas', description: 'Surat', target_value: 120, target_unit: 'surat', target_text: null, position: 1 },
            { id: 'i2', aspect: 'waktu', description: 'Tepat', target_value: null, target_unit: null, target_text: '3 hari', position: 2 },
          ],
        },
      ],
    } as unknown as Skp;
    expect(draftToInput(draftFromSkp(skp))).toEqual({
      rhk: [
        {
          id: 'r1',
          kind: 'utama',
          description: 'Layanan administrasi',
          parent_rhk_id: 'p1',
          indicators: [
            { id: 'i1', aspect: 'kuantitas', description: 'Surat', target_value: 120, target_unit: 'surat', target_text: null },
            { id: 'i2', aspect: 'waktu', description: 'Tepat', target_value: null, target_unit: null, target_text: '3 hari' },
          ],
        },
      ],
    });
  });

  it('maps server field paths to the controls', () => {
    expect(idForServerField('rhk[2].description')).toBe('rhk-2-description');
    expect(idForServerField('rhk[0].parent_rhk_id')).toBe('rhk-0-parent_rhk_id');
    expect(idForServerField('rhk[1].indicators[3].target_unit')).toBe('rhk-1-ind-3-target_unit');
    expect(idForServerField('rhk[1].indicators')).toBe('rhk-1-add-indicator');
    expect(idForServerField('rhk')).toBe('skp-add-rhk');
  });
});
