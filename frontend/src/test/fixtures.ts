import type { Employee, Me, Unit } from '../api/types';

export const unitCkn: Unit = {
  id: '00000000-0000-0000-0000-000000000001',
  code: 'CKN',
  name: 'Kecamatan Cakranegara',
  kind: 'kecamatan',
  parent_code: null,
  parent_name: null,
  employee_count: 12,
};

export const employee: Employee = {
  id: '00000000-0000-0000-0000-000000000010',
  nip: '198503152010011002',
  name: 'Ahmad Fauzi',
  gelar_depan: 'Drs.',
  gelar_belakang: 'M.Si.',
  full_name: 'Drs. Ahmad Fauzi, M.Si.',
  status: 'PNS',
  golongan: 'IV/a',
  pangkat: 'Pembina',
  jabatan: 'Camat Cakranegara',
  jenis_jabatan: 'struktural',
  unit_code: 'CKN',
  unit_name: 'Kecamatan Cakranegara',
  supervisor_nip: null,
  supervisor_name: null,
  email: 'ahmad.fauzi@example.go.id',
  active: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

export const adminMe: Me = {
  user: {
    id: '00000000-0000-0000-0000-000000000100',
    name: 'Administrator',
    email: 'admin@kinerja360.local',
    nip: null,
    roles: ['admin'],
  },
  employee: null,
  supervisor: null,
  subordinates_count: 0,
};

export const golongan = [
  { code: 'III/a', siasn_code: 31, pangkat: 'Penata Muda', status: 'PNS' as const },
  { code: 'III/b', siasn_code: 32, pangkat: 'Penata Muda Tk I', status: 'PNS' as const },
  { code: 'IV/a', siasn_code: 41, pangkat: 'Pembina', status: 'PNS' as const },
  { code: 'IX', siasn_code: 9, pangkat: 'IX', status: 'PPPK' as const },
];
