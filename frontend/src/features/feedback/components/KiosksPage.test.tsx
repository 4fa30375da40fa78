import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { adminMe } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { KiosksPage } from './KiosksPage';
import { KioskSetupPage } from './KioskSetupPage';
import type { Kiosk } from '../api/kiosks';

const TARGET = 'a0000000-0000-0000-0000-000000000001';
const target = {
  id: TARGET,
  kind: 'unit',
  label: 'Loket Pelayanan',
  unit_code: 'CKN-KEL-CB',
  unit_name: 'Kelurahan Cakranegara Barat',
  employee_nip: null,
  employee_name: null,
  token: 'tok',
  public_url: 'http://127.0.0.1:8080/f/tok',
  active: true,
  created_at: '2026-11-01T00:00:00Z',
  counted: 41,
  held: 2,
};
const kiosk: Kiosk = {
  id: 'b0000000-0000-0000-0000-000000000001',
  target_id: TARGET,
  name: 'Tablet Loket 1',
  active: true,
  created_at: '2026-12-01T01:00:00Z',
  last_used_at: null,
  revoked_at: null,
};

function renderPage(roles: string[], routes: Parameters<typeof mockFetch>[0]) {
  setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
  const mocked = mockFetch({
    'GET /api/v1/me': () => json({ ...adminMe, user: { ...adminMe.user, roles } }),
    'GET /api/v1/feedback-targets': () => json({ items: [target], meta: { page: 1, per_page: 100, total: 1 } }),
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/feedback/targets/:id/kiosks" element={<KiosksPage />} />
    </Routes>,
    { route: `/feedback/targets/${TARGET}/kiosks` },
  );
  return mocked;
}

describe('KiosksPage', () => {
  afterEach(() => {
    clearTokens();
    vi.unstubAllGlobals();
  });

  it('registers a tablet and shows its setup link once, then revokes it after confirmation', async () => {
    let items: Kiosk[] = [];
    const { calls } = renderPage(['hr'], {
      [`GET /api/v1/feedback-targets/${TARGET}/kiosks`]: () => json({ items }),
      [`POST /api/v1/feedback-targets/${TARGET}/kiosks`]: () => {
        items = [kiosk];
        return json({ kiosk, token: 'kio_secret', setup_url: 'http://127.0.0.1:8080/kiosk#kio_secret' }, 201);
      },
      [`POST /api/v1/kiosks/${kiosk.id}/revoke`]: () => {
        items = [{ ...kiosk, active: false, revoked_at: '2026-12-02T00:00:00Z' }];
        return json(items[0]);
      },
    });
    const user = userEvent.setup();

    expect(await screen.findByText('Belum ada tablet yang didaftarkan untuk layanan ini.')).toBeInTheDocument();
    // A blank name is refused without a request.
    await user.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect(await screen.findByText('Nama perangkat wajib diisi.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText(/Nama perangkat/), '  Tablet Loket 1 ');
    await user.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect(await screen.findByText('http://127.0.0.1:8080/kiosk#kio_secret')).toBeInTheDocument();
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({ name: 'Tablet Loket 1' });
    const row = (await screen.findByRole('cell', { name: 'Tablet Loket 1' })).closest('tr')!;
    expect(within(row).getByText('Belum pernah')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: /^Cabut/ }));
    const dialog = screen.getByRole('dialog', { name: 'Cabut Tablet Loket 1?' });
    expect(dialog).toHaveTextContent('tidak dapat dibatalkan');
    await user.click(within(dialog).getByRole('button', { name: 'Ya, cabut' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Tablet Loket 1 dicabut.')).toBeInTheDocument();
    expect(await screen.findByText('Dicabut')).toBeInTheDocument();
  }, 20_000);

  it('lets the auditor read the kiosks but not register or revoke them', async () => {
    renderPage(['auditor'], {
      [`GET /api/v1/feedback-targets/${TARGET}/kiosks`]: () => json({ items: [kiosk] }),
    });
    expect(await screen.findByRole('cell', { name: 'Tablet Loket 1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Daftarkan' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Cabut/ })).toBeNull();
  });
});

describe('KioskSetupPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('takes the credential from the fragment, clears it from the address bar and opens the form', async () => {
    window.history.replaceState(null, '', '/kiosk#kio_secret');
    const { calls } = mockFetch({
      'POST /api/v1/public/kiosk': () =>
        json({ name: 'Tablet Loket 1', form_path: '/f/tok', target: { kind: 'unit', title: 'Kantor', subtitle: 'Loket', lang: 'id', elements: [], comment_max_length: 1000 } }),
    });
    const go = vi.fn();
    renderWithProviders(<KioskSetupPage go={go} />, { route: '/kiosk' });

    expect(await screen.findByText(/sekarang kios "Tablet Loket 1"/)).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(JSON.parse(calls[0]!.body)).toEqual({ token: 'kio_secret' });
    expect(go).toHaveBeenCalledWith('/f/tok');
  });

  it('explains a revoked credential and what to do without a link', async () => {
    window.history.replaceState(null, '', '/kiosk#kio_old');
    mockFetch({
      'POST /api/v1/public/kiosk': () => apiError(403, 'kiosk_invalid', 'Perangkat kios ini tidak terdaftar'),
    });
    const go = vi.fn();
    renderWithProviders(<KioskSetupPage go={go} />, { route: '/kiosk' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Perangkat belum dapat disiapkan.');
    expect(screen.getByRole('alert')).toHaveTextContent('Perangkat kios ini tidak terdaftar');
    expect(go).not.toHaveBeenCalled();
  });
});
