import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { TrainingsPage } from './TrainingsPage';
import { CandidatesPage } from './CandidatesPage';
import { ReportsPage } from './ReportsPage';
import { PlacementPage } from './PlacementPage';
import { auditorMe, hrMe, plan, STAFF_NIP } from '../test/data';

const units = () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } });
const values = () =>
  json([
    { code: 'berorientasi_pelayanan', number: 1, name: 'Berorientasi Pelayanan', name_en: 'Service-oriented', indicators: [], indicators_en: [] },
    { code: 'akuntabel', number: 2, name: 'Akuntabel', name_en: 'Accountable', indicators: [], indicators_en: [] },
  ]);
const training = {
  id: 't1',
  title: 'Pelatihan Akuntabilitas Kinerja',
  provider: 'BPSDM NTB',
  value_code: 'akuntabel',
  value_label: 'Akuntabel',
  competency: 'Akuntabilitas',
  hours: 12,
  mode: 'e-learning',
  active: true,
};

describe('TrainingsPage', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('lists the catalogue with value, JP and mode, and filters by value', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(auditorMe),
      'GET /api/v1/reference/berakhlak': values,
      'GET /api/v1/trainings': () => json({ items: [training] }),
    });
    renderWithProviders(<TrainingsPage />, { route: '/career/trainings' });
    const table = await screen.findByRole('table', { name: 'Katalog pelatihan (1)' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Pelatihan Akuntabilitas Kinerja');
    expect(row).toHaveTextContent('Akuntabel');
    expect(row).toHaveTextContent('12');
    expect(row).toHaveTextContent('E-learning');
    // The auditor reads only.
    expect(screen.queryByRole('button', { name: 'Tambah pelatihan' })).toBeNull();
    expect(within(row).queryByRole('button', { name: /Hapus/ })).toBeNull();

    await screen.findByRole('option', { name: 'Akuntabel' });
    await userEvent.setup().selectOptions(screen.getByLabelText('Nilai BerAKHLAK'), 'akuntabel');
    await screen.findByRole('table');
    expect(calls.filter((c) => c.path === '/api/v1/trainings').at(-1)?.search.get('value_code')).toBe('akuntabel');
  });

  it('adds a training after checking the fields, and shows a duplicate as the server says', async () => {
    let n = 0;
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/reference/berakhlak': values,
      'GET /api/v1/trainings': () => json({ items: [] }),
      'POST /api/v1/trainings': () => {
        n += 1;
        return n === 1
          ? apiError(409, 'training_exists', 'Pelatihan dengan judul dan penyelenggara yang sama sudah ada')
          : json({ ...training, title: 'Pelayanan Prima' }, 201);
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<TrainingsPage />, { route: '/career/trainings' });
    await user.click(await screen.findByRole('button', { name: 'Tambah pelatihan' }));
    const form = screen.getByRole('form', { name: 'Tambah pelatihan' });
    await user.type(within(form).getByLabelText(/Jam pelajaran/), '900');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(within(form).getByLabelText(/Nama pelatihan/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Isi bilangan bulat 1–500.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText(/Nama pelatihan/), 'Pelayanan Prima');
    await user.type(within(form).getByLabelText(/Penyelenggara/), 'BPSDM NTB');
    await user.clear(within(form).getByLabelText(/Jam pelajaran/));
    await user.type(within(form).getByLabelText(/Jam pelajaran/), '20');
    await user.selectOptions(within(form).getByLabelText(/Nilai BerAKHLAK/), 'berorientasi_pelayanan');
    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('sudah ada');

    await user.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Pelatihan “Pelayanan Prima” ditambahkan.')).toBeInTheDocument();
    expect(JSON.parse(calls.filter((c) => c.method === 'POST')[1]?.body ?? '{}')).toEqual({
      title: 'Pelayanan Prima',
      provider: 'BPSDM NTB',
      value_code: 'berorientasi_pelayanan',
      competency: null,
      hours: 20,
      mode: 'klasikal',
      active: true,
    });
  });

  it('asks before deleting and shows why a training in use cannot be deleted', async () => {
    mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/reference/berakhlak': values,
      'GET /api/v1/trainings': () => json({ items: [training] }),
      'DELETE /api/v1/trainings/t1': () =>
        apiError(409, 'training_in_use', 'Pelatihan ini dipakai dalam rencana pengembangan; nonaktifkan saja'),
    });
    const user = userEvent.setup();
    renderWithProviders(<TrainingsPage />, { route: '/career/trainings' });
    await user.click(await screen.findByRole('button', { name: 'Hapus: Pelatihan Akuntabilitas Kinerja' }));
    const dialog = screen.getByRole('dialog', { name: 'Hapus pelatihan?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hapus' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('nonaktifkan saja');
  });
});

describe('CandidatesPage', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('shows each candidate with the evidence and downloads the CSV through the API client', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/units': units,
      'GET /api/v1/talent/candidates': () =>
        json({
          years: [2026, 2025],
          rule: 'Predikat Baik atau lebih pada dua tahun terakhir dan kotak 7, 8 atau 9',
          items: [
            {
              nip: '198001012005011001',
              name: 'Siti Aminah',
              unit_code: 'CKN-KEL-CB',
              jabatan: 'Analis Kebijakan Ahli Muda',
              golongan: 'III/d',
              box: 9,
              potensi: 'tinggi',
              annual: [
                { year: 2026, predikat: 'sangat_baik', predikat_label: 'Sangat Baik' },
                { year: 2025, predikat: 'baik', predikat_label: 'Baik' },
              ],
              tmt_cpns: '2005-01',
              masa_kerja_tahun: 21,
              masa_kerja_note: 'dari NIP (TMT CPNS 2005-01)',
              completed_development: [{ title: 'Kepemimpinan Pengawas', completed_on: '2026-05-10', hours: 30 }],
            },
          ],
        }),
      'GET /api/v1/talent/candidates.csv': () =>
        new Response('nip,nama\n198001012005011001,Siti Aminah\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    const user = userEvent.setup();
    renderWithProviders(<CandidatesPage />, { route: '/career/candidates?unit=CKN-KEL-CB' });
    const table = await screen.findByRole('table', { name: 'Kandidat promosi (tahun 2026, 2025)' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Siti Aminah');
    expect(row).toHaveTextContent('Kotak 9');
    expect(row).toHaveTextContent('2026: Sangat Baik');
    expect(row).toHaveTextContent('2025: Baik');
    expect(row).toHaveTextContent('21 tahun');
    expect(row).toHaveTextContent('Kepemimpinan Pengawas');

    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect(await screen.findByText('Berkas CSV telah diunduh.')).toBeInTheDocument();
    const csv = calls.find((c) => c.path === '/api/v1/talent/candidates.csv');
    expect(csv?.search.get('unit_code')).toBe('CKN-KEL-CB');
    expect(csv?.headers.get('Authorization')).toBe('Bearer a');
  });
});

describe('PlacementPage', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('needs a jabatan, then lists who fits the family', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/units': units,
      'GET /api/v1/talent/placement': () =>
        json({
          family: 'Analis Kebijakan',
          jenjang: 'ahli_muda',
          items: [
            { nip: '198001012005011001', name: 'Siti Aminah', jabatan: 'Analis Kebijakan Ahli Pertama', unit_code: 'CKN', latest_predikat: 'baik', latest_period: 'Triwulan III 2026', box: 8 },
          ],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<PlacementPage />, { route: '/career/placement' });
    await user.click(await screen.findByRole('button', { name: 'Cari' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Wajib diisi.');
    expect(calls.some((c) => c.path === '/api/v1/talent/placement')).toBe(false);

    await user.type(screen.getByLabelText('Jabatan'), 'Analis Kebijakan Ahli Muda');
    await user.click(screen.getByRole('button', { name: 'Cari' }));
    const table = await screen.findByRole('table', { name: /Pegawai rumpun jabatan Analis Kebijakan · Ahli Muda/ });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Baik');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Kotak 8');
    expect(calls.find((c) => c.path === '/api/v1/talent/placement')?.search.get('jabatan')).toBe('Analis Kebijakan Ahli Muda');
  });
});

describe('ReportsPage', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('shows plan items per unit with overdue ones, training hours against 20 JP, and angka kredit with export', async () => {
    const item = { ...plan().items[0]!, nip: STAFF_NIP, name: 'Baiq Nurul', unit_code: 'CKN-KEL-CB' };
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/units': units,
      'GET /api/v1/development-plans': () => json({ items: [item], meta: { page: 1, per_page: 20, total: 1 } }),
      'GET /api/v1/training-hours': () =>
        json({
          year: 2026,
          target_jp: 20,
          items: [
            { nip: STAFF_NIP, name: 'Baiq Nurul', unit_code: 'CKN-KEL-CB', completed_jp: 8, met: false },
            { nip: '198001012005011001', name: 'Siti Aminah', unit_code: 'CKN-KEL-CB', completed_jp: 24, met: true },
          ],
        }),
      'GET /api/v1/talent/angka-kredit': () =>
        json({
          year: 2026,
          formula: 'AK = persentase predikat × koefisien × bulan/12',
          items: [
            { nip: '198001012005011001', name: 'Siti Aminah', unit_code: 'CKN-KEL-CB', jabatan: 'Analis Kebijakan Ahli Muda', jenjang: 'ahli_muda', coefficient: 25, periods: 3, total_ak: 18.75 },
          ],
        }),
      'GET /api/v1/talent/angka-kredit.csv': () => new Response('nip\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    const user = userEvent.setup();
    renderWithProviders(<ReportsPage />, { route: '/career/reports?unit=CKN-KEL-CB&year=2026' });

    const items = await screen.findByRole('table', { name: 'Butir rencana (1)' });
    expect(within(items).getByText('Terlambat')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Hanya yang terlambat'));
    await screen.findByRole('table', { name: 'Butir rencana terlambat (1)' });
    expect(calls.filter((c) => c.path === '/api/v1/development-plans').at(-1)?.search.get('overdue')).toBe('true');

    expect(await screen.findByText('1 dari 2 pegawai mencapai target 20 JP.')).toBeInTheDocument();
    const hours = screen.getByRole('table', { name: 'Jam pelatihan per pegawai, 2026' });
    expect(within(hours).getAllByRole('row')[2]).toHaveTextContent('Tercapai');

    const ak = await screen.findByRole('table', { name: 'Angka kredit jabatan fungsional 2026 (1 pegawai)' });
    expect(within(ak).getAllByRole('row')[1]).toHaveTextContent('18,75');
    await user.click(screen.getByRole('button', { name: 'Ekspor angka kredit (CSV)' }));
    expect(await screen.findByText('Berkas CSV telah diunduh.')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/talent/angka-kredit.csv')?.search.toString()).toBe(
      'unit_code=CKN-KEL-CB&year=2026',
    );
  });
});
