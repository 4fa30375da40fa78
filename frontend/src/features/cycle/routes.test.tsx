import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/utils';
import { adminMe } from '../../test/fixtures';
import { cycleNavEntries } from './routes';
import { MainNavList } from '../../components/MainNav';
import { groupNav } from '../../components/nav';
import type { Me } from '../../api/types';
import { lurahMe, stafMe } from './testData';

function nav(me: Me) {
  return renderWithProviders(<MainNavList groups={groupNav(cycleNavEntries(me))} />);
}

describe('cycle navigation', () => {
  it('offers the own pages to every employee and the team pages only to supervisors', () => {
    const { unmount } = nav(stafMe);
    expect(screen.getByRole('link', { name: 'Kinerja Saya' })).toHaveAttribute('href', '/kinerja');
    // The 360 forms have their own area.
    expect(screen.getByRole('link', { name: 'Formulir 360' })).toHaveAttribute('href', '/kinerja/360');
    expect(screen.queryByRole('link', { name: 'Tim Saya' })).toBeNull();
    unmount();

    nav(lurahMe);
    expect(screen.getByRole('link', { name: 'Tim Saya' })).toHaveAttribute('href', '/tim');
  });

  it('shows nothing to an account without an employee record', () => {
    nav(adminMe);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
