import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { ImportPage } from './ImportPage';

const HEADER = 'nip,name,gelar_depan,gelar_belakang,status,golongan,jabatan,jenis_jabatan,unit_code,supervisor_nip,email,active';
const GOOD = '199001012015031001,Rina,,S.E.,PNS,III/a,Analis,fungsional,CKN,,,true';
const BAD = '199001012015131001,Rudi,,,PNS,III/a,Analis,fungsional,CKN,,,true';

const report = (over: Record<string, unknown> = {}) => ({
  dry_run: true,
  total: 2,
  created: 2,
  updated: 0,
  unchanged: 0,
  errors: [],
  ...over,
});

async function paste(text: string) {
  const area = screen.getByLabelText('Atau tempel isi CSV');
  await userEvent.clear(area);
  // user.type would interpret braces/brackets; set the value through paste instead.
  area.focus();
  await userEvent.paste(text);
}

describe('ImportPage', () => {
  it('renders the row errors of a dry run and keeps Impor disabled', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/employees/import': () =>
        json(
          report({
            created: 1,
            errors: [
              { row: 2, field: 'nip', message: 'NIP digit 9–14: bulan 13 bukan bulan yang sah' },
              { row: 2, field: 'golongan', message: 'Golongan "III/z" tidak dikenal' },
            ],
          }),
        ),
    });
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    await paste(`${HEADER}\n${GOOD}\n${BAD}\n`);
    await user.click(screen.getByRole('button', { name: 'Periksa (uji coba)' }));

    const region = await screen.findByRole('region', { name: 'Hasil pemeriksaan' });
    expect(within(region).getByRole('alert')).toHaveTextContent('2 kesalahan ditemukan');
    const rows = within(within(region).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '2',
      'golongan',
      'Golongan "III/z" tidak dikenal',
    ]);
    expect(within(rows[2]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '2',
      'nip',
      'NIP digit 9–14: bulan 13 bukan bulan yang sah',
    ]);
    expect(screen.getByRole('button', { name: 'Impor' })).toBeDisabled();

    expect(calls[0]!.search.get('dry_run')).toBe('true');
    expect(calls[0]!.headers.get('content-type')).toContain('text/csv');
    expect(calls[0]!.body).toBe(`${HEADER}\n${GOOD}\n${BAD}\n`);
  });

  it('enables Impor only after a clean dry run, then shows the counts', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/employees/import': (c) =>
        c.search.get('dry_run') === 'true'
          ? json(report({ total: 1, created: 1 }))
          : json(report({ dry_run: false, total: 1, created: 1 })),
    });
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    const importButton = screen.getByRole('button', { name: 'Impor' });
    expect(importButton).toBeDisabled();

    await paste(`${HEADER}\n${GOOD}\n`);
    await user.click(screen.getByRole('button', { name: 'Periksa (uji coba)' }));
    expect(await screen.findByText(/Semua baris valid: 1 baru, 0 diperbarui/)).toBeInTheDocument();
    expect(importButton).toBeEnabled();

    await user.click(importButton);
    expect(await screen.findByText(/Impor selesai: 1 baru, 0 diperbarui/)).toBeInTheDocument();
    expect(calls.map((c) => c.search.get('dry_run'))).toEqual(['true', 'false']);
    expect(importButton).toBeDisabled();
  });

  it('editing the CSV after a clean check disables Impor again', async () => {
    mockFetch({ 'POST /api/v1/employees/import': () => json(report({ total: 1, created: 1 })) });
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    await paste(`${HEADER}\n${GOOD}\n`);
    await user.click(screen.getByRole('button', { name: 'Periksa (uji coba)' }));
    await screen.findByText(/Semua baris valid/);
    expect(screen.getByRole('button', { name: 'Impor' })).toBeEnabled();
    await paste('x');
    expect(screen.getByRole('button', { name: 'Impor' })).toBeDisabled();
  });

  it('shows the rows of a rejected real import', async () => {
    mockFetch({
      'POST /api/v1/employees/import': (c) =>
        c.search.get('dry_run') === 'true'
          ? json(report({ total: 1, created: 1 }))
          : apiError(422, 'import_rejected', 'Impor ditolak; tidak ada data yang disimpan.', {
              rows: [{ row: 1, field: 'supervisor_nip', message: 'Atasan tidak ditemukan' }],
            }),
    });
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    await paste(`${HEADER}\n${GOOD}\n`);
    await user.click(screen.getByRole('button', { name: 'Periksa (uji coba)' }));
    await screen.findByText(/Semua baris valid/);
    await user.click(screen.getByRole('button', { name: 'Impor' }));

    const region = await screen.findByRole('region', { name: 'Hasil impor' });
    expect(within(region).getByRole('alert')).toHaveTextContent('Impor ditolak; tidak ada data yang disimpan.');
    expect(within(region).getByRole('table')).toHaveTextContent('supervisor_nip');
    expect(within(region).getByRole('table')).toHaveTextContent('Atasan tidak ditemukan');
  });

  it('loads an uploaded file into the text area', async () => {
    mockFetch({});
    renderWithProviders(<ImportPage />);
    const file = new File([`\uFEFF${HEADER}\n${GOOD}\n`], 'pegawai.csv', { type: 'text/csv' });
    await userEvent.setup().upload(screen.getByLabelText('Berkas CSV'), file);
    expect(await screen.findByText(/Berkas pegawai.csv dimuat/)).toBeInTheDocument();
    expect(screen.getByLabelText('Atau tempel isi CSV')).toHaveValue(`${HEADER}\n${GOOD}\n`);
  });

  it('offers a CSV template with every column', () => {
    mockFetch({});
    renderWithProviders(<ImportPage />);
    const link = screen.getByRole('link', { name: 'Unduh templat CSV' });
    expect(link).toHaveAttribute('download', 'templat-impor-pegawai.csv');
    const csv = decodeURIComponent(link.getAttribute('href')!.replace(/^data:text\/csv;charset=utf-8,/, ''));
    expect(csv.split('\n')[0]).toBe(HEADER);
  });
});
