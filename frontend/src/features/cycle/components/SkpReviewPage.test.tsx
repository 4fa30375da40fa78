import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { SkpReviewPage } from './SkpReviewPage';
import { lurahMe, skpOf, STAF_NIP } from '../testData';

const SKP = `/api/v1/employees/${STAF_NIP}/skp/2026`;
const submitted = skpOf({ status: 'submitted', can_edit: false, can_decide: true, can_set_expectations: true });

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/tim/skp/:nip" element={<SkpReviewPage />} />
    </Routes>,
    { route: `/tim/skp/${STAF_NIP}?year=2026` },
  );
}

describe('SkpReviewPage', () => {
  afterEach(() => clearTokens());

  it('returns a plan with the reason the server accepts, showing its 422 inside the dialog', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(lurahMe),
      [`GET ${SKP}`]: () => json(submitted),
      [`POST ${SKP}/return`]: (c) => {
        const { reason } = JSON.parse(c.body) as { reason: string };
        if (reason.length < 5)
          return apiError(422, 'validation_failed', 'Data tidak valid.', { fields: { reason: ['Alasan paling sedikit 5 karakter.'] } });
        return json({ ...submitted, status: 'returned', return_reason: reason, can_decide: false });
      },
    });
    renderPage();
    const user = userEvent.setup();

    expect(await screen.findByText('Terselenggaranya layanan administrasi kependudukan')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Kembalikan' }));
    const dialog = screen.getByRole('dialog', { name: 'Kembalikan SKP' });
    await user.type(within(dialog).getByLabelText(/^Alasan pengembalian/), 'Ubah');
    await user.click(within(dialog).getByRole('button', { name: 'Kembalikan' }));
    expect(await within(dialog).findByText('Alasan paling sedikit 5 karakter.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/^Alasan pengembalian/), ' target menjadi 150 surat.');
    await user.click(within(dialog).getByRole('button', { name: 'Kembalikan' }));
    expect(await screen.findByText('SKP dikembalikan kepada pegawai.')).toBeInTheDocument();
    expect(screen.getByText('Ubah target menjadi 150 surat.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Setujui' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  }, 20_000);

  it('approves after confirmation and sends only the changed expectations', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(lurahMe),
      [`GET ${SKP}`]: () => json(submitted),
      [`POST ${SKP}/approve`]: () => json({ ...submitted, status: 'approved', can_decide: false }),
      [`PUT ${SKP}/expectations`]: () => json(submitted),
    });
    renderPage();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Setujui' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Setujui SKP?' })).getByRole('button', { name: 'Setujui' }));
    expect(await screen.findByText('SKP disetujui.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();

    await user.type(screen.getByLabelText('Ekspektasi: Akuntabel'), 'Laporan harian tepat waktu.');
    await user.click(screen.getByRole('button', { name: 'Simpan ekspektasi' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === 'PUT')!.body)).toEqual({
      expectations: { akuntabel: 'Laporan harian tepat waktu.' },
    });
    expect(await screen.findByText('Ekspektasi tersimpan.')).toBeInTheDocument();
  }, 20_000);
});
