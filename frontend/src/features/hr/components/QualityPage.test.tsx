import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { QualityPage } from './QualityPage';
import { meWithRoles, period, PERIOD_ID } from './fixtures';

describe('QualityPage', () => {
  afterEach(() => clearTokens());

  it('lists flagged raters with the meaning of each flag', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`GET /api/v1/periods/${PERIOD_ID}/360/quality`]: () =>
        json({
          period_id: PERIOD_ID,
          raters_checked: 14,
          items: [
            { nip: '199202022016041002', name: 'Budi Santoso', unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', flags: ['straight_lining', 'lenient'] },
          ],
        }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/quality" element={<QualityPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/quality?unit=CKN` },
    );
    expect(await screen.findByText('14 penilai diperiksa; 1 ditandai.')).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'Penilai yang ditandai' })).getByText('Budi Santoso').closest('tr')!;
    expect(within(row).getByText('Skor seragam')).toBeInTheDocument();
    expect(within(row).getByText('Terlalu longgar')).toHaveAttribute('title', expect.stringMatching(/jauh di atas rata-rata/));
    // Never a rater's mean or number of responses (ADR 0013).
    expect(row).not.toHaveTextContent(/\d,\d\d/);
    // The explanation of all three flags, and the reminder that ratees never see them.
    expect(screen.getByText(/memberi skor yang sama untuk semua nilai BerAKHLAK/)).toBeInTheDocument();
    expect(screen.getByText(/jauh di bawah rata-rata penilai lain/)).toBeInTheDocument();
    expect(screen.getByText(/tidak pernah ditampilkan kepada pegawai yang dinilai/)).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/quality'))!.search.get('unit_code')).toBe('CKN');
  });
});
