import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../App';
import { clearTokens, setTokens } from '../lib/auth/session';
import { adminMe, employee, unitCkn } from './fixtures';
import { json, mockFetch, renderWithProviders } from './utils';

const signIn = () => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });

describe('app routes', () => {
  afterEach(() => clearTokens());

  it('sends visitors without a session to the login page', async () => {
    mockFetch({});
    renderWithProviders(<AppRoutes />, { route: '/admin/units' });
    expect(await screen.findByRole('heading', { name: 'Masuk ke Kinerja360' })).toBeInTheDocument();
  });

  it('shows an admin the admin navigation and their account on Beranda', async () => {
    signIn();
    mockFetch({ 'GET /api/v1/me': () => json(adminMe) });
    renderWithProviders(<AppRoutes />, { route: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Beranda' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    for (const name of ['Beranda', 'Unit Kerja', 'Pegawai', 'Impor']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(screen.getByText('Akun ini tidak terhubung dengan data pegawai.')).toBeInTheDocument();
    expect(screen.getByText('Administrator', { selector: 'dd' })).toBeInTheDocument();
  });

  it('shows an employee their profile card and no admin navigation', async () => {
    signIn();
    mockFetch({
      'GET /api/v1/me': () =>
        json({
          user: { ...adminMe.user, name: 'Ahmad Fauzi', roles: ['employee'] },
          employee,
          supervisor: {
            nip: '196501011990031003',
            full_name: 'H. Lalu Wirawan, S.H.',
            jabatan: 'Sekretaris Daerah',
            unit_name: 'Sekretariat Daerah',
          },
          subordinates_count: 7,
        }),
      'GET /api/v1/employees/198503152010011002/citizen-feedback': () =>
        json({
          from: '2026-06-01',
          to: '2026-11-28',
          respondents: 2,
          min_respondents: 5,
          sufficient: false,
          index: null,
          comments: [],
        }),
    });
    renderWithProviders(<AppRoutes />, { route: '/' });
    const card = await screen.findByRole('article', { name: 'Profil pegawai' });
    expect(within(card).getByText('Drs. Ahmad Fauzi, M.Si.')).toBeInTheDocument();
    expect(within(card).getByText('198503152010011002')).toBeInTheDocument();
    expect(within(card).getByText(/IV\/a — Pembina/)).toBeInTheDocument();
    expect(within(card).getByText('H. Lalu Wirawan, S.H.')).toBeInTheDocument();
    expect(within(card).getByText('7')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(within(nav).queryByRole('link', { name: 'Pegawai' })).toBeNull();
  });

  it('forbids the admin pages to plain employees', async () => {
    signIn();
    mockFetch({ 'GET /api/v1/me': () => json({ ...adminMe, user: { ...adminMe.user, roles: ['employee'] } }) });
    renderWithProviders(<AppRoutes />, { route: '/admin/import' });
    expect(await screen.findByRole('heading', { name: 'Akses ditolak' })).toBeInTheDocument();
  });

  it('shows the 404 page for unknown addresses', async () => {
    signIn();
    mockFetch({ 'GET /api/v1/me': () => json(adminMe) });
    renderWithProviders(<AppRoutes />, { route: '/tidak-ada' });
    expect(await screen.findByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeInTheDocument();
  });

  it('lists units and searches them', async () => {
    signIn();
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/units': (c) =>
        json({ items: c.search.get('q') === 'zzz' ? [] : [unitCkn], meta: { page: 1, per_page: 20, total: 1 } }),
    });
    renderWithProviders(<AppRoutes />, { route: '/admin/units' });
    expect(await screen.findByRole('cell', { name: 'Kecamatan Cakranegara' })).toBeInTheDocument();
    await userEvent.setup().type(screen.getByLabelText('Cari kode atau nama unit'), 'zzz');
    expect(await screen.findByText('Tidak ada data.')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/v1/units' && c.search.get('q') === 'zzz')).toBe(true);
  });

  it('goes to the login page with a notice when the session cannot be refreshed', async () => {
    signIn();
    mockFetch({
      'GET /api/v1/me': () => json({ error: { code: 'invalid_token', message: 'Token kedaluwarsa.' } }, 401),
      'POST /api/v1/auth/refresh': () =>
        json({ error: { code: 'refresh_token_reused', message: 'Sesi berakhir.' } }, 401),
    });
    renderWithProviders(<AppRoutes />, { route: '/admin/units' });
    expect(await screen.findByRole('heading', { name: 'Masuk ke Kinerja360' })).toBeInTheDocument();
    expect(screen.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.')).toBeInTheDocument();
  });

  it('signs out from the user menu', async () => {
    signIn();
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(adminMe),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<AppRoutes />, { route: '/' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Menu pengguna/ }));
    await user.click(screen.getByRole('button', { name: 'Keluar' }));
    expect(await screen.findByRole('heading', { name: 'Masuk ke Kinerja360' })).toBeInTheDocument();
    // The server reads (and clears) the refresh cookie; no token in the body.
    expect(calls.find((c) => c.path === '/api/v1/auth/logout')!.body).toBe('');
    expect(localStorage.getItem('kinerja360.session')).toBeNull();
  });
});
