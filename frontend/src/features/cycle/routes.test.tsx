import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/utils';
import { adminMe } from '../../test/fixtures';
import { CycleNavItems } from './routes';
import { lurahMe, stafMe } from './testData';

function nav(me: Parameters<typeof CycleNavItems>[0]['me']) {
  return renderWithProviders(
    <ul>
      <CycleNavItems me={me} />
    </ul>,
  );
}

describe('cycle navigation', () => {
  it('offers the own pages to every employee and the team pages only to supervisors', () => {
    const { unmount } = nav(stafMe);
    expect(screen.getByRole('link', { name: 'Kinerja Saya' })).toHaveAttribute('href', '/kinerja');
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
