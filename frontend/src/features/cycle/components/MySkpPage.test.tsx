import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { MySkpPage } from './MySkpPage';
import { LURAH_NIP, skpOf, STAF_NIP, stafMe } from '../testData';

const YEAR = new Date().getFullYear();
const SKP = `/api/v1/employees/${STAF_NIP}/skp/${YEAR}`;
const parents = {
  supervisor: { nip: LURAH_NIP, name: 'Budi Santoso' },
  skp_status: 'approved',
  items: [{ id: 'pr1', kind: 'utama', description: 'Meningkatnya kualitas layanan kelurahan', position: 1 }],
};

describe('MySkpPage', () => {
  afterEach(() => clearTokens());

  it('lists what is missing, then saves a new plan and submits it to the supervisor', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    let saved: ReturnType<typeof skpOf> | null = null;
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(stafMe),
      // No plan yet.
      [`GET ${SKP}`]: () => (saved ? json(saved) : apiError(404, 'skp_not_found', `SKP tahun ${YEAR} belum dibuat`)),
      [`GET ${SKP}/parent-options`]: () => json(parents),
      [`PUT ${SKP}`]: (c) => {
        const body = JSON.parse(c.body) as { rhk: { description: string }[] };
        saved = skpOf({ rhk: [{ ...skpOf().rhk[0], description: body.rhk[0]!.description }] });
        return json(saved, 201);
      },
      [`POST ${SKP}/submit`]: () => json({ ...saved, status: 'submitted', can_edit: false, submitted_at: '2026-01-06T00:00:00Z' }),
    });
    renderWithProviders(<MySkpPage />, { route: '/kinerja/skp' });
    const user = userEvent.setup();

    expect(await screen.findByText(`Belum ada SKP untuk tahun ${YEAR}`, { exact: false })).toBeInTheDocument();
    // Submitting an empty plan is refused on the client, with a summary linking to each field.
    await user.click(screen.getByRole('button', { name: 'Ajukan SKP' }));
    const summary = await screen.findByRole('alert', { name: 'Periksa kembali isian yang ditandai.' });
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: /Rencana hasil kerja: Wajib diisi/ })).toBeInTheDocument();
    expect(calls.some((c) => c.method !== 'GET')).toBe(false);

    await user.type(screen.getByLabelText(/^Rencana hasil kerja/), 'Terselenggaranya layanan administrasi');
    await user.selectOptions(screen.getByLabelText('RHK pimpinan yang diintervensi'), 'pr1');
    await user.type(screen.getByLabelText(/^Indikator/), 'Jumlah surat keterangan');
    await user.type(screen.getByLabelText(/^Target \(angka\)/), '120');
    await user.type(screen.getByLabelText(/^Satuan/), 'surat');
    await user.click(screen.getByRole('button', { name: 'Ajukan SKP' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajukan SKP ke atasan?' });
    expect(within(dialog).getByText(/Budi Santoso/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Ya, ajukan SKP' }));

    expect(await screen.findByText('SKP diajukan ke atasan.')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body)).toEqual({
      rhk: [
        {
          kind: 'utama',
          description: 'Terselenggaranya layanan administrasi',
          parent_rhk_id: 'pr1',
          indicators: [
            { aspect: 'kuantitas', description: 'Jumlah surat keterangan', target_value: 120, target_unit: 'surat', target_text: null },
          ],
        },
      ],
    });
    await waitFor(() => expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`POST ${SKP}/submit`));
    expect(await screen.findByText('Diajukan')).toBeInTheDocument();
  }, 20_000);

  it('shows why a returned plan came back and maps server field errors to the fields', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json(stafMe),
      [`GET ${SKP}`]: () => json(skpOf({ status: 'returned', return_reason: 'Target surat terlalu rendah.' })),
      [`GET ${SKP}/parent-options`]: () => json(parents),
      [`PUT ${SKP}`]: () =>
        apiError(422, 'validation_failed', 'Data tidak valid.', {
          fields: { 'rhk[0].indicators[0].target_unit': ['Satuan paling banyak 50 karakter.'] },
        }),
    });
    renderWithProviders(<MySkpPage />, { route: '/kinerja/skp' });
    const user = userEvent.setup();

    expect(await screen.findByText('Target surat terlalu rendah.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Simpan draf' }));
    const unit = screen.getByLabelText(/^Satuan/);
    await waitFor(() => expect(unit).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getAllByText('Satuan paling banyak 50 karakter.', { exact: false }).length).toBeGreaterThan(0);
  }, 20_000);
});
