import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { ApiKeysPage } from './ApiKeysPage';
import { AuditPage } from './AuditPage';
import { API_SCOPES } from '../api/admin';

const key = {
  id: '00000000-0000-0000-0000-000000000001',
  name: 'SIMPEG Kota Mataram',
  prefix: 'k360_ab12',
  scopes: ['master:read'],
  created_at: '2026-12-01T02:00:00Z',
  last_used_at: null,
  revoked_at: null,
};

describe('API keys', { timeout: 20_000 }, () => {
  it('offers every scope of the spec, refuses a key without one, and shows a created key once', async () => {
    const user = userEvent.setup();
    let list = [key];
    const { calls } = mockFetch({
      'GET /api/v1/api-keys': () => json(list),
      'POST /api/v1/api-keys': (c) => {
        const body = JSON.parse(c.body) as { name: string; scopes: string[] };
        const created = { ...key, id: '00000000-0000-0000-0000-000000000002', name: body.name, scopes: body.scopes };
        list = [...list, created];
        return json({ ...created, key: 'k360_secret_value' }, 201);
      },
    });
    renderWithProviders(<ApiKeysPage />);
    expect(await screen.findByRole('cell', { name: 'SIMPEG Kota Mataram' }, { timeout: 5000 })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Buat kunci baru' }));
    const scopes = within(screen.getByRole('group', { name: 'Cakupan' })).getAllByRole('checkbox');
    expect(scopes).toHaveLength(API_SCOPES.length);
    await user.type(screen.getByLabelText(/^Nama/), 'Dasbor Bupati');
    await user.click(screen.getByRole('button', { name: 'Buat kunci' }));
    expect(screen.getByText('Pilih minimal satu cakupan.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: /results:read/ }));
    await user.click(screen.getByRole('button', { name: 'Buat kunci' }));
    expect(await screen.findByDisplayValue('k360_secret_value')).toHaveAttribute('readonly');
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({
      name: 'Dasbor Bupati',
      scopes: ['results:read'],
    });
    expect(screen.getByRole('button', { name: /Salin/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Selesai' }));
    expect(screen.queryByDisplayValue('k360_secret_value')).toBeNull();
    expect(await screen.findByRole('cell', { name: 'Dasbor Bupati' })).toBeInTheDocument();
  });

  it('revokes a key only after the confirmation', async () => {
    const user = userEvent.setup();
    let revoked = false;
    mockFetch({
      'GET /api/v1/api-keys': () => json([revoked ? { ...key, revoked_at: '2026-12-02T02:00:00Z' } : key]),
      [`DELETE /api/v1/api-keys/${key.id}`]: () => {
        revoked = true;
        return json(null, 204);
      },
    });
    renderWithProviders(<ApiKeysPage />);
    const row = (await screen.findByRole('cell', { name: 'SIMPEG Kota Mataram' }, { timeout: 5000 })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: /^Cabut/ }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('tidak dapat dibatalkan');
    expect(revoked).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Cabut' }));
    expect(await screen.findByText(/^Dicabut/)).toBeInTheDocument();
    expect(within(screen.getByRole('cell', { name: 'SIMPEG Kota Mataram' }).closest('tr')!).queryByRole('button')).toBeNull();
  });
});

describe('audit log', { timeout: 20_000 }, () => {
  it('lists entries and reports a broken chain with the first entry that fails', async () => {
    const user = userEvent.setup();
    mockFetch({
      'GET /api/v1/audit': () =>
        json({
          items: [
            {
              id: '00000000-0000-0000-0000-00000000000a',
              seq: 42,
              at: '2026-12-01T02:00:00Z',
              actor: 'user:00000000-0000-0000-0000-0000000000aa',
              action: 'employee.update',
              object_type: 'employee',
              object_id: '199303152017122027',
              detail: '{"field":"jabatan"}',
              hash: 'ab',
            },
          ],
          meta: { page: 1, per_page: 25, total: 1 },
        }),
      'GET /api/v1/audit/verify': () => json({ intact: false, entries: 42, broken_at: 17, reason: 'hash mismatch' }),
    });
    renderWithProviders(<AuditPage />);
    expect(await screen.findByText('employee.update', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Verifikasi rantai' }));
    expect(await screen.findByText('Rantai rusak pada catatan #17: hash mismatch')).toBeInTheDocument();
  });

  it('says so when the verification is refused', async () => {
    const user = userEvent.setup();
    mockFetch({
      'GET /api/v1/audit': () => json({ items: [], meta: { page: 1, per_page: 25, total: 0 } }),
      'GET /api/v1/audit/verify': () => apiError(403, 'forbidden', 'Akses ditolak.'),
    });
    renderWithProviders(<AuditPage />);
    expect(await screen.findByText('Tidak ada catatan audit.', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Verifikasi rantai' }));
    expect(await screen.findByText('Akses ditolak.')).toBeInTheDocument();
  });
});
