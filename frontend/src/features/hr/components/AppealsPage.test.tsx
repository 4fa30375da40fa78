import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { AppealsPage } from './AppealsPage';
import { meWithRoles, PERIOD_ID } from './fixtures';

const appeal = {
  id: 'e0000000-0000-0000-0000-000000000005',
  evaluation_id: 'e0000000-0000-0000-0000-000000000006',
  period: { id: PERIOD_ID, name: 'Triwulan II 2026' },
  employee: { nip: '199001012015032001', name: 'Siti Aminah', jabatan: 'Analis' },
  penilai: { nip: '198503152010011002', name: 'Ahmad Fauzi', jabatan: 'Camat' },
  decider: null,
  decided_by_hr: true,
  reasons: 'Realisasi saya melampaui target.',
  employee_statement: null,
  penilai_statement: null,
  status: 'decided',
  decision: 'change',
  decision_reason: 'Bukti dukung lengkap.',
  old: { rating_hasil_kerja: 'sesuai', rating_perilaku: 'sesuai', predikat: { code: 2, label: 'Baik', value: 'baik' } },
  new: { rating_hasil_kerja: 'di_atas', rating_perilaku: 'di_atas', predikat: { code: 1, label: 'Sangat Baik', value: 'sangat_baik' } },
  filed_at: '2026-07-16T02:00:00Z',
  decided_at: '2026-07-20T02:00:00Z',
  can_decide: false,
  can_write_statement: null,
};

describe('AppealsPage', () => {
  afterEach(() => clearTokens());

  it('lists every appeal with its decision and filters by status', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['auditor'])),
      'GET /api/v1/appeals': () => json({ items: [appeal], meta: { page: 1, per_page: 20, total: 1 } }),
    });
    renderWithProviders(<AppealsPage />, { route: '/hr/appeals' });
    const table = await screen.findByRole('table', { name: 'Daftar keberatan' });
    const row = within(table).getByText('Siti Aminah').closest('tr')!;
    expect(row).toHaveTextContent('Triwulan II 2026');
    expect(row).toHaveTextContent('Pengelola kinerja');
    expect(row).toHaveTextContent('Diubah');
    expect(row).toHaveTextContent('Sebelum: Baik · Sesudah: Sangat Baik');
    expect(calls[calls.length - 1]!.search.get('role')).toBe('all');

    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'filed');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/appeals' && c.search.get('status') === 'filed')).toBe(true));
  });
});
