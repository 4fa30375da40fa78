import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/utils';
import { PredikatMatrix } from './PredikatMatrix';
import { MATRIX } from './predikat';

/** The text of the cell at row `hasil` (work results) and column `perilaku` (behaviour). */
function cell(table: HTMLElement, rowHeader: RegExp, columnHeader: RegExp): string {
  const headers = within(table).getAllByRole('columnheader');
  const col = headers.findIndex((h) => columnHeader.test(h.textContent ?? ''));
  expect(col).toBeGreaterThan(-1);
  const row = within(table).getByRole('rowheader', { name: rowHeader }).closest('tr')!;
  // Column headers are preceded by the corner cell, so both indexes count from the row's first cell.
  const cells = row.querySelectorAll('th, td');
  return (cells[col + 1]?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('PredikatMatrix', () => {
  it('renders all nine cells of the regulation matrix with SIASN codes', () => {
    renderWithProviders(<PredikatMatrix />);
    const table = screen.getByRole('table', { name: /Predikat kinerja menurut rating hasil kerja/ });
    const atas = /^Di Atas Ekspektasi/;
    const sesuai = /^Sesuai Ekspektasi/;
    const bawah = /^Di Bawah Ekspektasi/;

    expect(cell(table, atas, bawah)).toBe('Kurang (4)');
    expect(cell(table, atas, sesuai)).toBe('Baik (2)');
    expect(cell(table, atas, atas)).toBe('Sangat Baik (1)');
    expect(cell(table, sesuai, bawah)).toBe('Kurang (4)');
    expect(cell(table, sesuai, sesuai)).toBe('Baik (2)');
    expect(cell(table, sesuai, atas)).toBe('Baik (2)');
    expect(cell(table, bawah, bawah)).toBe('Sangat Kurang (5)');
    expect(cell(table, bawah, sesuai)).toBe('Butuh Perbaikan (3)');
    expect(cell(table, bawah, atas)).toBe('Butuh Perbaikan (3)');

    // Rows and columns carry the rating codes 1/2/3.
    expect(within(table).getByRole('rowheader', { name: atas })).toHaveTextContent('(1)');
    expect(within(table).getByRole('rowheader', { name: sesuai })).toHaveTextContent('(2)');
    expect(within(table).getByRole('rowheader', { name: bawah })).toHaveTextContent('(3)');
    expect(table.querySelectorAll('tbody td')).toHaveLength(9);
  });

  it('is the exact lookup table, not min/max arithmetic', () => {
    // Di Atas × Di Bawah is Kurang, while the "lower of the two" would give Butuh Perbaikan.
    expect(MATRIX.di_atas.di_bawah).toBe('kurang');
    expect(MATRIX.di_bawah.di_atas).toBe('butuh_perbaikan');
  });

  it('renders in English with the Indonesian predikat kept', () => {
    renderWithProviders(<PredikatMatrix />, { lang: 'en' });
    const table = screen.getByRole('table', { name: /Predikat by work-results rating/ });
    expect(cell(table, /^Above Expectations/, /^Above Expectations/)).toBe('Sangat Baik (Very Good) (1)');
    expect(cell(table, /^Below Expectations/, /^Below Expectations/)).toBe('Sangat Kurang (Very Poor) (5)');
  });
});
