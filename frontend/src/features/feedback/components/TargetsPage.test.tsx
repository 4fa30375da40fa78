import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { adminMe, unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { TargetsPage } from './TargetsPage';

const target = {
  id: 'a0000000-0000-0000-0000-000000000001',
  kind: 'unit',
  label: 'Loket Pelayanan',
  unit_code: 'CKN-KEL-CB',
  unit_name: 'Kelurahan Cakranegara Barat',
  employee_nip: null,
  employee_name: null,
  token: 'tok-old',
  public_url: 'http://127.0.0.1:8080/f/tok-old',
  active: true,
  created_at: '2026-11-01T00:00:00Z',
  counted: 41,
  held: 2,
};

describe('TargetsPage', () => {
  afterEach(() => clearTokens());

  it('asks for confirmation before rotating a token', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json({ ...adminMe, user: { ...adminMe.user, roles: ['hr'] } }),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      'GET /api/v1/feedback-targets': () => json({ items: [target], meta: { page: 1, per_page: 20, total: 1 } }),
      'POST /api/v1/feedback-targets/a0000000-0000-0000-0000-000000000001/rotate': () =>
        json({ ...target, token: 'tok-new', public_url: 'http://127.0.0.1:8080/f/tok-new' }),
    });
    renderWithProviders(<TargetsPage />, { route: '/feedback/targets?unit=CKN-KEL-CB' });
    const user = userEvent.setup();

    const row = (await screen.findByText('Loket Pelayanan', { selector: 'strong' })).closest('tr')!;
    expect(within(row).getByText('Aktif')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'http://127.0.0.1:8080/f/tok-old' })).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/feedback-targets')!.search.get('unit_code')).toBe('CKN-KEL-CB');

    const rotate = await within(row).findByRole('button', { name: /^Rotasi token/ });
    // Cancel: nothing is sent and focus returns to the button.
    await user.click(rotate);
    let dialog = screen.getByRole('dialog', { name: 'Rotasi token Loket Pelayanan?' });
    expect(dialog).toHaveTextContent('Kode QR dan tautan lama langsung tidak berlaku lagi');
    expect(within(dialog).getByRole('button', { name: 'Batal' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(rotate).toHaveFocus();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    // Confirm: the rotate endpoint is called once.
    await user.click(rotate);
    dialog = screen.getByRole('dialog', { name: 'Rotasi token Loket Pelayanan?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ya, rotasi token' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/v1/feedback-targets/a0000000-0000-0000-0000-000000000001/rotate',
    ]);
    expect(await screen.findByText(/Token Loket Pelayanan dirotasi/)).toBeInTheDocument();
  });

  it('hides the write actions from an auditor', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json({ ...adminMe, user: { ...adminMe.user, roles: ['auditor'] } }),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      'GET /api/v1/feedback-targets': () => json({ items: [target], meta: { page: 1, per_page: 20, total: 1 } }),
    });
    renderWithProviders(<TargetsPage />, { route: '/feedback/targets' });
    const row = (await screen.findByText('Loket Pelayanan', { selector: 'strong' })).closest('tr')!;
    expect(within(row).getByRole('link', { name: /^Cetak QR/ })).toHaveAttribute(
      'href',
      '/feedback/targets/a0000000-0000-0000-0000-000000000001/qr',
    );
    expect(within(row).queryByRole('button', { name: /^Rotasi token/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tambah sasaran' })).toBeNull();
  });
});
