import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderWithProviders } from '../../test/utils';
import { adminMe } from '../../test/fixtures';
import { clearTokens, setTokens } from '../../lib/auth/session';
import { useMe } from '../../lib/auth/auth';
import { RequireAuth } from '../../components/guards';
import { careerNavEntries, careerRoutes } from './routes';
import { MainNavList } from '../../components/MainNav';
import { groupNav } from '../../components/nav';
import { hrMe, lurahMe, staffMe } from './test/data';
import type { Me } from '../../api/types';

function Nav() {
  const { data } = useMe();
  return (
    <nav aria-label="nav">
      <MainNavList groups={groupNav(careerNavEntries(data))} />
    </nav>
  );
}

function render(me: Me, route: string) {
  mockFetch({
    'GET /api/v1/me': () => json(me),
    'GET /api/v1/employees': () => json({ items: [], meta: { page: 1, per_page: 100, total: 0 } }),
    'GET /api/v1/units': () => json({ items: [], meta: { page: 1, per_page: 100, total: 0 } }),
    'GET /api/v1/talent/grid': () => json({ year: 2026, unit_code: null, cells: [], unplaced: [] }),
    [`GET /api/v1/employees/${me.employee?.nip ?? 'x'}/recommendations`]: () =>
      json({ nip: me.employee?.nip, name: 'x', period: null, items: [] }),
    [`GET /api/v1/employees/${me.employee?.nip ?? 'x'}/development-plans`]: () => json({ items: [] }),
    [`GET /api/v1/employees/${me.employee?.nip ?? 'x'}/training-hours`]: () =>
      json({ nip: 'x', name: 'x', year: 2026, target_jp: 20, completed_jp: 0, remaining_jp: 20, met: false, items: [] }),
  });
  return renderWithProviders(
    <Routes>
      <Route element={<RequireAuth />}>
        {careerRoutes}
      </Route>
    </Routes>,
    { route },
  );
}

describe('career routes and navigation', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('offers an employee only "Pengembangan Saya"', async () => {
    mockFetch({ 'GET /api/v1/me': () => json(staffMe) });
    renderWithProviders(<Nav />);
    expect(await screen.findByRole('link', { name: 'Pengembangan Saya' })).toHaveAttribute('href', '/career');
    expect(screen.queryByRole('link', { name: 'Pengembangan Tim' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Talenta' })).toBeNull();
  });

  it('offers a supervisor the team page and HR the talent pages', async () => {
    mockFetch({ 'GET /api/v1/me': () => json(lurahMe) });
    const { unmount } = renderWithProviders(<Nav />);
    expect(await screen.findByRole('link', { name: 'Pengembangan Tim' })).toHaveAttribute('href', '/career/team');
    unmount();
    mockFetch({ 'GET /api/v1/me': () => json(adminMe) });
    renderWithProviders(<Nav />);
    expect(await screen.findByRole('link', { name: 'Talenta' })).toHaveAttribute('href', '/career/talent');
    // An account without an employee record has no own development page.
    expect(screen.queryByRole('link', { name: 'Pengembangan Saya' })).toBeNull();
  });

  it('refuses the HR pages to an ordinary employee and the team page to a non-supervisor', async () => {
    const first = render(staffMe, '/career/talent');
    expect(await screen.findByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeInTheDocument();
    first.unmount();
    render(staffMe, '/career/team');
    expect(await screen.findByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeInTheDocument();
  });

  it('opens the talent page for HR', async () => {
    render(hrMe, '/career/talent');
    expect(await screen.findByRole('heading', { level: 1, name: 'Talenta' })).toBeInTheDocument();
  });

  it('opens the team page for a supervisor', async () => {
    render(lurahMe, '/career/team');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pengembangan Tim' })).toBeInTheDocument();
    expect(await screen.findByText('Anda belum memiliki bawahan langsung.')).toBeInTheDocument();
  });
});
