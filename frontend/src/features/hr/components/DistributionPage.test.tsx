import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { DistributionPage } from './DistributionPage';
import { meWithRoles, period, PERIOD_ID } from './fixtures';

const dist = {
  period_id: PERIOD_ID,
  unit_code: 'CKN-SEK',
  unit_name: 'Sekretariat Kecamatan',
  org_result: 'baik',
  org_result_label: 'Baik',
  employees: 10,
  counts: { sangat_baik: 1, baik: 9, butuh_perbaikan: 0, kurang: 0, sangat_kurang: 0 },
  percentages: { sangat_baik: 10, baik: 90, butuh_perbaikan: 0, kurang: 0, sangat_kurang: 0 },
  rules: [
    { rule: 'Paling banyak 70% Baik', kind: 'at_most', predikats: ['baik'], percent: 70, limit: 7, actual: 9, satisfied: false, message: '9 pegawai Baik, paling banyak 7.' },
    { rule: 'Paling sedikit satu Butuh Perbaikan atau Kurang', kind: 'at_least_count', predikats: ['butuh_perbaikan', 'kurang'], percent: null, limit: 1, actual: 0, satisfied: false, message: 'Belum ada Butuh Perbaikan atau Kurang.' },
  ],
  conforms: false,
  small_unit: false,
  needs_override: true,
  warning: null,
  evaluations_not_final: 0,
  finalised: false,
  finalised_at: null,
  finalised_by: null,
  override_reason: null,
};

describe('DistributionPage', () => {
  afterEach(() => clearTokens());

  it('shows the broken rules and finalises only with an override reason', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`GET /api/v1/periods/${PERIOD_ID}/units/CKN-SEK/distribution`]: () => json(dist),
      [`POST /api/v1/periods/${PERIOD_ID}/units/CKN-SEK/finalise`]: (c) =>
        JSON.parse(c.body).override_reason
          ? json({ ...dist, finalised: true, finalised_at: '2026-07-05T03:00:00Z', override_reason: JSON.parse(c.body).override_reason })
          : apiError(409, 'distribution_violated', 'Kurva tidak terpenuhi'),
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/units/:code" element={<DistributionPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/units/CKN-SEK` },
    );
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Kurva distribusi: Sekretariat Kecamatan' })).toBeInTheDocument();
    expect(screen.getByText('Sebaran predikat tidak sesuai aturan.')).toBeInTheDocument();
    const baik = screen.getByRole('rowheader', { name: 'Baik' }).closest('tr')!;
    expect(baik).toHaveTextContent('9');
    expect(baik).toHaveTextContent('90,0%');
    expect(screen.getByText('9 pegawai Baik, paling banyak 7.').closest('tr')).toHaveTextContent('Tidak terpenuhi');

    await user.click(screen.getByRole('button', { name: 'Finalkan unit' }));
    const dialog = screen.getByRole('dialog', { name: 'Finalkan unit Sekretariat Kecamatan?' });
    await user.type(within(dialog).getByLabelText(/Alasan pengecualian/), 'pendek');
    await user.click(within(dialog).getByRole('button', { name: 'Finalkan unit' }));
    expect(within(dialog).getByText('Alasan minimal 10 karakter.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByLabelText(/Alasan pengecualian/), ' — kinerja unit memang merata tahun ini');
    await user.click(within(dialog).getByRole('button', { name: 'Finalkan unit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Unit Sekretariat Kecamatan difinalkan.')).toBeInTheDocument();
    expect(screen.getByText(/Alasan pengecualian: pendek — kinerja unit/)).toBeInTheDocument();
  });
});
