import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { Form360Page } from './Form360Page';
import { berakhlak, period, stafMe } from '../testData';

const form = {
  id: 'f1',
  period_id: period.id,
  period_name: period.name,
  group: 'peer',
  status: 'assigned',
  deadline: '2099-06-20',
  editable: true,
  ratee: { nip: '199001012015011001', name: 'Andi Wijaya', jabatan: 'Pengelola Data', unit_code: 'CKN-KEL-CB', unit_name: 'Kelurahan CB' },
  scores: {},
  comments: {},
  overall_comment: null,
  submitted_at: null,
};

describe('Form360Page', () => {
  afterEach(() => clearTokens());

  it('explains each value, refuses to submit with missing scores, saves a draft and submits all seven', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(stafMe),
      'GET /api/v1/ratings360/f1': () => json(form),
      'GET /api/v1/reference/berakhlak': () => json(berakhlak),
      'PUT /api/v1/ratings360/f1': (c) => {
        const body = JSON.parse(c.body) as { scores: Record<string, number>; submit: boolean };
        return json({ ...form, scores: body.scores, status: body.submit ? 'submitted' : 'draft', editable: !body.submit });
      },
    });
    renderWithProviders(
      <Routes>
        <Route path="/kinerja/360/:id" element={<Form360Page />} />
      </Routes>,
      { route: '/kinerja/360/f1' },
    );
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Penilaian 360: Andi Wijaya' })).toHaveFocus();
    const akuntabel = screen.getByRole('group', { name: '2. Akuntabel' });
    // The value's indicators are the group's description.
    expect(akuntabel).toHaveAccessibleDescription(/Indikator Akuntabel 1/);
    await user.click(within(akuntabel).getByRole('radio', { name: /^4/ }));

    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    const summary = await screen.findByRole('alert', { name: 'Periksa kembali isian yang ditandai.' });
    expect(within(summary).getAllByRole('link')).toHaveLength(6);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Simpan draf' }));
    expect(await screen.findByText('Draf tersimpan.')).toBeInTheDocument();
    expect(JSON.parse(calls.find((c) => c.method === 'PUT')!.body)).toEqual({
      scores: { akuntabel: 4 },
      comments: {},
      overall_comment: null,
      submit: false,
    });

    for (const v of berakhlak) {
      await user.click(within(screen.getByRole('group', { name: `${v.number}. ${v.name}` })).getByRole('radio', { name: /^5/ }));
    }
    await user.type(screen.getByLabelText('Komentar untuk Adaptif (opsional)'), 'Cepat belajar aplikasi baru.');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ya, kirim penilaian' }));
    expect(await screen.findByText('Penilaian terkirim. Terima kasih.')).toBeInTheDocument();
    const last = JSON.parse(calls.filter((c) => c.method === 'PUT').at(-1)!.body) as { scores: object; comments: object; submit: boolean };
    expect(last.submit).toBe(true);
    expect(Object.keys(last.scores)).toHaveLength(7);
    expect(last.comments).toEqual({ adaptif: 'Cepat belajar aplikasi baru.' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Kirim' })).toBeNull());
  }, 20_000);
});
