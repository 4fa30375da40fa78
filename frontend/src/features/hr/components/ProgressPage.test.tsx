import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { employee, unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { ProgressPage } from './ProgressPage';
// Loaded up front so the page's lazy chart chunk resolves at once (Recharts is slow to transform).
import './ProgressCharts';
import { meWithRoles, period, PERIOD_ID } from './fixtures';

const result = (nip: string, status: string) => ({
  nip,
  name: `Pegawai ${nip.slice(-3)}`,
  golongan: 'III/a',
  jabatan: 'Staf',
  unit_code: 'CKN',
  rating_hasil_kerja: 'sesuai',
  rating_hasil_kerja_code: 2,
  rating_perilaku_kerja: 'sesuai',
  rating_perilaku_kerja_code: 2,
  predikat: { code: 2, label: 'Baik', value: 'baik' },
  penilai: { nip: '198503152010011002', name: 'Camat', jabatan: 'Camat', golongan: 'IV/a', unit_code: 'CKN' },
  status,
});

describe('ProgressPage', () => {
  afterEach(() => clearTokens());

  it('shows per unit who is not yet evaluated, the 360 forms owed, and links to the distribution', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['auditor'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`GET /api/v1/periods/${PERIOD_ID}/results`]: () =>
        json({
          period_id: PERIOD_ID,
          items: [result('199001012015032001', 'final'), result('199001012015032002', 'draft'), result('199001012015032003', 'final')],
        }),
      [`GET /api/v1/periods/${PERIOD_ID}/units`]: () =>
        json({
          period_id: PERIOD_ID,
          items: [{ unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', org_result: 'baik', employees: 3, needs_override: false, small_unit: true, evaluations_not_final: 1, finalised: false, conforms: true, blockers: [] }],
        }),
      [`GET /api/v1/periods/${PERIOD_ID}/360/progress`]: () =>
        json({
          units: [{ unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', assigned: 20, submitted: 15, pending: 5, awaiting_approval: 2 }],
          raters: [{ unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', raters: 4, pending: 3 }],
        }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/progress" element={<ProgressPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/progress` },
    );

    const evals = await screen.findByRole('table', { name: /Penilaian atasan per unit/ });
    const row = within(evals).getByText('Kecamatan Cakranegara').closest('tr')!;
    const cell = (label: string) => row.querySelector(`td[data-label="${label}"]`)!.textContent;
    expect(cell('Pegawai')).toBe('12');
    expect(cell('Belum dinilai')).toBe('9');
    expect(cell('Draf')).toBe('1');
    expect(cell('Final')).toBe('2');
    expect(cell('Hasil kerja organisasi')).toContain('Baik');
    expect(cell('Hasil kerja organisasi')).toContain('Belum final');
    expect(within(row).getByRole('link', { name: /Kurva distribusi/ })).toHaveAttribute(
      'href',
      `/hr/periods/${PERIOD_ID}/units/CKN`,
    );

    const forms = await screen.findByRole('table', { name: 'Formulir 360 per unit yang dinilai' });
    expect(within(forms).getByText('Kecamatan Cakranegara').closest('tr')).toHaveTextContent('201552');
    const raters = screen.getByRole('table', { name: 'Penilai dengan formulir 360 yang belum dikirim' });
    expect(within(raters).getByText('Kecamatan Cakranegara').closest('tr')).toHaveTextContent('43');
    expect(within(raters).queryByText('Budi Santoso')).toBeNull();
    expect(await screen.findByText('Penilaian per unit: final, draf, dan belum dinilai', {}, { timeout: 10_000 })).toBeInTheDocument();
  }, 20_000);

  it('names who blocks finalisation and publication and records an exemption with a reason and a note', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const blocker = { unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', nip: '199103032016031004', name: 'Ni Luh Staf' };
    let exempted = false;
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json({ ...period, run_360: false }),
      [`GET /api/v1/periods/${PERIOD_ID}/results`]: () => json({ period_id: PERIOD_ID, items: [] }),
      [`GET /api/v1/periods/${PERIOD_ID}/units`]: () =>
        json({
          period_id: PERIOD_ID,
          items: [{ unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', org_result: 'baik', employees: 0, needs_override: false, small_unit: true, evaluations_not_final: 0, finalised: false, conforms: null, blockers: exempted ? [] : [blocker] }],
        }),
      [`POST /api/v1/periods/${PERIOD_ID}/exemptions`]: (c) => {
        exempted = true;
        const body = JSON.parse(c.body) as { nip: string; reason: string; note: string };
        return json({ ...body, name: blocker.name, unit_code: 'CKN', unit_name: blocker.unit_name, created_by: 'user:x', created_at: '2026-07-01T00:00:00Z' }, 201);
      },
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/progress" element={<ProgressPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/progress` },
    );
    const table = await screen.findByRole('table', { name: 'Pegawai yang menghalangi finalisasi dan publikasi' });
    expect(within(table).getByText('Ni Luh Staf').closest('tr')).toHaveTextContent('199103032016031004');
    expect(screen.getByText('1 pegawai menghalangi')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Kecualikan Ni Luh Staf' }));
    const dialog = screen.getByRole('dialog', { name: /Kecualikan Ni Luh Staf/ });
    await user.selectOptions(within(dialog).getByLabelText(/Alasan/), 'tugas_belajar');
    // A note is required before anything is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Simpan pengecualian' }));
    expect(within(dialog).getByText('Keterangan minimal 5 karakter.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Keterangan/), 'Tugas belajar S2 sejak Januari');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan pengecualian' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.body)).toEqual({ nip: '199103032016031004', reason: 'tugas_belajar', note: 'Tugas belajar S2 sejak Januari' });
    expect(await screen.findByText('Ni Luh Staf dikecualikan dari penilaian periode ini.')).toBeInTheDocument();
    expect(await screen.findByText('Semua pegawai aktif sudah dinilai final atau dikecualikan.')).toBeInTheDocument();
  }, 20_000);

  it("shows each employee's SKP status and realisation once a unit is chosen", async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const a = { ...employee, nip: '199001012015032001', full_name: 'Siti Aminah' };
    const b = { ...employee, nip: '199001012015032002', full_name: 'Budi Santoso' };
    const realisasi = (status: string | null, filled: number) => ({
      period: { id: PERIOD_ID, name: period.name, year: 2026, state: 'open' },
      employee: { nip: a.nip, name: 'x', jabatan: 'y' },
      skp: status ? { id: 'd0000000-0000-0000-0000-000000000001', status } : null,
      rhk: status
        ? [{ id: 'r1', kind: 'utama', description: 'RHK', indicators: [0, 1, 2].map((i) => ({ id: `i${i}`, aspect: 'kuantitas', description: 'I', target_value: 1, target_unit: 'dok', target_text: null, realisasi: i < filled ? { id: `z${i}`, value_number: 1, value_text: null, note: null, updated_at: '2026-05-01T00:00:00Z', evidence: [] } : null })) }]
        : [],
      can_edit: false,
    });
    mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json({ ...period, run_360: false }),
      [`GET /api/v1/periods/${PERIOD_ID}/results`]: () => json({ period_id: PERIOD_ID, items: [] }),
      [`GET /api/v1/periods/${PERIOD_ID}/units`]: () => json({ period_id: PERIOD_ID, items: [] }),
      'GET /api/v1/employees': () => json({ items: [a, b], meta: { page: 1, per_page: 100, total: 2 } }),
      [`GET /api/v1/periods/${PERIOD_ID}/employees/${a.nip}/realisasi`]: () => json(realisasi('approved', 2)),
      [`GET /api/v1/periods/${PERIOD_ID}/employees/${b.nip}/realisasi`]: () => json(realisasi(null, 0)),
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/progress" element={<ProgressPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/progress?unit=CKN` },
    );
    const table = await screen.findByRole('table', { name: 'Status SKP dan realisasi pegawai CKN' });
    await waitFor(() => expect(within(table).getByText('Siti Aminah').closest('tr')).toHaveTextContent('Disetujui2 dari 3'));
    expect(within(table).getByText('Budi Santoso').closest('tr')).toHaveTextContent('Belum ada0 dari 0');
    expect(screen.getByText('2 pegawai: 1 SKP disetujui, 0 menunggu persetujuan.')).toBeInTheDocument();
    expect(screen.getByText('Putaran 360 tidak dijalankan pada periode ini.')).toBeInTheDocument();
  }, 20_000);
});
