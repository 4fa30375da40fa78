import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { applyEvent } from '../../../lib/events/live';
import { registerCycleEvents } from '../live';
import { MatrixExplanation, MyResultsPage } from './MyResultsPage';
import { berakhlak, LURAH_NIP, period, STAF_NIP, stafMe } from '../testData';

const result = {
  period: {
    id: period.id,
    name: period.name,
    year: 2026,
    kind: 'quarterly',
    number: 2,
    starts_on: '2026-04-01',
    ends_on: '2026-06-30',
    published_at: '2026-07-10T02:00:00Z',
  },
  evaluation_id: 'ev1',
  rating_hasil_kerja: { value: 'di_atas', label: 'Di Atas Ekspektasi', code: 1 },
  rating_perilaku: { value: 'sesuai', label: 'Sesuai Ekspektasi', code: 2 },
  predikat: { value: 'baik', label: 'Baik', code: 2 },
  // The deprecated sentence differs from what the page writes: the page must build its own.
  matrix: { row: 'di_atas', column: 'sesuai', predikat: 'baik', note: null, explanation: 'teks lama dari server' },
  suggested_perilaku: { value: 'sesuai', label: 'Sesuai Ekspektasi', code: 2 },
  mean_360: 3.9,
  justification: null,
  penilai: { nip: LURAH_NIP, name: 'Budi Santoso', jabatan: 'Lurah' },
  status: 'published',
  appeal: null,
  appeal_deadline: '2099-07-24T15:59:59Z',
  can_appeal: true,
};

const summary = {
  period_id: period.id,
  nip: STAF_NIP,
  name: 'Siti',
  run_360: true,
  released: true,
  release_on: null,
  anonymity_threshold: 3,
  groups: [
    { group: 'supervisor', label: 'Atasan', anonymous: false, responses: 1, min_responses: 1, visible: true, weight: 40, mean: 3.9, values: [], overall_comments: [] },
    { group: 'peer', label: 'Rekan', anonymous: true, responses: null, count_below_threshold: true, min_responses: 3, visible: false, weight: 20, mean: null, values: [], overall_comments: [] },
  ],
  weighted_mean: 3.9,
  weights_used: [{ group: 'supervisor', weight: 40, share: 1, mean: 3.9 }],
  suggested_rating: 'sesuai',
  suggested_rating_label: 'Sesuai Ekspektasi',
  why: null,
};

const empty = { items: [], meta: { page: 1, per_page: 100, total: 0 } };

describe('MyResultsPage', () => {
  afterEach(() => clearTokens());

  it('shows a result as soon as it is published, with the matrix cell, and files an appeal', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    registerCycleEvents();
    let published = false;
    let appealBody: unknown = null;
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(stafMe),
      'GET /api/v1/me/results': () => json({ items: published ? [result] : [] }),
      [`GET /api/v1/periods/${period.id}/employees/${STAF_NIP}/360`]: () => json(summary),
      'GET /api/v1/reference/berakhlak': () => json(berakhlak),
      [`GET /api/v1/employees/${STAF_NIP}/citizen-feedback`]: () =>
        json({ respondents: 4, min_respondents: 30, sufficient: false, index: null, comments: [], from: '2026-04-01', to: '2026-06-30' }),
      [`GET /api/v1/employees/${STAF_NIP}/feedback-notes`]: () => json(empty),
      [`GET /api/v1/employees/${STAF_NIP}/coaching`]: () => json(empty),
      [`POST /api/v1/periods/${period.id}/evaluations/${STAF_NIP}/appeal`]: (c) => {
        appealBody = JSON.parse(c.body);
        return json({ id: 'a1' }, 201);
      },
    });
    const { queryClient } = renderWithProviders(<MyResultsPage />, { route: '/kinerja/hasil' });
    const user = userEvent.setup();

    expect(await screen.findByText(/Belum ada hasil penilaian yang diumumkan/)).toBeInTheDocument();
    expect(screen.getByText('Belum cukup responden (4 dari minimal 30).')).toBeInTheDocument();

    // The server announces the publication: the page refetches, no reload.
    published = true;
    act(() => applyEvent(queryClient, 'predikat_published'));

    const card = (await screen.findByRole('heading', { name: 'Hasil Triwulan II 2026' }, { timeout: 5000 })).closest('section')!;
    expect(
      within(card).getByText(
        'Hasil kerja Anda dinilai Di Atas Ekspektasi dan perilaku kerja Anda dinilai Sesuai Ekspektasi. Menurut matriks predikat kinerja (PermenPANRB 6/2022), baris "Di Atas Ekspektasi" dan kolom "Sesuai Ekspektasi" menghasilkan predikat Baik.',
      ),
    ).toBeInTheDocument();
    expect(within(card).queryByText('teks lama dari server')).toBeNull();
    // The citizen index asks for the selected period's own days.
    const ranged = calls.filter((c) => c.path.endsWith('/citizen-feedback') && c.search.get('from') === '2026-04-01');
    expect(ranged.length).toBeGreaterThanOrEqual(1);
    expect(ranged[0]!.search.get('to')).toBe('2026-06-30');
    expect(card.querySelector('td[aria-current="true"]')).toHaveTextContent('Baik');
    expect(await screen.findByText('Belum cukup tanggapan (minimal 3)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Ajukan keberatan' }));
    const dialog = screen.getByRole('dialog', { name: 'Keberatan atas hasil Triwulan II 2026' });
    await user.click(within(dialog).getByRole('button', { name: 'Kirim keberatan' }));
    expect(within(dialog).getByText('Wajib diisi.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Alasan keberatan/), 'Realisasi saya melebihi target.');
    await user.click(within(dialog).getByRole('button', { name: 'Kirim keberatan' }));
    await screen.findByRole('button', { name: 'Ajukan keberatan' });
    expect(appealBody).toEqual({ reasons: 'Realisasi saya melebihi target.' });
    expect(calls.filter((c) => c.path === '/api/v1/me/results').length).toBeGreaterThanOrEqual(2);
  }, 20_000);
});

describe('MatrixExplanation', () => {
  it('writes the explanation and its note from the codes in English too', () => {
    renderWithProviders(
      <MatrixExplanation
        cell={{ row: 'sesuai', column: 'di_bawah', predikat: 'kurang', note: 'perilaku_below_gives_kurang', row_label: '', column_label: '', explanation: '' }}
      />,
      { lang: 'en' },
    );
    expect(screen.getByText(/row "As expected" and column "Below expectations" give the predikat Poor\. Work behaviour below/)).toBeInTheDocument();
  });
});
