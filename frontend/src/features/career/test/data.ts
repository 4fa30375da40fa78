// Test data of the career screens, shaped like the API's answers.
import type { Me } from '../../../api/types';
import { adminMe, employee } from '../../../test/fixtures';
import type { Plan, Recommendation, RecommendationList, TalentGrid, TrainingHours } from '../api/types';

export const STAFF_NIP = '199303152017122027';
export const LURAH_NIP = '198212222006122024';
export const MENTOR_NIP = '199001012015031001';

export const staffMe: Me = {
  user: { ...adminMe.user, name: 'Baiq Nurul', email: 'staf@kinerja360.local', nip: STAFF_NIP, roles: ['employee'] },
  employee: {
    ...employee,
    nip: STAFF_NIP,
    name: 'Baiq Nurul',
    full_name: 'Baiq Nurul, S.E.',
    jabatan: 'Pengadministrasi Umum',
    jenis_jabatan: 'pelaksana',
    supervisor_nip: LURAH_NIP,
  },
  supervisor: null,
  subordinates_count: 0,
};

export const lurahMe: Me = {
  user: { ...adminMe.user, name: 'Lurah', email: 'lurah.cb@kinerja360.local', nip: LURAH_NIP, roles: ['employee'] },
  employee: { ...employee, nip: LURAH_NIP, name: 'Lalu Ahmad', full_name: 'Lalu Ahmad, S.STP.', jabatan: 'Lurah' },
  supervisor: null,
  subordinates_count: 2,
};

export const hrMe: Me = { ...adminMe, user: { ...adminMe.user, name: 'HR', roles: ['hr'] } };
export const auditorMe: Me = { ...adminMe, user: { ...adminMe.user, name: 'Auditor', roles: ['auditor'] } };

const period = { id: '00000000-0000-0000-0000-0000000000p1', name: 'Triwulan III 2026', year: 2026, kind: 'quarterly', number: 3 };

export const valueRec: Recommendation = {
  key: 'value-akuntabel',
  trigger: 'value_360',
  period,
  value_code: 'akuntabel',
  value_label: 'Akuntabel',
  mean: 2.67,
  responses: 4,
  predikat: null,
  predikat_label: null,
  rule: 'Rata-rata 360 nilai < 3,0',
  cause: 'Triwulan III 2026: rata-rata 360 nilai Akuntabel 2,67 (aturan: di bawah 3,0)',
  actions: [
    {
      kind: 'training',
      title: 'Pelatihan Akuntabilitas Kinerja',
      training_id: '00000000-0000-0000-0000-0000000000t1',
      hours: 12,
      mode: 'e-learning',
      provider: 'BPSDM NTB',
      reason: 'Pelatihan untuk nilai Akuntabel',
      mentor_nip: null,
      mentor_name: null,
      mentor_jabatan: null,
      mentor_mean: null,
    },
    {
      kind: 'mentoring',
      title: 'Mentoring nilai Akuntabel',
      training_id: null,
      hours: null,
      mode: null,
      provider: null,
      mentor_nip: MENTOR_NIP,
      mentor_name: 'Ni Made Sari',
      mentor_jabatan: 'Pengadministrasi Umum',
      mentor_mean: 4.5,
      reason: 'Rekan dengan predikat Baik dan rata-rata Akuntabel 4,50',
    },
  ],
};

export const predikatRec: Recommendation = {
  key: 'predikat',
  trigger: 'predikat',
  period,
  predikat: 'butuh_perbaikan',
  predikat_label: 'Butuh Perbaikan',
  value_code: null,
  value_label: null,
  mean: null,
  responses: null,
  rule: 'Predikat Butuh Perbaikan atau lebih rendah',
  cause: 'Triwulan III 2026: predikat kinerja Butuh Perbaikan',
  actions: [],
};

export const recList = (items: Recommendation[] = [valueRec, predikatRec], nip = STAFF_NIP): RecommendationList => ({
  nip,
  name: 'Baiq Nurul',
  period,
  items,
});

export const plan = (over: Partial<Plan['items'][number]> = {}): Plan => ({
  id: '00000000-0000-0000-0000-00000000pl01',
  nip: STAFF_NIP,
  name: 'Baiq Nurul',
  supervisor_nip: LURAH_NIP,
  supervisor_name: 'Lalu Ahmad',
  title: 'Rencana pengembangan Triwulan III 2026',
  period_id: period.id,
  created_at: '2026-11-01T08:00:00Z',
  items: [
    {
      id: '00000000-0000-0000-0000-00000000it01',
      plan_id: '00000000-0000-0000-0000-00000000pl01',
      kind: 'training',
      title: 'Pelatihan Akuntabilitas Kinerja',
      training_id: '00000000-0000-0000-0000-0000000000t1',
      training_title: 'Pelatihan Akuntabilitas Kinerja',
      mentor_nip: null,
      mentor_name: null,
      due_on: '2026-10-31',
      hours: 12,
      cause: valueRec.cause,
      status: 'in_progress',
      progress_note: null,
      completed_on: null,
      overdue: true,
      certificates: [],
      nip: null,
      name: null,
      unit_code: null,
      ...over,
    },
  ],
});

export const hours = (completed = 8): TrainingHours => ({
  nip: STAFF_NIP,
  name: 'Baiq Nurul',
  year: new Date().getFullYear(),
  target_jp: 20,
  completed_jp: completed,
  remaining_jp: Math.max(0, 20 - completed),
  met: completed >= 20,
  items: completed > 0 ? [{ item_id: 'x1', title: 'Orientasi Pelayanan', hours: completed, completed_on: '2026-03-10' }] : [],
});

const BOXES: [number, 'di_bawah' | 'sesuai' | 'di_atas', 'rendah' | 'menengah' | 'tinggi'][] = [
  [6, 'di_bawah', 'tinggi'],
  [8, 'sesuai', 'tinggi'],
  [9, 'di_atas', 'tinggi'],
  [3, 'di_bawah', 'menengah'],
  [5, 'sesuai', 'menengah'],
  [7, 'di_atas', 'menengah'],
  [1, 'di_bawah', 'rendah'],
  [2, 'sesuai', 'rendah'],
  [4, 'di_atas', 'rendah'],
];

export const grid = (): TalentGrid => ({
  year: 2026,
  unit_code: 'CKN-KEL-CB',
  cells: BOXES.map(([box, kinerja, potensi]) => ({
    box,
    kinerja,
    potensi,
    label: `Kotak ${box}`,
    recommendations: box === 9 ? ['Dipromosikan dan dipertahankan', 'Diberikan penghargaan'] : ['Pengembangan kompetensi'],
    count: box === 9 ? 1 : box === 1 ? 2 : 0,
    employees:
      box === 9
        ? [{ nip: '198001012005011001', name: 'Siti Aminah', jabatan: 'Analis Kebijakan', unit_code: 'CKN-KEL-CB', predikat: 'sangat_baik' }]
        : box === 1
          ? [
              { nip: STAFF_NIP, name: 'Baiq Nurul', jabatan: 'Pengadministrasi Umum', unit_code: 'CKN-KEL-CB', predikat: 'kurang' },
              { nip: '199505052019031002', name: 'Made Arta', jabatan: 'Pengadministrasi Umum', unit_code: 'CKN-KEL-CB', predikat: 'kurang' },
            ]
          : [],
  })),
  unplaced: [{ nip: '199707072020121003', name: 'Putu Gede', reason: 'Potensi belum diisi' }],
});
