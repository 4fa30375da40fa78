// Pure rules the cycle screens mirror from the server: the predikat matrix, the 360
// suggestion thresholds, the BerAKHLAK value codes, evidence upload limits.
// The server stays the authority; these only let a screen preview and pre-validate.

import type { CoreValue, Predikat, RaterGroup, Rating } from '../../api/types';

export type { Predikat, RaterGroup, Rating };

/** The order ratings are offered in (SIASN codes 1, 2, 3). */
export const RATINGS: readonly Rating[] = ['di_atas', 'sesuai', 'di_bawah'];
export const PREDIKATS: readonly Predikat[] = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];

/**
 * The exact matrix of PermenPANRB 6/2022 as a lookup table (row: rating hasil kerja,
 * column: rating perilaku kerja). Never min/max arithmetic: Di Atas × Di Bawah is Kurang.
 */
export const MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>> = {
  di_atas: { di_atas: 'sangat_baik', sesuai: 'baik', di_bawah: 'kurang' },
  sesuai: { di_atas: 'baik', sesuai: 'baik', di_bawah: 'kurang' },
  di_bawah: { di_atas: 'butuh_perbaikan', sesuai: 'butuh_perbaikan', di_bawah: 'sangat_kurang' },
};

export function predikatOf(hasilKerja: Rating, perilaku: Rating): Predikat {
  return MATRIX[hasilKerja][perilaku];
}

export const PREDIKAT_CODE: Readonly<Record<Predikat, number>> = {
  sangat_baik: 1,
  baik: 2,
  butuh_perbaikan: 3,
  kurang: 4,
  sangat_kurang: 5,
};

export function isRating(v: unknown): v is Rating {
  return v === 'di_atas' || v === 'sesuai' || v === 'di_bawah';
}

export function isPredikat(v: unknown): v is Predikat {
  return typeof v === 'string' && (PREDIKATS as readonly string[]).includes(v);
}

/** The default mapping of a weighted 360 mean (1–5) to a suggested rating perilaku. */
export function suggestionFor(mean: number): Rating {
  if (mean >= 4.2) return 'di_atas';
  if (mean >= 2.8) return 'sesuai';
  return 'di_bawah';
}

/** The seven BerAKHLAK values in the official order. */
export type ValueCode = CoreValue;
export const VALUE_CODES: readonly ValueCode[] = [
  'berorientasi_pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
];

export function isValueCode(v: unknown): v is ValueCode {
  return typeof v === 'string' && (VALUE_CODES as readonly string[]).includes(v);
}

/** Rater groups of the 360, in display order. */
export const RATER_GROUPS: readonly RaterGroup[] = ['self', 'supervisor', 'peer', 'subordinate', 'public'];

/** Evidence files the server accepts, by Content-Type with their usual extensions (mirrors the server; it decides). */
export const EVIDENCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
};
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The accept attribute of the file input. */
export const EVIDENCE_ACCEPT = Object.entries(EVIDENCE_TYPES)
  .flatMap(([type, exts]) => [type, ...exts.map((e) => `.${e}`)])
  .join(',');

export type FileProblem = { kind: 'empty' } | { kind: 'too_large'; max: number } | { kind: 'type' };

/** The Content-Type to send: the browser's, or the one its extension implies. */
export function evidenceContentType(file: { name: string; type: string }): string | null {
  if (file.type) return EVIDENCE_TYPES[file.type] ? file.type : null;
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  return Object.entries(EVIDENCE_TYPES).find(([, exts]) => exts.includes(ext))?.[0] ?? null;
}

/** Checks a file before upload the way the server will; null when acceptable. */
export function checkEvidenceFile(
  file: { name: string; size: number; type: string },
  maxBytes: number = DEFAULT_MAX_UPLOAD_BYTES,
): FileProblem | null {
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > maxBytes) return { kind: 'too_large', max: maxBytes };
  if (!evidenceContentType(file)) return { kind: 'type' };
  return null;
}

/** Bytes as a short human size (10 MB, 512 KB). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** Whole days from `today` until `iso` (a date or date-time); negative when past. */
export function daysUntil(iso: string, today: Date = new Date()): number {
  const d = new Date(iso.length === 10 ? `${iso}T23:59:59` : iso);
  return Math.ceil((d.getTime() - today.getTime()) / 86_400_000);
}
