import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { MyDevelopmentPage } from './MyDevelopmentPage';
import { hours, plan, recList, staffMe, STAFF_NIP } from '../test/data';

const base = `/api/v1/employees/${STAFF_NIP}`;
const ITEM = '00000000-0000-0000-0000-00000000it01';

function routes(over: Record<string, () => Response> = {}) {
  return {
    'GET /api/v1/me': () => json(staffMe),
    [`GET ${base}/recommendations`]: () => json(recList()),
    [`GET ${base}/development-plans`]: () => json({ items: [plan()] }),
    [`GET ${base}/training-hours`]: () => json(hours(8)),
    ...over,
  };
}

describe('MyDevelopmentPage', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('explains each recommendation with its period, value and 360 mean, or predikat, and the rule', async () => {
    mockFetch(routes());
    renderWithProviders(<MyDevelopmentPage />, { route: '/career' });

    const byValue = await screen.findByRole('article', { name: 'Nilai Akuntabel perlu dikembangkan' });
    expect(within(byValue).getByText('Triwulan III 2026')).toBeInTheDocument();
    expect(within(byValue).getByText('2,67')).toBeInTheDocument();
    expect(within(byValue).getByText('(4 penilai)')).toBeInTheDocument();
    expect(within(byValue).getByText('Rata-rata 360 nilai < 3,0')).toBeInTheDocument();
    expect(within(byValue).getByText(/Pelatihan Akuntabilitas Kinerja/)).toBeInTheDocument();
    expect(within(byValue).getByText(/mentor: Ni Made Sari/)).toBeInTheDocument();

    const byPredikat = screen.getByRole('article', { name: 'Predikat kinerja Butuh Perbaikan' });
    expect(within(byPredikat).getByTestId('rec-cause')).toHaveTextContent(
      'Triwulan III 2026: predikat kinerja Butuh Perbaikan',
    );
    expect(within(byPredikat).getByText('Belum ada pelatihan atau mentor yang cocok di katalog.')).toBeInTheDocument();
  });

  it('shows the training hours of the year against the 20 JP target as a progress bar', async () => {
    mockFetch(routes());
    renderWithProviders(<MyDevelopmentPage />, { route: '/career' });

    const bar = await screen.findByRole('progressbar', { name: `8 dari 20 JP pada tahun ${new Date().getFullYear()}` });
    expect(bar).toHaveAttribute('aria-valuenow', '8');
    expect(bar).toHaveAttribute('aria-valuemax', '20');
    expect(screen.getByTestId('jp-status')).toHaveTextContent('Kurang 12 JP lagi untuk mencapai target.');
  });

  it('lists the plan items with due date, overdue flag and status, and marks an item done', async () => {
    const { calls } = mockFetch(
      routes({
        [`PATCH /api/v1/development-items/${ITEM}`]: () => json(plan({ status: 'done', completed_on: '2026-11-28' }).items[0]),
      }),
    );
    renderWithProviders(<MyDevelopmentPage />, { route: '/career' });

    const row = await screen.findByTestId('plan-item');
    expect(within(row).getByText('Terlambat')).toBeInTheDocument();
    expect(within(row).getByTestId('item-status')).toHaveTextContent('Sedang berjalan');

    await userEvent.setup().click(within(row).getByRole('button', { name: /Tandai selesai/ }));

    expect(await screen.findByText('“Pelatihan Akuntabilitas Kinerja” ditandai selesai.')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ status: 'done' });
    // The plan and the hours are read again after the change.
    expect(calls.filter((c) => c.path === `${base}/development-plans`).length).toBeGreaterThanOrEqual(2);
    expect(calls.filter((c) => c.path === `${base}/training-hours`).length).toBeGreaterThanOrEqual(2);
  });

  it('updates progress with a note and refuses a completion date in the future before sending', async () => {
    const { calls } = mockFetch(
      routes({
        [`PATCH /api/v1/development-items/${ITEM}`]: () => json(plan({ progress_note: 'Modul 2 selesai' }).items[0]),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<MyDevelopmentPage />, { route: '/career' });

    await user.click(await screen.findByRole('button', { name: /Perbarui kemajuan/ }));
    const dialog = screen.getByRole('dialog', { name: 'Kemajuan: Pelatihan Akuntabilitas Kinerja' });
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'done');
    const date = within(dialog).getByLabelText(/Tanggal selesai/);
    await user.clear(date);
    await user.type(date, '2999-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan kemajuan' }));
    expect(within(dialog).getByText('Tanggal selesai tidak boleh setelah hari ini.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    await user.selectOptions(within(dialog).getByLabelText('Status'), 'in_progress');
    await user.type(within(dialog).getByLabelText('Catatan kemajuan'), 'Modul 2 selesai');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan kemajuan' }));

    expect(await screen.findByText('Kemajuan “Pelatihan Akuntabilitas Kinerja” tersimpan.')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({
      status: 'in_progress',
      progress_note: 'Modul 2 selesai',
      completed_on: null,
    });
  });

  it('uploads a certificate as the raw file with its content type and name', async () => {
    const { calls } = mockFetch(
      routes({
        [`POST /api/v1/development-items/${ITEM}/certificates`]: () =>
          json(
            {
              id: 'c1',
              file_name: 'sertifikat.pdf',
              content_type: 'application/pdf',
              size_bytes: 9,
              sha256: 'x',
              created_at: '2026-11-28T00:00:00Z',
            },
            201,
          ),
      }),
    );
    renderWithProviders(<MyDevelopmentPage />, { route: '/career' });

    const input = await screen.findByLabelText(/Unggah sertifikat/);
    const file = new File(['%PDF-1.4\n'], 'sertifikat.pdf', { type: 'application/pdf' });
    await userEvent.setup().upload(input, file);

    expect(await screen.findByText('Sertifikat sertifikat.pdf terunggah.')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.search.get('file_name')).toBe('sertifikat.pdf');
    expect(post?.headers.get('Content-Type')).toBe('application/pdf');
    expect(post?.body).toBe('%PDF-1.4\n');
  });

  it('shows a server refusal in the alert region', async () => {
    mockFetch(
      routes({
        [`PATCH /api/v1/development-items/${ITEM}`]: () => apiError(403, 'forbidden', 'Anda tidak berhak.'),
      }),
    );
    renderWithProviders(<MyDevelopmentPage />, { route: '/career' });
    await userEvent.setup().click(await screen.findByRole('button', { name: /Tandai selesai/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Anda tidak berhak.');
  });

  it('speaks English when switched', async () => {
    mockFetch(routes());
    renderWithProviders(<MyDevelopmentPage />, { route: '/career', lang: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'My development' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /Mark as done/ })).toBeInTheDocument();
    expect(screen.getByText('Overdue')).toBeInTheDocument();
  });
});
