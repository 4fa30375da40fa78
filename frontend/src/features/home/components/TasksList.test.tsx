import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { TasksList } from './TasksList';
import { TasksBadge } from './TasksBadge';

const task = (over: Record<string, unknown>) => ({
  count: 1,
  deadline: null,
  overdue: false,
  period_id: null,
  period_name: null,
  year: null,
  nips: [],
  ids: [],
  ...over,
});

const list = {
  total: 4,
  items: [
    task({
      kind: 'member_rate',
      count: 2,
      deadline: '2026-06-30',
      overdue: true,
      link: '/tim',
      period_id: 'p2',
      period_name: 'Triwulan II 2026',
    }),
    task({ kind: 'skp_approve', link: '/tim/skp/199002022015032003', nips: ['199002022015032003'], year: 2026 }),
    task({ kind: 'skp_write', link: '/kinerja/skp', year: 2026 }),
  ],
};

describe('TasksList', () => {
  it('groups the duties, names the overdue deadline and links each to where it is done', async () => {
    mockFetch({ 'GET /api/v1/me/tasks': () => json(list) });
    renderWithProviders(<TasksList />);

    const card = await screen.findByRole('article', { name: 'Tugas Anda' });
    const own = await within(card).findByRole('region', { name: 'Kinerja saya' });
    expect(within(own).getByRole('link', { name: 'Susun SKP tahun 2026' })).toHaveAttribute('href', '/kinerja/skp');
    const team = within(card).getByRole('region', { name: 'Tim saya' });
    const rate = within(team).getByRole('link', { name: 'Nilai 2 anggota tim (Triwulan II 2026)' });
    expect(rate).toHaveAttribute('href', '/tim');
    expect(within(team).getByText(/^Lewat batas: /)).toBeInTheDocument();
    expect(within(team).getByRole('link', { name: 'Setujui atau kembalikan 1 SKP bawahan' })).toHaveAttribute(
      'href',
      '/tim/skp/199002022015032003',
    );
    expect(within(card).queryByRole('region', { name: 'Administrasi' })).toBeNull();
  }, 30_000);

  it('says so when nothing waits, and the badge then shows nothing', async () => {
    mockFetch({ 'GET /api/v1/me/tasks': () => json({ total: 0, items: [] }) });
    renderWithProviders(
      <>
        <TasksBadge />
        <TasksList />
      </>,
    );
    expect(await screen.findByText('Tidak ada tugas yang menunggu. Semua sudah beres.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /tugas menunggu/ })).toBeNull();
  }, 30_000);

  it('the header badge counts every waiting duty', async () => {
    mockFetch({ 'GET /api/v1/me/tasks': () => json(list) });
    renderWithProviders(<TasksBadge />);
    expect(await screen.findByRole('link', { name: '4 tugas menunggu' })).toHaveAttribute('href', '/');
  }, 30_000);
});
