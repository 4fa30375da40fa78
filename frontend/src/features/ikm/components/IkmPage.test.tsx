import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { unitCkn } from '../../../test/fixtures';
import { IkmPage } from './IkmPage';
import { IkmReportPage } from './IkmReportPage';

const unitKel = { ...unitCkn, code: 'CKN-KEL-CB', name: 'Kelurahan Cakranegara Barat', kind: 'kelurahan' as const };
const names = [
  'Persyaratan',
  'Sistem, mekanisme, dan prosedur',
  'Waktu penyelesaian',
  'Biaya/tarif',
  'Produk spesifikasi jenis pelayanan',
  'Kompetensi pelaksana',
  'Perilaku pelaksana',
  'Sarana dan prasarana',
  'Penanganan pengaduan, saran, dan masukan',
];
const NRR = [3.25, 3.5, 3.0, 4.0, 3.75, 3.5, 3.25, 2.75, 3.0];

function report(over: Record<string, unknown> = {}) {
  return {
    unit_code: 'CKN-KEL-CB',
    unit_name: 'Kelurahan Cakranegara Barat',
    from: '2026-06-01',
    to: '2026-11-28',
    respondents: 42,
    verified_respondents: 10,
    min_respondents: 30,
    sufficient: true,
    elements: names.map((name, i) => ({ code: `u${i + 1}`, name, nrr: NRR[i], answers: 42 })),
    ikm: 3.33,
    konversi: 83.33,
    mutu: 'B',
    mutu_label: 'Baik',
    trend: [
      { month: '2026-10', respondents: 12, konversi: null, mutu: null },
      { month: '2026-11', respondents: 30, konversi: 84.17, mutu: 'B' },
    ],
    ...over,
  };
}

const insufficient = report({
  respondents: 12,
  verified_respondents: 0,
  sufficient: false,
  elements: names.map((name, i) => ({ code: `u${i + 1}`, name, nrr: null, answers: 12 })),
  ikm: null,
  konversi: null,
  mutu: null,
  mutu_label: null,
  trend: [{ month: '2026-11', respondents: 12, konversi: null, mutu: null }],
});

const routes = (body: unknown) => ({
  'GET /api/v1/units': () => json({ items: [unitCkn, unitKel], meta: { page: 1, per_page: 100, total: 2 } }),
  'GET /api/v1/ikm/units/CKN-KEL-CB': () => json(body),
});

describe('IkmPage', () => {
  it('shows "Belum cukup responden" with the count, and no index number, below the minimum', async () => {
    mockFetch(routes(insufficient));
    renderWithProviders(<IkmPage />, { route: '/ikm?unit=CKN-KEL-CB&from=2026-06-01&to=2026-11-28' });

    expect(await screen.findByText('Belum cukup responden (minimal 30)')).toBeInTheDocument();
    expect(screen.getByTestId('ikm-respondents')).toHaveTextContent('12');
    // No konversi, NRR or mutu anywhere: no decimal numbers and no grade badge.
    const main = screen.getByRole('region', { name: 'Indeks Kepuasan Masyarakat' });
    expect(main.textContent).not.toMatch(/\d+[,.]\d{2}/);
    expect(screen.queryByText('Baik')).toBeNull();
    expect(screen.queryByRole('table', { name: 'NRR per unsur' })).toBeNull();
    expect(screen.queryByText('IKM (konversi)', { selector: 'span' })).toBeNull();
  });

  it('renders the IKM konversi with mutu and respondents, and the element table values', async () => {
    const { calls } = mockFetch(routes(report()));
    renderWithProviders(<IkmPage />, { route: '/ikm?unit=CKN-KEL-CB&from=2026-06-01&to=2026-11-28' });

    const table = await screen.findByRole('table', { name: 'NRR per unsur' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(9);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('U1 Persyaratan');
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3,25', '42']);
    expect(within(rows[3]!).getAllByRole('cell')[0]).toHaveTextContent('4,00');
    expect(within(rows[7]!).getByRole('rowheader')).toHaveTextContent('U8 Sarana dan prasarana');
    expect(within(rows[7]!).getAllByRole('cell')[0]).toHaveTextContent('2,75');

    expect(screen.getByText('83,33')).toBeInTheDocument();
    expect(screen.getByText('Baik')).toBeInTheDocument();
    expect(screen.getByTestId('ikm-respondents')).toHaveTextContent('42');

    // Trend table: a month below the minimum has no value.
    const trend = screen.getByRole('table', { name: /IKM per bulan/ });
    expect(within(trend).getAllByRole('row')[1]).toHaveTextContent(/Belum cukup/);
    expect(within(trend).getAllByRole('row')[2]).toHaveTextContent('84,17');

    const call = calls.find((c) => c.path === '/api/v1/ikm/units/CKN-KEL-CB')!;
    expect(call.search.get('from')).toBe('2026-06-01');
    expect(call.search.get('to')).toBe('2026-11-28');
    expect(screen.getByRole('link', { name: 'Cetak laporan SKM' })).toHaveAttribute(
      'href',
      '/ikm/CKN-KEL-CB/report?from=2026-06-01&to=2026-11-28',
    );
  });

  it('asks for a unit first and uses the default six-month range', async () => {
    mockFetch(routes(report()));
    renderWithProviders(<IkmPage />, { route: '/ikm' });
    expect(screen.getByText('Pilih unit kerja untuk melihat IKM.')).toBeInTheDocument();
    const from = screen.getByLabelText('Dari tanggal') as HTMLInputElement;
    expect(from.value).toMatch(/^\d{4}-\d{2}-01$/);
  });
});

describe('IkmReportPage', () => {
  it('prints the nine elements with NRR and weighted NRR (exact 1/9, three decimals)', async () => {
    mockFetch(routes(report()));
    renderWithProviders(
      <Routes>
        <Route path="/ikm/:code/report" element={<IkmReportPage />} />
      </Routes>,
      { route: '/ikm/CKN-KEL-CB/report?from=2026-06-01&to=2026-11-28' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Laporan Survei Kepuasan Masyarakat' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Nilai per unsur pelayanan' });
    const first = within(table).getAllByRole('row')[1]!;
    // 3.25 × 1/9 = 0.3611…
    expect(within(first).getAllByRole('cell').map((c) => c.textContent)).toEqual(['U1', '3,25', '0,361']);
    expect(screen.getByText(/1\/9 yang tepat/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cetak / Simpan PDF' })).toBeEnabled();
    expect(screen.getByText('Kinerja unit pelayanan', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Baik');
  });
});
