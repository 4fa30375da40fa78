// Fixtures of the cycle tests: a staff member and their supervisor, a period, plans.
import type { Me } from '../../api/types';
import { employee } from '../../test/fixtures';

export const STAF_NIP = '199203152015032001';
export const LURAH_NIP = '198001012005011003';

export const stafMe: Me = {
  user: { id: 'u-staf', name: 'Siti Aminah', email: 'staf@kinerja360.local', nip: STAF_NIP, roles: ['employee'] },
  employee: {
    ...employee,
    id: 'e-staf',
    nip: STAF_NIP,
    name: 'Siti Aminah',
    full_name: 'Siti Aminah, S.E.',
    jabatan: 'Pengadministrasi Umum',
    unit_code: 'CKN-KEL-CB',
    unit_name: 'Kelurahan Cakranegara Barat',
    supervisor_nip: LURAH_NIP,
    supervisor_name: 'Budi Santoso',
  },
  supervisor: { nip: LURAH_NIP, full_name: 'Budi Santoso', jabatan: 'Lurah', unit_name: 'Kelurahan Cakranegara Barat' },
  subordinates_count: 0,
};

export const lurahMe: Me = {
  ...stafMe,
  user: { ...stafMe.user, id: 'u-lurah', name: 'Budi Santoso', nip: LURAH_NIP },
  employee: { ...stafMe.employee!, id: 'e-lurah', nip: LURAH_NIP, name: 'Budi Santoso', full_name: 'Budi Santoso', jabatan: 'Lurah' },
  subordinates_count: 3,
};

export const period = {
  id: 'p0000000-0000-0000-0000-000000000002',
  year: 2026,
  kind: 'quarterly',
  number: 2,
  name: 'Triwulan II 2026',
  starts_on: '2026-04-01',
  ends_on: '2026-06-30',
  state: 'open',
  opened_at: '2026-04-01T00:00:00Z',
  closed_at: null,
  published_at: null,
};

export const periodsPage = { items: [period], meta: { page: 1, per_page: 100, total: 1 } };

export const berakhlak = [
  ['berorientasi_pelayanan', 'Berorientasi Pelayanan', 'Service oriented'],
  ['akuntabel', 'Akuntabel', 'Accountable'],
  ['kompeten', 'Kompeten', 'Competent'],
  ['harmonis', 'Harmonis', 'Harmonious'],
  ['loyal', 'Loyal', 'Loyal'],
  ['adaptif', 'Adaptif', 'Adaptive'],
  ['kolaboratif', 'Kolaboratif', 'Collaborative'],
].map(([code, name, name_en], i) => ({
  code,
  name,
  name_en,
  number: i + 1,
  indicators: [`Indikator ${name} 1`, `Indikator ${name} 2`, `Indikator ${name} 3`],
  indicators_en: [`Indicator ${name_en} 1`, `Indicator ${name_en} 2`, `Indicator ${name_en} 3`],
}));

export function skpOf(over: Record<string, unknown> = {}) {
  return {
    id: 's1',
    year: 2026,
    status: 'draft',
    return_reason: null,
    employee: { nip: STAF_NIP, name: 'Siti Aminah', jabatan: 'Pengadministrasi Umum' },
    approver: { nip: LURAH_NIP, name: 'Budi Santoso' },
    unit_code: 'CKN-KEL-CB',
    jabatan: 'Pengadministrasi Umum',
    rhk: [
      {
        id: 'r1',
        kind: 'utama',
        description: 'Terselenggaranya layanan administrasi kependudukan',
        position: 1,
        parent_rhk: null,
        indicators: [
          {
            id: 'i1',
            aspect: 'kuantitas',
            description: 'Jumlah surat keterangan yang diterbitkan',
            target_value: 120,
            target_unit: 'surat',
            target_text: null,
            position: 1,
          },
        ],
      },
    ],
    expectations: berakhlak.map((b) => ({ value_code: b.code, value_name: b.name, expectation: null })),
    submitted_at: null,
    decided_at: null,
    created_at: '2026-01-05T00:00:00Z',
    updated_at: '2026-01-05T00:00:00Z',
    can_edit: true,
    can_decide: false,
    can_set_expectations: false,
    ...over,
  };
}
