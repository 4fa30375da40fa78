import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { employee, unitCkn } from '../../../test/fixtures';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { AssignmentsPage } from './AssignmentsPage';
import { meWithRoles, period, PERIOD_ID } from './fixtures';

const staff = { ...employee, nip: '199001012015032001', name: 'Siti Aminah', full_name: 'Siti Aminah', jabatan: 'Analis' };
const nominee = {
  id: 'c0000000-0000-0000-0000-000000000003',
  nip: '199202022016041002',
  name: 'Budi Santoso',
  jabatan: 'Pengadministrasi',
  unit_code: 'CKN',
  unit_name: 'Kecamatan Cakranegara',
  state: 'nominated',
  nominated_by_ratee: true,
  decision_reason: null,
};

function renderPage(route = `/hr/periods/${PERIOD_ID}/assignments`) {
  return renderWithProviders(
    <Routes>
      <Route path="/hr/periods/:id/assignments" element={<AssignmentsPage />} />
    </Routes>,
    { route },
  );
}

function baseRoutes(roles: ('hr' | 'auditor')[]) {
  return {
    'GET /api/v1/me': () => json(meWithRoles(roles)),
    'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
    [`GET /api/v1/periods/${PERIOD_ID}`]: () => json({ ...period, state: 'open' }),
    [`GET /api/v1/periods/${PERIOD_ID}/360/progress`]: () =>
      json({
        units: [{ unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', assigned: 12, submitted: 4, pending: 8, awaiting_approval: 1 }],
        raters: [],
      }),
    'GET /api/v1/employees': () => json({ items: [staff], meta: { page: 1, per_page: 100, total: 1 } }),
    [`GET /api/v1/periods/${PERIOD_ID}/employees/${staff.nip}/peers`]: () => json({ items: [nominee] }),
  };
}

describe('AssignmentsPage', () => {
  afterEach(() => clearTokens());

  it('generates the assignments of one unit and reports what was created', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      ...baseRoutes(['hr']),
      [`POST /api/v1/periods/${PERIOD_ID}/raters/generate`]: () =>
        json({ created: 9, self: 5, supervisor: 2, subordinate: 2, existing: 3 }),
    });
    renderPage();
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Buat penugasan penilai' });
    await waitFor(() => expect(within(form).getByRole('option', { name: /CKN/ })).toBeInTheDocument());
    await user.selectOptions(within(form).getByLabelText(/Unit \(termasuk sub-unitnya\)/), 'CKN');
    await user.click(within(form).getByRole('button', { name: 'Buat penugasan' }));
    expect(
      await screen.findByText('9 penugasan baru (diri sendiri 5, atasan 2, bawahan 2); 3 sudah ada sebelumnya.'),
    ).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.search.get('unit_code')).toBe('CKN');
  });

  it('rejects a peer nomination only with a reason, and approves another', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      ...baseRoutes(['hr']),
      [`POST /api/v1/ratings360/${nominee.id}/reject`]: () => json({ ...nominee, group: 'peer', state: 'rejected' }),
      [`POST /api/v1/ratings360/${nominee.id}/approve`]: () => json({ ...nominee, group: 'peer', state: 'approved' }),
    });
    renderPage();
    const user = userEvent.setup();

    const units = await screen.findByRole('table', { name: /menunggu persetujuan, per unit/ });
    await user.click(within(units).getByRole('button', { name: /Tampilkan/ }));
    const nominations = await screen.findByRole('table', { name: 'Nominasi menunggu di Kecamatan Cakranegara' });
    const row = within(nominations).getByText('Budi Santoso').closest('tr')!;
    expect(row).toHaveTextContent('Siti Aminah');

    await user.click(within(row).getByRole('button', { name: /^Tolak/ }));
    const dialog = screen.getByRole('dialog', { name: 'Tolak nominasi Budi Santoso' });
    await user.click(within(dialog).getByRole('button', { name: 'Tolak' }));
    expect(within(dialog).getByText('Wajib diisi.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByLabelText(/Alasan/), 'Bukan rekan satu tim');
    await user.click(within(dialog).getByRole('button', { name: 'Tolak' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(JSON.parse(calls.find((c) => c.path.endsWith('/reject'))!.body)).toEqual({ reason: 'Bukan rekan satu tim' });
    expect(await screen.findByText('Nominasi Budi Santoso ditolak.')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: /^Setujui/ }));
    expect(await screen.findByText('Nominasi Budi Santoso disetujui.')).toBeInTheDocument();
  });

  it("lists an employee's raters with the anonymity note, read-only for the auditor", async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      ...baseRoutes(['auditor']),
      [`GET /api/v1/periods/${PERIOD_ID}/employees/${staff.nip}/raters`]: () =>
        json({
          items: [
            { group: 'self', nip: staff.nip, name: 'Siti Aminah', jabatan: 'Analis', unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', state: 'submitted' },
            { group: 'supervisor', nip: employee.nip, name: 'Ahmad Fauzi', jabatan: 'Camat', unit_code: 'CKN', unit_name: 'Kecamatan Cakranegara', state: 'draft' },
            { ...nominee, group: 'peer', state: 'approved' },
          ],
        }),
    });
    renderPage(`/hr/periods/${PERIOD_ID}/assignments?unit=CKN&nip=${staff.nip}`);
    const table = await screen.findByRole('table', { name: 'Penilai Siti Aminah' });
    const cells = (name: string) => within(table).getByText(name).closest('tr')!;
    expect(cells('Siti Aminah')).toHaveTextContent('Diri sendiri');
    expect(cells('Siti Aminah')).toHaveTextContent('Terkirim');
    expect(cells('Ahmad Fauzi')).toHaveTextContent('Sedang diisi');
    expect(cells('Budi Santoso')).toHaveTextContent('Rekan kerja');
    expect(cells('Budi Santoso')).toHaveTextContent('Disetujui');
    expect(screen.getByText(/tidak pernah apakah atau kapan mereka mengisi/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Buat penugasan penilai' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Tetapkan rekan kerja' })).toBeNull();
  });
});
