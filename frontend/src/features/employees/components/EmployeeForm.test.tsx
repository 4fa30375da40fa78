import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { employee, golongan, unitCkn } from '../../../test/fixtures';
import { EmployeeForm } from './EmployeeForm';

const referenceRoutes = {
  'GET /api/v1/units': () => json({ items: [unitCkn], meta: { page: 1, per_page: 100, total: 1 } }),
  'GET /api/v1/reference/golongan': () => json(golongan),
};

/** The control labelled exactly `label` (required fields carry a trailing " *"). */
function control(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label}( \\*)?$`));
}

function errorOf(label: string): string {
  const input = control(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('EmployeeForm', () => {
  it('shows the server field errors next to the fields', async () => {
    const { calls } = mockFetch({
      ...referenceRoutes,
      'PUT /api/v1/employees/198503152010011002': () =>
        apiError(422, 'validation_failed', 'Data pegawai tidak valid.', {
          fields: {
            supervisor_nip: ['Atasan dengan NIP 196001011985031001 tidak ditemukan.'],
            email: ['Email sudah dipakai pegawai lain.'],
          },
        }),
    });
    renderWithProviders(<EmployeeForm employee={employee} onSaved={vi.fn()} />);
    const user = userEvent.setup();
    // Wait until the selects are loaded from the reference endpoints.
    await screen.findByRole('option', { name: 'CKN — Kecamatan Cakranegara' });
    await user.type(control('NIP atasan langsung'), '196001011985031001');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Data pegawai tidak valid.')).toBeInTheDocument();
    expect(errorOf('NIP atasan langsung')).toContain('Atasan dengan NIP 196001011985031001 tidak ditemukan.');
    expect(errorOf('Email')).toContain('Email sudah dipakai pegawai lain.');
    expect(control('Email')).toHaveAttribute('aria-invalid', 'true');

    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body)).toMatchObject({
      name: 'Ahmad Fauzi',
      gelar_depan: 'Drs.',
      status: 'PNS',
      golongan: 'IV/a',
      unit_code: 'CKN',
      supervisor_nip: '196001011985031001',
      active: true,
    });
  });

  it('validates the NIP on the client before sending, mirroring the server', async () => {
    const { calls } = mockFetch(referenceRoutes);
    renderWithProviders(<EmployeeForm employee={null} onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'CKN — Kecamatan Cakranegara' });

    await user.type(control('NIP'), '199001012015131001');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    await waitFor(() => expect(errorOf('NIP')).toContain('NIP digit 9–14: bulan 13 bukan bulan yang sah (TMT CPNS TTTTBB)'));
    expect(errorOf('Nama')).toContain('Wajib diisi.');
    expect(errorOf('Jabatan')).toContain('Wajib diisi.');
    expect(within(screen.getByRole('form')).getByRole('alert')).toHaveTextContent('Periksa kembali');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('creates a new employee with PUT by NIP and reports creation', async () => {
    const onSaved = vi.fn();
    const { calls } = mockFetch({
      ...referenceRoutes,
      'PUT /api/v1/employees/199001012015031001': (c) =>
        json({ ...employee, ...JSON.parse(c.body), nip: '199001012015031001', full_name: 'Rina, S.E.' }, 201),
    });
    renderWithProviders(<EmployeeForm employee={null} onSaved={onSaved} />);
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'CKN — Kecamatan Cakranegara' });

    await user.type(control('NIP'), '199001012015031001');
    await user.type(control('Nama'), 'Rina');
    await user.type(control('Gelar belakang'), 'S.E.');
    await user.selectOptions(control('Golongan'), 'III/b');
    await user.type(control('Jabatan'), 'Analis Kepegawaian');
    await user.selectOptions(control('Unit kerja'), 'CKN');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]![1]).toBe(true);
    const body = JSON.parse(calls.find((c) => c.method === 'PUT')!.body);
    expect(body).toEqual({
      name: 'Rina',
      gelar_depan: null,
      gelar_belakang: 'S.E.',
      status: 'PNS',
      golongan: 'III/b',
      jabatan: 'Analis Kepegawaian',
      jenis_jabatan: 'pelaksana',
      unit_code: 'CKN',
      supervisor_nip: null,
      email: null,
      active: true,
    });
  });
});
