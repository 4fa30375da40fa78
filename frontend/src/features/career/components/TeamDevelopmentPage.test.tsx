import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { employee } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { TeamDevelopmentPage } from './TeamDevelopmentPage';
import { LURAH_NIP, MENTOR_NIP, STAFF_NIP, lurahMe, plan, recList } from '../test/data';
import { monthsFromToday } from './format';

const OTHER_NIP = '199505052019031002';
const INDIRECT_NIP = '199707072020121003';

const people = [
  { ...employee, nip: STAFF_NIP, name: 'Baiq Nurul', full_name: 'Baiq Nurul, S.E.', jabatan: 'Pengadministrasi Umum', supervisor_nip: LURAH_NIP },
  { ...employee, nip: OTHER_NIP, name: 'Made Arta', full_name: 'Made Arta', jabatan: 'Pengadministrasi Umum', supervisor_nip: LURAH_NIP },
  { ...employee, nip: INDIRECT_NIP, name: 'Putu Gede', full_name: 'Putu Gede', jabatan: 'Staf', supervisor_nip: OTHER_NIP },
];

function routes(over: Record<string, (c: { body: string }) => Response> = {}) {
  return {
    'GET /api/v1/me': () => json(lurahMe),
    'GET /api/v1/employees': () => json({ items: people, meta: { page: 1, per_page: 100, total: people.length } }),
    [`GET /api/v1/employees/${STAFF_NIP}/recommendations`]: () => json(recList()),
    [`GET /api/v1/employees/${OTHER_NIP}/recommendations`]: () => json(recList([], OTHER_NIP)),
    [`GET /api/v1/employees/${STAFF_NIP}/development-plans`]: () => json({ items: [] }),
    [`GET /api/v1/employees/${OTHER_NIP}/development-plans`]: () => json({ items: [] }),
    ...over,
  };
}

describe('TeamDevelopmentPage', () => {
  beforeEach(() => setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 }));
  afterEach(() => clearTokens());

  it('lists only direct reports, each with their recommendations and the reason', async () => {
    mockFetch(routes());
    renderWithProviders(<TeamDevelopmentPage />, { route: '/career/team' });

    const members = await screen.findAllByTestId('team-member');
    expect(members).toHaveLength(2);
    expect(screen.queryByText('Putu Gede')).toBeNull();
    const staff = screen.getByRole('region', { name: /Baiq Nurul, S\.E\./ });
    expect(await within(staff).findByRole('article', { name: 'Nilai Akuntabel perlu dikembangkan' })).toBeInTheDocument();
    const other = screen.getByRole('region', { name: /Made Arta/ });
    expect(
      await within(other).findByText('Tidak ada rekomendasi pada Triwulan III 2026 dan belum ada rencana pengembangan.'),
    ).toBeInTheDocument();

    // The overview counts recommendations and links each name to its card.
    const summary = screen.getByRole('table', { name: 'Ringkasan tim' });
    const rows = within(summary).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/Baiq Nurul, S\.E\.\s*2\s*Belum ada rencana/);
    expect(rows[1]).toHaveTextContent(/Made Arta\s*0/);
    expect(within(rows[0]!).getByRole('link', { name: 'Baiq Nurul, S.E.' })).toHaveAttribute('href', `#member-${STAFF_NIP}`);
  });

  it('shows plan progress with overdue items in the overview', async () => {
    mockFetch(
      routes({
        [`GET /api/v1/employees/${STAFF_NIP}/development-plans`]: () => json({ items: [plan()] }),
      }),
    );
    renderWithProviders(<TeamDevelopmentPage />, { route: '/career/team' });
    const summary = await screen.findByRole('table', { name: 'Ringkasan tim' });
    expect(await within(summary).findByText('0 dari 1 butir selesai')).toBeInTheDocument();
    expect(within(summary).getByText('1 terlambat')).toBeInTheDocument();
    const staff = screen.getByRole('region', { name: /Baiq Nurul, S\.E\./ });
    expect(await within(staff).findByRole('heading', { name: 'Rencana pengembangan Triwulan III 2026' })).toBeInTheDocument();
  });

  it('turns the chosen recommendations into a plan with due dates and the suggested mentor', async () => {
    const { calls } = mockFetch(
      routes({
        [`POST /api/v1/employees/${STAFF_NIP}/development-plans`]: () => json(plan(), 201),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamDevelopmentPage />, { route: '/career/team' });

    const staff = await screen.findByRole('region', { name: /Baiq Nurul, S\.E\./ });
    await within(staff).findByRole('article', { name: 'Nilai Akuntabel perlu dikembangkan' });
    await user.click(within(staff).getByRole('button', { name: /Buat rencana/ }));

    const form = within(staff).getByRole('form', { name: 'Rencana pengembangan untuk Baiq Nurul, S.E.' });
    const rows = within(form).getAllByTestId('builder-row');
    expect(rows).toHaveLength(2);
    // The mentor comes preselected from the suggestion.
    expect(within(rows[1]!).getByLabelText('Mentor')).toHaveValue(MENTOR_NIP);
    const due = within(rows[0]!).getByLabelText('Tenggat');
    await user.clear(due);
    await user.type(due, '2027-03-31');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));

    expect(await screen.findByText('Rencana pengembangan untuk Baiq Nurul, S.E. dibuat (1 butir).')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    const body = JSON.parse(post?.body ?? '{}');
    expect(body.period_id).toBe('00000000-0000-0000-0000-0000000000p1');
    expect(body.title).toBe('Rencana pengembangan Triwulan III 2026');
    expect(body.items).toEqual([
      {
        kind: 'training',
        title: 'Pelatihan Akuntabilitas Kinerja',
        training_id: '00000000-0000-0000-0000-0000000000t1',
        mentor_nip: null,
        due_on: '2027-03-31',
        hours: 12,
        cause: 'Triwulan III 2026: rata-rata 360 nilai Akuntabel 2,67 (aturan: di bawah 3,0)',
      },
      {
        kind: 'mentoring',
        title: 'Mentoring nilai Akuntabel',
        training_id: null,
        mentor_nip: MENTOR_NIP,
        due_on: monthsFromToday(3),
        hours: null,
        cause: 'Triwulan III 2026: rata-rata 360 nilai Akuntabel 2,67 (aturan: di bawah 3,0)',
      },
    ]);
  });

  it('checks the plan before sending: at least one item, due dates not in the past, a mentor for mentoring', async () => {
    const { calls } = mockFetch(routes());
    const user = userEvent.setup();
    renderWithProviders(<TeamDevelopmentPage />, { route: '/career/team' });
    const staff = await screen.findByRole('region', { name: /Baiq Nurul, S\.E\./ });
    await within(staff).findByRole('article', { name: 'Nilai Akuntabel perlu dikembangkan' });
    await user.click(within(staff).getByRole('button', { name: /Buat rencana/ }));
    const form = within(staff).getByRole('form');
    const [training, mentoring] = within(form).getAllByTestId('builder-row');

    await user.selectOptions(within(mentoring!).getByLabelText('Mentor'), '');
    const due = within(training!).getByLabelText('Tenggat');
    await user.clear(due);
    await user.type(due, '2020-01-01');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));

    expect(within(form).getByRole('alert')).toHaveTextContent('Periksa kembali isian yang ditandai.');
    expect(within(training!).getByText('Tenggat tidak boleh sebelum hari ini.')).toBeInTheDocument();
    expect(within(mentoring!).getByText('Mentoring memerlukan mentor.')).toBeInTheDocument();

    await user.click(within(training!).getByRole('checkbox'));
    await user.click(within(mentoring!).getByRole('checkbox'));
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));
    expect(within(form).getByText(/Pilih sedikitnya satu butir\./)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('maps the server field errors back to the row they belong to', async () => {
    mockFetch(
      routes({
        [`POST /api/v1/employees/${STAFF_NIP}/development-plans`]: () =>
          apiError(422, 'validation_failed', 'Periksa isian.', {
            fields: { 'items[1].mentor_nip': ['Pegawai dengan NIP 199001012015031001 tidak ditemukan'] },
          }),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamDevelopmentPage />, { route: '/career/team' });
    const staff = await screen.findByRole('region', { name: /Baiq Nurul, S\.E\./ });
    await within(staff).findByRole('article', { name: 'Nilai Akuntabel perlu dikembangkan' });
    await user.click(within(staff).getByRole('button', { name: /Buat rencana/ }));
    const form = within(staff).getByRole('form');
    await user.click(within(form).getByRole('button', { name: 'Simpan rencana' }));

    const mentoring = within(form).getAllByTestId('builder-row')[1]!;
    expect(
      await within(mentoring).findByText('Pegawai dengan NIP 199001012015031001 tidak ditemukan'),
    ).toBeInTheDocument();
    expect(within(form).getByRole('alert')).toHaveTextContent('Periksa isian.');
  });
});
