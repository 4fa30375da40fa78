import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { TalentGridPage } from './TalentGridPage';
import { auditorMe, grid, hrMe, STAFF_NIP } from '../test/data';

const units = () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } });

describe('TalentGridPage', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('draws the 3×3 grid with potensi rows high to low, kinerja columns below to above, and the box numbers of the rules', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(auditorMe),
      'GET /api/v1/units': units,
      'GET /api/v1/talent/grid': () => json(grid()),
    });
    renderWithProviders(<TalentGridPage />, { route: '/career/talent?unit=CKN-KEL-CB&year=2026' });

    const table = await screen.findByRole('table', { name: /Matriks talenta 2026 · CKN-KEL-CB/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Di Bawah Ekspektasi', 'Sesuai Ekspektasi', 'Di Atas Ekspektasi']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Potensi Tinggi',
      'Potensi Menengah',
      'Potensi Rendah',
    ]);
    const boxes = rows.map((r) => within(r).getAllByRole('cell').map((c) => c.querySelector('.box-number')?.textContent));
    expect(boxes).toEqual([
      ['6', '8', '9'],
      ['3', '5', '7'],
      ['1', '2', '4'],
    ]);
    const box9 = screen.getByTestId('box-9');
    expect(within(box9).getByText('1 pegawai')).toBeInTheDocument();
    expect(within(box9).getByRole('link', { name: 'Siti Aminah' })).toHaveAttribute('href', '/admin/employees/198001012005011001');
    expect(within(box9).getByText('Dipromosikan dan dipertahankan')).toBeInTheDocument();
    expect(within(screen.getByTestId('box-1')).getByText('2 pegawai')).toBeInTheDocument();
    expect(screen.getByText('Belum dapat ditempatkan (1)')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/talent/grid')?.search.toString()).toBe('unit_code=CKN-KEL-CB&year=2026');
    // The auditor reads; only admin/HR enter potensi.
    expect(screen.queryByRole('heading', { name: 'Isi potensi pegawai' })).toBeNull();
  });

  it('shows the box recommendations in English when switched, for last year by default', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(auditorMe),
      'GET /api/v1/units': units,
      'GET /api/v1/talent/grid': () => json(grid()),
    });
    renderWithProviders(<TalentGridPage />, { route: '/career/talent', lang: 'en' });
    const box9 = await screen.findByTestId('box-9');
    expect(within(box9).getByText('Promote and retain')).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader')[0]).toHaveTextContent('Potential High');
    // The current year has no annual result until its last quarter is published.
    expect(calls.find((c) => c.path === '/api/v1/talent/grid')?.search.get('year')).toBe(
      String(new Date().getFullYear() - 1),
    );
  });

  it('lets HR enter potensi, checking the NIP and the date first', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/units': units,
      'GET /api/v1/talent/grid': () => json(grid()),
      [`GET /api/v1/employees/${STAFF_NIP}/potensi`]: () => json({ nip: STAFF_NIP, items: [] }),
      [`POST /api/v1/employees/${STAFF_NIP}/potensi`]: () =>
        json({ id: 'p1', level: 'tinggi', source: 'Asesmen BKD', assessed_on: '2026-10-01', created_at: '2026-11-28T00:00:00Z' }, 201),
    });
    const user = userEvent.setup();
    renderWithProviders(<TalentGridPage />, { route: '/career/talent' });
    const form = (await screen.findByRole('heading', { name: 'Isi potensi pegawai' })).closest('section')!;

    await user.type(within(form).getByLabelText(/NIP/), '123');
    await user.click(within(form).getByRole('button', { name: 'Simpan potensi' }));
    expect(within(form).getAllByText('Periksa kembali isian yang ditandai.').length).toBeGreaterThan(0);
    expect(within(form).getByLabelText(/NIP/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.clear(within(form).getByLabelText(/NIP/));
    await user.type(within(form).getByLabelText(/NIP/), STAFF_NIP);
    await user.selectOptions(within(form).getByLabelText(/Tingkat potensi/), 'tinggi');
    await user.type(within(form).getByLabelText(/Sumber asesmen/), 'Asesmen BKD');
    const date = within(form).getByLabelText(/Tanggal asesmen/);
    await user.clear(date);
    await user.type(date, '2026-10-01');
    await user.click(within(form).getByRole('button', { name: 'Simpan potensi' }));

    expect(await within(form).findByText(`Potensi ${STAFF_NIP} tersimpan: Tinggi.`)).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({ level: 'tinggi', source: 'Asesmen BKD', assessed_on: '2026-10-01' });
  });

  it('imports potensi from CSV after a clean dry run and reports rejected rows', async () => {
    let dryRuns = 0;
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/units': units,
      'GET /api/v1/talent/grid': () => json(grid()),
      'POST /api/v1/talent/potensi/import': (c) => {
        const text = c.body;
        if (text.includes('sedang')) {
          return apiError(422, 'import_rejected', 'Impor ditolak; tidak ada data yang disimpan.', {
            rows: [{ row: 2, field: 'level', message: 'Harus rendah, menengah atau tinggi' }],
          });
        }
        dryRuns += 1;
        return json({ dry_run: dryRuns === 1, total: 1, created: 1, updated: 0, errors: [] });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<TalentGridPage />, { route: '/career/talent' });
    const block = (await screen.findByRole('heading', { name: 'Impor potensi (CSV)' })).closest('section')!;
    const text = within(block).getByLabelText('Atau tempel isi CSV');

    await user.click(text);
    await user.paste(`nip,level,source,assessed_on\n${STAFF_NIP},sedang,BKD,2026-10-01\n`);
    await user.click(within(block).getByRole('button', { name: 'Periksa' }));
    const report = await within(block).findByRole('table', { name: 'Laporan per baris' });
    expect(within(report).getByText('Harus rendah, menengah atau tinggi')).toBeInTheDocument();
    expect(within(block).getByRole('button', { name: 'Impor' })).toBeDisabled();

    await user.clear(text);
    await user.click(text);
    await user.paste(`nip,level,source,assessed_on\n${STAFF_NIP},tinggi,BKD,2026-10-01\n`);
    await user.click(within(block).getByRole('button', { name: 'Periksa' }));
    expect(await within(block).findByText('Semua 1 baris valid: 1 baru, 0 diperbarui.')).toBeInTheDocument();
    await user.click(within(block).getByRole('button', { name: 'Impor' }));
    expect(await within(block).findByText('Impor selesai: 1 baru, 0 diperbarui dari 1 baris.')).toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((p) => p.search.get('dry_run'))).toEqual(['true', 'true', 'false']);
    expect(posts[2]?.headers.get('Content-Type')).toContain('text/csv');
  });
});
