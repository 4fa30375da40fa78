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
  results_360_released: true,
  suggestion: { rating: 'di_atas', mean: 4.25 },
  evaluation: null,
  appeal_status: null,
};

const summary = {
  period_id: period.id,
  nip: STAF_NIP,
  name: 'Siti Aminah',
  run_360: true,
  released: true,
  release_on: null,
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
    { group: 'peer', label: 'Rekan', anonymous: true, responses: null, count_below_threshold: true, min_responses: 3, visible: false, weight: 20, mean: null, values: [], overall_comments: [] },
    { group: 'subordinate', label: 'Bawahan', anonymous: true, responses: null, count_below_threshold: true, min_responses: 3, visible: false, weight: 20, mean: null, values: [], overall_comments: [] },
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

type Handlers = Parameters<typeof mockFetch>[0];

function routes(put: (body: Record<string, unknown>) => Response, extra: Handlers = {}) {
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
    ...extra,
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

const peer = { nip: '199505052019031002', name: 'Rina Putri', jabatan: 'Analis', unit_code: 'CKN-KEL-CB', unit_name: 'Kelurahan CB' };

describe('MemberPage peers and coaching', () => {
  afterEach(() => clearTokens());

  it('approves a nominated peer through the approve endpoint, without saying who answered', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    let state = 'nominated';
    const { calls } = routes(() => json({}), {
      'GET /api/v1/periods': () => json({ ...periodsPage, items: [{ ...period, run_360: true }] }),
      [`GET /api/v1/periods/${period.id}/employees/${STAF_NIP}/peers`]: () =>
        json({
          items: [
            { ...peer, id: 'r1', state, nominated_by_ratee: true },
            { ...peer, nip: '199707072020121003', name: 'Dedi Kurnia', id: 'r2', state: 'approved', nominated_by_ratee: false },
          ],
        }),
      'POST /api/v1/ratings360/r1/approve': () => {
        state = 'approved';
        return json({ ...peer, id: 'r1', group: 'peer', state: 'approved' });
      },
    });
    renderPage();
    const user = userEvent.setup();

    const section = (await screen.findByRole('heading', { name: 'Rekan kerja penilai 360' })).closest('section')!;
    const table = await within(section).findByRole('table', { name: 'Rekan kerja penilai 360 dan status persetujuannya' });
    expect(within(table).getByRole('rowheader', { name: /Rina Putri/ })).toHaveTextContent('Diusulkan pegawai');
    // Only the nomination gets the buttons; the approved peer has none.
    expect(within(table).queryByRole('button', { name: 'Setujui Dedi Kurnia' })).toBeNull();
    expect(within(table).getByRole('button', { name: 'Tolak Rina Putri' })).toBeInTheDocument();
    expect(section).not.toHaveTextContent(/terkirim|submitted|draf/i);

    await user.click(within(table).getByRole('button', { name: 'Setujui Rina Putri' }));
    expect(await within(section).findByText('Rina Putri disetujui sebagai rekan penilai.')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/ratings360/r1/approve');
    expect(post).toBeDefined();
    await waitFor(() => expect(within(section).queryByRole('button', { name: 'Setujui Rina Putri' })).toBeNull());
  }, 20_000);

  it('records coaching with competency scores (B.1.9)', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = routes(() => json({}), {
      [`POST /api/v1/employees/${STAF_NIP}/coaching`]: (c) => {
        const body = JSON.parse(c.body) as Record<string, unknown>;
        return json({ id: 'c1', ...body, competency_scores: [], created_at: '2026-05-01T00:00:00Z', updated_at: '2026-05-01T00:00:00Z' }, 201);
      },
    });
    renderPage();
    const user = userEvent.setup();

    await screen.findByRole('heading', { name: 'Bimbingan kinerja' });
    await user.type(screen.getByLabelText(/^Topik/), 'Penyusunan laporan');
    await user.click(screen.getByRole('button', { name: 'Tambah kompetensi' }));
    await user.type(screen.getByLabelText('Kompetensi 1'), 'Komunikasi');
    await user.click(screen.getByRole('button', { name: 'Tambah kompetensi' }));
    await user.type(screen.getByLabelText('Kompetensi 2'), 'Kerja sama');
    // A name without a score is refused before sending.
    await user.click(screen.getByRole('button', { name: 'Simpan bimbingan' }));
    expect(await screen.findByRole('link', { name: 'Kompetensi 1: pilih skor 1–5.' })).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.selectOptions(screen.getByLabelText('Skor kompetensi 1'), '4');
    await user.selectOptions(screen.getByLabelText('Skor kompetensi 2'), '5');
    await user.click(screen.getByRole('button', { name: 'Simpan bimbingan' }));
    expect(await screen.findByText('Sesi bimbingan tercatat.')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST' && c.path.endsWith('/coaching'))!;
    expect(JSON.parse(post.body)).toMatchObject({
      topic: 'Penyusunan laporan',
      notes: null,
      competency_scores: { Komunikasi: 4, 'Kerja sama': 5 },
    });
  }, 20_000);
});
