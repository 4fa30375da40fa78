import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { CitizenFeedbackCard } from './CitizenFeedbackCard';

const NIP = '199203152015032001';
const LABEL = 'Indeks pegawai (adaptasi Kinerja360 dari unsur U6 dan U7, bukan IKM resmi)';

const feedback = (over: Record<string, unknown> = {}) => ({
  respondents: 34,
  min_respondents: 30,
  sufficient: true,
  index: { label: LABEL, u6_nrr: 3.5, u7_nrr: 3.75, konversi: 90.63, mutu: 'A', mutu_label: 'Sangat Baik' },
  comments: [
    { id: 'c1', created_at: '2026-11-20T03:00:00Z', comment: 'Pelayanannya cepat, terima kasih.', reply: null, replied_at: null },
    {
      id: 'c2',
      created_at: '2026-11-18T03:00:00Z',
      comment: 'Antrean lama.',
      reply: 'Terima kasih, akan kami perbaiki.',
      replied_at: '2026-11-19T01:00:00Z',
    },
  ],
  ...over,
});

describe('CitizenFeedbackCard', () => {
  it('shows the employee index with its label, and a reply is sent once and then shown', async () => {
    let posts = 0;
    const { calls } = mockFetch({
      [`GET /api/v1/employees/${NIP}/citizen-feedback`]: () => json(feedback()),
      'POST /api/v1/feedback/c1/reply': (c) => {
        posts += 1;
        if (posts > 1) return apiError(409, 'already_replied', 'Komentar ini sudah ditanggapi.');
        return json(
          { id: 'c1', reply: (JSON.parse(c.body) as { text: string }).text, replied_at: '2026-11-21T02:00:00Z' },
          201,
        );
      },
    });
    renderWithProviders(<CitizenFeedbackCard nip={NIP} />);
    const user = userEvent.setup();

    const card = await screen.findByRole('article', { name: 'Penilaian masyarakat' });
    expect(await within(card).findByText('90,63')).toBeInTheDocument();
    expect(within(card).getByText(LABEL)).toBeInTheDocument();
    expect(within(card).getByText('Sangat Baik')).toBeInTheDocument();
    expect(within(card).getByText('34')).toBeInTheDocument();
    // The answered comment offers no reply button; the other one does.
    expect(within(card).getAllByRole('button', { name: 'Tanggapi' })).toHaveLength(1);

    await user.click(within(card).getByRole('button', { name: 'Tanggapi' }));
    const form = within(card).getByRole('form', { name: 'Tanggapan atas komentar' });
    const box = within(form).getByLabelText('Tanggapan Anda');
    expect(box).toHaveFocus();
    await user.type(box, 'Sama-sama, senang bisa membantu.');
    const send = within(form).getByRole('button', { name: 'Kirim tanggapan' });
    await user.dblClick(send);

    expect(await within(card).findByText('Sama-sama, senang bisa membantu.')).toBeInTheDocument();
    expect(within(card).queryByRole('form')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Tanggapi' })).toBeNull();
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({ text: 'Sama-sama, senang bisa membantu.' });
  });

  it('below the minimum shows the count and the message, never an index', async () => {
    mockFetch({
      [`GET /api/v1/employees/${NIP}/citizen-feedback`]: () =>
        json(feedback({ respondents: 7, sufficient: false, index: null, comments: [] })),
    });
    renderWithProviders(<CitizenFeedbackCard nip={NIP} />);
    const card = await screen.findByRole('article', { name: 'Penilaian masyarakat' });
    expect(await within(card).findByText('Belum cukup responden (minimal 30)')).toBeInTheDocument();
    expect(within(card).getByText('7')).toBeInTheDocument();
    expect(card.textContent).not.toMatch(/\d+,\d{2}/);
    expect(within(card).getByText(/bukan IKM resmi/)).toBeInTheDocument();
  });
});
