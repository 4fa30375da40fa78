import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, daysUntil, evidenceContentType, formatBytes, predikatOf, RATINGS, suggestionFor } from './domain';

describe('predikat matrix', () => {
  it('follows the regulation cell by cell, not min/max arithmetic', () => {
    const table = Object.fromEntries(RATINGS.flatMap((h) => RATINGS.map((p) => [`${h}/${p}`, predikatOf(h, p)])));
    expect(table).toEqual({
      'di_atas/di_atas': 'sangat_baik',
      'di_atas/sesuai': 'baik',
      'di_atas/di_bawah': 'kurang',
      'sesuai/di_atas': 'baik',
      'sesuai/sesuai': 'baik',
      'sesuai/di_bawah': 'kurang',
      'di_bawah/di_atas': 'butuh_perbaikan',
      'di_bawah/sesuai': 'butuh_perbaikan',
      'di_bawah/di_bawah': 'sangat_kurang',
    });
  });
});

describe('360 suggestion', () => {
  it('maps the weighted mean at the documented thresholds', () => {
    expect(suggestionFor(4.2)).toBe('di_atas');
    expect(suggestionFor(4.19)).toBe('sesuai');
    expect(suggestionFor(2.8)).toBe('sesuai');
    expect(suggestionFor(2.79)).toBe('di_bawah');
  });
});

describe('evidence files', () => {
  it('accepts the server types and refuses empty, oversized and unknown files', () => {
    expect(checkEvidenceFile({ name: 'laporan.pdf', size: 1000, type: 'application/pdf' })).toBeNull();
    expect(checkEvidenceFile({ name: 'foto.JPG', size: 1000, type: '' })).toBeNull();
    expect(checkEvidenceFile({ name: 'kosong.pdf', size: 0, type: 'application/pdf' })).toEqual({ kind: 'empty' });
    expect(checkEvidenceFile({ name: 'besar.pdf', size: 11 * 1024 * 1024, type: 'application/pdf' })).toEqual({
      kind: 'too_large',
      max: 10 * 1024 * 1024,
    });
    expect(checkEvidenceFile({ name: 'skrip.exe', size: 10, type: 'application/x-msdownload' })).toEqual({ kind: 'type' });
    expect(checkEvidenceFile({ name: 'tanpa-ekstensi', size: 10, type: '' })).toEqual({ kind: 'type' });
  });

  it('derives the content type from the extension when the browser gives none', () => {
    expect(evidenceContentType({ name: 'data.xlsx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(evidenceContentType({ name: 'a.png', type: 'image/png' })).toBe('image/png');
  });

  it('formats sizes', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(2048)).toBe('2 KB');
  });
});

describe('daysUntil', () => {
  it('counts a date deadline to the end of that day', () => {
    const now = new Date('2026-06-10T08:00:00');
    expect(daysUntil('2026-06-10', now)).toBe(1);
    expect(daysUntil('2026-06-24', now)).toBe(15);
    expect(daysUntil('2026-06-09', now)).toBeLessThanOrEqual(0);
  });
});
