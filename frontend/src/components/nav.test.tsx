import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/utils';
import { entryMatches, groupNav, type NavEntry } from './nav';
import { MainNavList } from './MainNav';

const entries: NavEntry[] = [
  { area: 'admin', to: '/admin/units', label: 'nav.units' },
  { area: 'home', to: '/', label: 'nav.home', end: true },
  { area: 'kinerja', to: '/kinerja', label: 'nav.cycle.mine' },
  { area: 'admin', to: '/admin/employees', label: 'nav.employees' },
  { area: 'kinerja', to: '/kinerja', label: 'nav.cycle.mine' },
  { area: 'help', to: '/bantuan', label: 'nav.hr.help' },
];

describe('main navigation model', () => {
  it('groups entries by area in the areas’ order, drops empty areas and repeated paths', () => {
    const groups = groupNav(entries);
    expect(groups.map((g) => g.area)).toEqual(['home', 'kinerja', 'admin', 'help']);
    expect(groups.find((g) => g.area === 'kinerja')?.entries).toHaveLength(1);
    expect(groups.find((g) => g.area === 'admin')?.entries.map((e) => e.to)).toEqual([
      '/admin/units',
      '/admin/employees',
    ]);
  });

  it('matches an entry on its own path and below it, Beranda only on /', () => {
    const kinerja: NavEntry = { area: 'kinerja', to: '/kinerja', label: 'nav.cycle.mine' };
    expect(entryMatches(kinerja, '/kinerja/hasil')).toBe(true);
    expect(entryMatches(kinerja, '/kinerjaku')).toBe(false);
    expect(entryMatches({ area: 'home', to: '/', label: 'nav.home' }, '/kinerja')).toBe(false);
  });
});

describe('MainNavList', () => {
  it('shows a single-entry area as a link and a larger area as a menu that Escape closes', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MainNavList groups={groupNav(entries)} />, { route: '/admin/units' });
    expect(screen.getByRole('link', { name: 'Kinerja Saya' })).toHaveAttribute('href', '/kinerja');
    const admin = screen.getByRole('button', { name: /Administrasi/ });
    expect(admin).toHaveAttribute('aria-expanded', 'false');
    // The area holding the current page is marked.
    expect(admin.closest('li')).toHaveClass('current');

    await user.click(admin);
    expect(admin).toHaveAttribute('aria-expanded', 'true');
    const list = document.getElementById(admin.getAttribute('aria-controls')!)!;
    expect(list).toHaveClass('open');
    expect(screen.getByRole('link', { name: 'Pegawai' })).toHaveAttribute('href', '/admin/employees');

    await user.keyboard('{Escape}');
    expect(admin).toHaveAttribute('aria-expanded', 'false');
    expect(list).not.toHaveClass('open');
    expect(admin).toHaveFocus();
  });
});
