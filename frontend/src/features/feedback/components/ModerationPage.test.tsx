import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { adminMe, unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { ModerationPage } from './ModerationPage';

const submission = {
  id: 'f0000000-0000-0000-0000-000000000001',
  created_at: '2026-11-20T03:15:00Z',
  target_label: 'Loket Pelayanan',
  unit_code: 'CKN-KEL-CB',
  unit_name: 'Kelurahan Cakranegara Barat',
  employee_nip: null,
  employee_name: null,
  answers: { u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 4, u7: 1, u8: 4, u9: 4 },
  comment: 'Petugasnya kasar sekali!!!',
  comment_hidden: false,
  comment_hidden_reason: null,
  verified: false,
  status: 'held',
  hold_reason: 'Beruntun dari perangkat yang sama',
  reply: null,
  replied_at: null,
};

const hrMe = { ...adminMe, user: { ...adminMe.user, roles: ['hr'] } };

describe('ModerationPage', () => {
  afterEach(() => clearTokens());

  it('requires a reason before hiding a comment, then sends it', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      'GET /api/v1/feedback/moderation': () => json({ items: [submission], meta: { page: 1, per_page: 20, total: 1 } }),
      'POST /api/v1/feedback/f0000000-0000-0000-0000-000000000001/hide-comment': (c) =>
        json({
          ...submission,
          comment_hidden: true,
          comment_hidden_reason: (JSON.parse(c.body) as { reason: string }).reason,
        }),
    });
    renderWithProviders(<ModerationPage />, { route: '/feedback/moderation' });
    const user = userEvent.setup();

    expect(await screen.findByRole('tab', { name: 'Ditahan', selected: true })).toBeInTheDocument();
    const row = (await screen.findByText('Petugasnya kasar sekali!!!')).closest('tr')!;
    expect(within(row).getByText('Beruntun dari perangkat yang sama', { exact: false })).toBeInTheDocument();
    expect(within(row).getByTitle('Perilaku pelaksana')).toHaveTextContent('U7');

    await user.click(await within(row).findByRole('button', { name: 'Sembunyikan komentar' }));
    const dialog = screen.getByRole('dialog', { name: 'Sembunyikan komentar' });
    const reason = within(dialog).getByLabelText(/^Alasan/);
    expect(reason).toHaveFocus();

    // Empty reason: refused on the client, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Sembunyikan komentar' }));
    expect(within(dialog).getByText('Wajib diisi.')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(reason, 'Bahasa kasar');
    await user.click(within(dialog).getByRole('button', { name: 'Sembunyikan komentar' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/feedback/f0000000-0000-0000-0000-000000000001/hide-comment');
    expect(JSON.parse(post.body)).toEqual({ reason: 'Bahasa kasar' });
    expect(await screen.findByText('Komentar disembunyikan.')).toBeInTheDocument();
  });

  it('accepts the selected held submissions in one request', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(hrMe),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      'GET /api/v1/feedback/moderation': () => json({ items: [submission], meta: { page: 1, per_page: 20, total: 1 } }),
      'POST /api/v1/feedback/accept': () => json({ items: [{ ...submission, status: 'counted' }] }),
    });
    renderWithProviders(<ModerationPage />, { route: '/feedback/moderation' });
    const user = userEvent.setup();

    const bulk = await screen.findByRole('button', { name: 'Terima semua yang dipilih' });
    expect(bulk).toBeDisabled();
    const row = (await screen.findByText('Petugasnya kasar sekali!!!')).closest('tr')!;
    await user.click(within(row).getByRole('checkbox', { name: 'Pilih' }));
    await user.click(screen.getByRole('button', { name: /^Terima semua yang dipilih/ }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/feedback/accept');
    expect(JSON.parse(post.body)).toEqual({ ids: [submission.id] });
    expect(await screen.findByText('1 umpan balik diterima dan dihitung dalam IKM.')).toBeInTheDocument();
  });

  it('shows no actions to an auditor', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json({ ...adminMe, user: { ...adminMe.user, roles: ['auditor'] } }),
      'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
      'GET /api/v1/feedback/moderation': () =>
        json({
          items: [{ ...submission, reply: 'Mohon maaf, akan kami perbaiki.', replied_at: '2026-11-21T01:00:00Z' }],
          meta: { page: 1, per_page: 20, total: 1 },
        }),
    });
    renderWithProviders(<ModerationPage />, { route: '/feedback/moderation?status=held' });
    expect(await screen.findByText('Mohon maaf, akan kami perbaiki.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Terima' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sembunyikan komentar' })).toBeNull();
  });
});
