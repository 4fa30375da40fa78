import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { MemberPage } from './MemberPage';
import { berakhlak, lurahMe, period, periodsPage, STAF_NIP } from '../testData';

const member = {
  nip: STAF_NIP,
  name: 'Siti Aminah',
  jabatan: 'Pengadministrasi Umum',
  unit_code: 'CKN-KEL-CB',
  skp_status: 'approved',
  indicators: 2,
  realisasi: 2,
  responses_360_submitted: 5,
  suggestion: { rating: 'di_atas', mean: 4.25 },
  evaluation: null,
  appeal_status: null,
};

const summary = {
  period_id: period.id,
  nip: STAF_NIP,
  name: 'Siti Aminah',
  run_360: true,
  anonymity_threshold: 3,
  groups: [
    { group: 'self', label: 'Diri', anonymous: false, responses: 1, min_responses: 1, visible: true, weight: 0, mean: 4.0, values: [], overall_comments: [] },
    {
      group: 'supervisor',
      label: 'Atasan',
      anonymous: false,
      responses: 1,
      min_responses: 1,
      visible: true,
      weight: 40,
      mean: 4.5,
      values: [{ value: 'akuntabel', name: 'Akuntabel', mean: 4.5, comments: [] }],
      overall_comments: [],
    },
    { group: 'peer', label: 'Rekan', anonymous: true, responses: 2, min_responses: 3, visible: false, weight: 20, mean: null, values: [], overall_comments: [] },
    { group: 'subordinate', label: 'Bawahan', anonymous: true, responses: 0, min_responses: 3, visible: false, weight: 20, mean: null, values: [], overall_comments: [] },
    { group: 'public', label: 'Masyarakat', anonymous: true, responses: 31, min_responses: 30, visible: true, weight: 20, mean: 4.0, values: [], overall_comments: [], public_index: 81.25 },
  ],
  weighted_mean: 4.33,
  weights_used: [
    { group: 'supervisor', weight: 40, share: 0.6667, mean: 4.5 },
    { group: 'public', weight: 20, share: 0.3333, mean: 4.0 },
  ],
  suggested_rating: 'di_atas',
  suggested_rating_label: 'Di Atas Ekspektasi',
  why: 'Rata-rata tertimbang = (40 × 4,50 + 20 × 4,00) ÷ 60 = 4,33 → Di Atas Ekspektasi',
};

function routes(put: (body: Record<string, unknown>) => Response) {
  return mockFetch({
    'GET /api/v1/me': () => json(lurahMe),
    'GET /api/v1/periods': () => json(periodsPage),
    [`GET /api/v1/periods/${period.id}/team`]: () => json({ period_id: period.id, items: [member] }),
    [`GET /api/v1/periods/${period.id}/employees/${STAF_NIP}/360`]: () => json(summary),
    [`GET /api/v1/periods/${period.id}/employees/${STAF_NIP}/realisasi`]: () =>
      json({ period: { id: period.id, name: period.name, year: 2026, state: 'open' }, employee: { nip: STAF_NIP, name: 'Siti' }, skp: { id: 's1', status: 'approved' }, rhk: [], can_edit: false }),
    'GET /api/v1/reference/berakhlak': () => json(berakhlak),
    [`GET /api/v1/employees/${STAF_NIP}/feedback-notes`]: () => json({ items: [], meta: { page: 1, per_page: 100, total: 0 } }),
    [`GET /api/v1/employees/${STAF_NIP}/coaching`]: () => json({ items: [], meta: { page: 1, per_page: 100, total: 0 } }),
    [`PUT /api/v1/periods/${period.id}/evaluations/${STAF_NIP}`]: (c) => put(JSON.parse(c.body) as Record<string, unknown>),
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/tim/pegawai/:nip" element={<MemberPage />} />
    </Routes>,
    { route: `/tim/pegawai/${STAF_NIP}?period=${period.id}` },
  );
}

describe('MemberPage rating form', () => {
  afterEach(() => clearTokens());

  it('previews the predikat from the exact matrix and requires a justification when differing from the 360', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = routes((body) => json({ ...body, predikat: { code: 4, label: 'Kurang', value: 'kurang' } }));
    renderPage();
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'Penilaian atasan' });
    // The 360 breakdown beside it: withheld peers, the formula and the suggestion.
    const peers = (await screen.findByRole('rowheader', { name: 'Rekan kerja' })).closest('tr')!;
    expect(peers).toHaveTextContent('Belum cukup tanggapan (minimal 3)');
    expect(peers).not.toHaveTextContent('4,');
    expect(screen.getByText(/\(40 × 4,50 \+ 20 × 4,00\) ÷ \(40 \+ 20\) = 4,33/)).toBeInTheDocument();

    const hasil = within(form).getByRole('group', { name: /Rating hasil kerja/ });
    const perilaku = within(form).getByRole('group', { name: /Rating perilaku kerja/ });
    await user.click(within(hasil).getByRole('radio', { name: 'Di Atas Ekspektasi' }));
    await user.click(within(perilaku).getByRole('radio', { name: 'Di Bawah Ekspektasi' }));
    // Di Atas × Di Bawah is Kurang (not Butuh Perbaikan): the lookup, not arithmetic.
    expect(form.querySelector('.preview')).toHaveTextContent('Predikat kinerja: Kurang');
    const cell = within(form).getByRole('table').querySelector('td[aria-current="true"]');
    expect(cell).toHaveTextContent('Kurang');

    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    const justification = within(form).getByLabelText(/Alasan berbeda dari saran 360/);
    expect(justification).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.type(justification, 'Beberapa kali terlambat menyerahkan laporan.');
    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    expect(await within(form).findByText('Penilaian tersimpan.')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body)).toEqual({
      rating_hasil_kerja: 'di_atas',
      rating_perilaku: 'di_bawah',
      justification: 'Beberapa kali terlambat menyerahkan laporan.',
      final: false,
    });
  }, 20_000);

  it("shows the server's justification_required on the field", async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    routes(() =>
      apiError(422, 'justification_required', 'Alasan wajib diisi.', {
        fields: { justification: ['Alasan wajib diisi karena berbeda dari saran 360.'] },
      }),
    );
    renderPage();
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Penilaian atasan' });
    await user.click(within(within(form).getByRole('group', { name: /Rating hasil kerja/ })).getByRole('radio', { name: 'Sesuai Ekspektasi' }));
    // Same as the suggestion on the client: the server still decides.
    await user.click(within(within(form).getByRole('group', { name: /Rating perilaku kerja/ })).getByRole('radio', { name: 'Di Atas Ekspektasi' }));
    await user.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    await waitFor(() => expect(within(form).getAllByText('Alasan wajib diisi karena berbeda dari saran 360.').length).toBeGreaterThan(0));
  }, 20_000);
});
