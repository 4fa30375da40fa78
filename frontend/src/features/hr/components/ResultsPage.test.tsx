import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { ResultsPage } from './ResultsPage';
import { meWithRoles, period, PERIOD_ID } from './fixtures';

const row = {
  nip: '199001012015032001',
  name: 'Siti Aminah',
  golongan: 'III/b',
  jabatan: 'Analis Kebijakan',
  unit_code: 'CKN',
  rating_hasil_kerja: 'di_atas',
  rating_hasil_kerja_code: 1,
  rating_perilaku_kerja: 'sesuai',
  rating_perilaku_kerja_code: 2,
  predikat: { code: 2, label: 'Baik', value: 'baik' },
  penilai: { nip: '198503152010011002', name: 'Drs. Ahmad Fauzi, M.Si.', jabatan: 'Camat', golongan: 'IV/a', unit_code: 'CKN' },
  status: 'under_appeal',
};

describe('ResultsPage', () => {
  const created: Blob[] = [];
  beforeEach(() => {
    created.length = 0;
    vi.stubGlobal('URL', Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        created.push(b);
        return 'blob:fake';
      },
      revokeObjectURL: () => {},
    }));
  });
  afterEach(() => {
    clearTokens();
    vi.unstubAllGlobals();
  });

  it('shows results with their status and downloads the CSV with the bearer token', async () => {
    setTokens({ access_token: 'tok-123', refresh_token: 'r', expires_in: 900 });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`GET /api/v1/periods/${PERIOD_ID}/results`]: () => json({ period_id: PERIOD_ID, items: [row] }),
      [`GET /api/v1/periods/${PERIOD_ID}/siasn/push`]: () => json({ period_id: PERIOD_ID, enabled: true, items: [] }),
      [`GET /api/v1/periods/${PERIOD_ID}/results.csv`]: () =>
        new Response('nip,predikat\n199001012015032001,2\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/results" element={<ResultsPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/results?unit=CKN` },
    );
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: /Hasil Triwulan II 2026 — CKN/ });
    const tr = within(table).getByText('Siti Aminah').closest('tr')!;
    expect(tr).toHaveTextContent('Di Atas Ekspektasi (1)');
    expect(tr).toHaveTextContent('Sesuai Ekspektasi (2)');
    expect(tr).toHaveTextContent('Baik (2)');
    expect(within(tr).getByText('Dalam keberatan')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect(await screen.findByText('Berkas hasil-triwulan-ii-2026-ckn.csv siap.')).toBeInTheDocument();
    const download = calls.find((c) => c.path.endsWith('/results.csv'))!;
    expect(download.headers.get('Authorization')).toBe('Bearer tok-123');
    expect(download.search.get('unit_code')).toBe('CKN');
    expect(created).toHaveLength(1);
    expect(await created[0]!.text()).toContain('199001012015032001,2');
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('shows the SIASN-shaped JSON on request', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['auditor'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`GET /api/v1/periods/${PERIOD_ID}/results`]: () => json({ period_id: PERIOD_ID, items: [] }),
      [`GET /api/v1/periods/${PERIOD_ID}/results/siasn`]: () =>
        json({
          period_id: PERIOD_ID,
          items: [
            { nip: row.nip, name: row.name, unit_code: 'CKN', status: 'published', ready: true, skp22: null, kinerjaperiodik: { perilakuKerjaNilai: 2 } },
          ],
        }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/results" element={<ResultsPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/results` },
    );
    const user = userEvent.setup();
    expect(await screen.findByText('Belum ada hasil.')).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Lihat JSON SIASN' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText('1 pegawai, 1 siap dikirim.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Data berbentuk SIASN', { selector: 'pre' })).toHaveTextContent('"perilakuKerjaNilai": 2'));
  });

  it('sends the results to SIASN after confirmation and lists each outcome', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    let pushed = false;
    const delivery = (status: string, message: string | null) => ({
      nip: row.nip,
      name: row.name,
      kind: 'skp22',
      status,
      attempts: 1,
      siasn_id: status === 'sent' ? 'rw-1' : null,
      message,
      next_attempt_at: null,
      last_attempt_at: '2026-12-07T01:00:00Z',
    });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`GET /api/v1/periods/${PERIOD_ID}/results`]: () => json({ period_id: PERIOD_ID, items: [] }),
      [`GET /api/v1/periods/${PERIOD_ID}/siasn/push`]: () =>
        json({
          period_id: PERIOD_ID,
          enabled: true,
          items: pushed ? [delivery('rejected', 'Data PNS tidak ditemukan')] : [],
        }),
      [`POST /api/v1/periods/${PERIOD_ID}/siasn/push`]: () => {
        pushed = true;
        return json({ period_id: PERIOD_ID, sent: 0, rejected: 1, to_retry: 0, failed: 0, unchanged: 0, waiting: 0, skipped: [] });
      },
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/results" element={<ResultsPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/results` },
    );
    const user = userEvent.setup();
    expect(await screen.findByText('Belum ada pengiriman.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Kirim ke SIASN' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kirim hasil ke SIASN?' });
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Kirim ke SIASN' }));
    expect(await screen.findByText('Terkirim 0, ditolak 1, akan dicoba lagi 0, tidak berubah 0, dilewati 0.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Hasil pengiriman (1)' });
    const tr = within(table).getByText('Siti Aminah').closest('tr')!;
    expect(tr).toHaveTextContent('Ditolak');
    expect(tr).toHaveTextContent('Data PNS tidak ditemukan');
  });

  it('keeps the SIASN button off when the server has no SIASN configured', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      [`GET /api/v1/periods/${PERIOD_ID}`]: () => json(period),
      [`GET /api/v1/periods/${PERIOD_ID}/results`]: () => json({ period_id: PERIOD_ID, items: [] }),
      [`GET /api/v1/periods/${PERIOD_ID}/siasn/push`]: () => json({ period_id: PERIOD_ID, enabled: false, items: [] }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/hr/periods/:id/results" element={<ResultsPage />} />
      </Routes>,
      { route: `/hr/periods/${PERIOD_ID}/results` },
    );
    expect(await screen.findByText('Pengiriman ke SIASN belum dikonfigurasi di server.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kirim ke SIASN' })).toBeDisabled();
  });
});
