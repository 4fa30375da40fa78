import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { PeriodDetailPage } from './PeriodDetailPage';
import { meWithRoles, period, PERIOD_ID } from './fixtures';

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/hr/periods/:id" element={<PeriodDetailPage />} />
    </Routes>,
    { route: `/hr/periods/${PERIOD_ID}` },
  );
}

describe('PeriodDetailPage', () => {
  afterEach(() => clearTokens());

  it("shows the server's reason when publishing is refused, then publishes after confirmation", async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    let refuse = true;
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`POST /api/v1/periods/${PERIOD_ID}/publish`]: () =>
        refuse
          ? apiError(409, 'units_not_finalised', 'Unit berikut belum difinalkan: CKN-KEL-CB, CKN-SEK')
          : json({ ...period, state: 'published', published_at: '2026-07-10T02:00:00Z' }),
    });
    renderPage();
    const user = userEvent.setup();

    const publish = await screen.findByRole('button', { name: 'Publikasikan hasil' });
    await user.click(publish);
    let dialog = screen.getByRole('dialog', { name: 'Publikasikan hasil Triwulan II 2026?' });
    expect(dialog).toHaveTextContent('masa keberatan 14 hari dimulai');
    // Cancel is focused first: publishing cannot be undone.
    expect(within(dialog).getByRole('button', { name: 'Batal' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Publikasikan hasil' }));
    const alert = await within(dialog).findByText('Unit berikut belum difinalkan: CKN-KEL-CB, CKN-SEK');
    expect(alert.closest('.alert')).toHaveTextContent('Server menolak langkah ini:');
    expect(within(dialog).getByRole('link', { name: /halaman Progres/ })).toHaveAttribute(
      'href',
      `/hr/periods/${PERIOD_ID}/progress`,
    );

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Publikasikan hasil' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Status periode Triwulan II 2026 sekarang: Dipublikasikan.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    dialog = screen.queryByRole('dialog') as HTMLElement;
    expect(dialog).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publikasikan hasil' })).toBeNull();
  });

  it('names the employees who block when publishing is refused as incomplete', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`POST /api/v1/periods/${PERIOD_ID}/publish`]: () =>
        apiError(409, 'period_incomplete', '1 pegawai di 1 unit belum memiliki penilaian final maupun pengecualian', {
          details: { blockers: [{ unit_code: 'CKN-KEL-CB', unit_name: 'Kelurahan Cakranegara Barat', nip: '199103032016031004', name: 'Ni Luh Staf' }] },
        }),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Publikasikan hasil' }));
    const dialog = screen.getByRole('dialog', { name: 'Publikasikan hasil Triwulan II 2026?' });
    await user.click(within(dialog).getByRole('button', { name: 'Publikasikan hasil' }));
    const item = await within(dialog).findByText(/Ni Luh Staf/);
    expect(item.closest('li')).toHaveTextContent('199103032016031004 (CKN-KEL-CB)');
    expect(within(dialog).getByText('Pegawai yang menghalangi:')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: /halaman Progres/ })).toHaveAttribute('href', `/hr/periods/${PERIOD_ID}/progress`);
  });

  it('saves the deadlines with PATCH', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['admin'])),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`PATCH /api/v1/periods/${PERIOD_ID}`]: (c) => json({ ...period, ...JSON.parse(c.body) }),
    });
    renderPage();
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Batas waktu dan putaran 360' });
    await user.type(within(form).getByLabelText('Batas penilaian atasan'), '2026-07-15');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await within(form).findByText('Batas waktu disimpan.')).toBeInTheDocument();
    expect(JSON.parse(calls.find((c) => c.method === 'PATCH')!.body)).toEqual({
      run_360: true,
      deadline_360: '2026-06-20',
      evaluation_deadline: '2026-07-15',
    });
  });

  it('offers no steps to the auditor', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['auditor'])),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
    });
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Triwulan II 2026' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publikasikan hasil' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Batas waktu dan putaran 360' })).toBeNull();
  });
});
