// The predikat matrix of PermenPANRB 6/2022 (DOMAIN.md §4) as an explicit lookup table, with
// the SIASN codes. A table, never min/max arithmetic: Di Atas × Di Bawah is Kurang.
import type { components } from '../../../api/schema';

export type Rating = components['schemas']['Rating'];
export type Predikat = components['schemas']['Predikat'];

/** Rows and columns in the order of the regulation's table: Di Atas first. */
export const RATINGS: readonly Rating[] = ['di_atas', 'sesuai', 'di_bawah'];
/** Columns of the printed matrix (perilaku): Di Bawah, Sesuai, Di Atas. */
export const MATRIX_COLUMNS: readonly Rating[] = ['di_bawah', 'sesuai', 'di_atas'];

export const RATING_CODE: Record<Rating, number> = { di_atas: 1, sesuai: 2, di_bawah: 3 };

export const PREDIKAT_CODE: Record<Predikat, number> = {
  sangat_baik: 1,
  baik: 2,
  butuh_perbaikan: 3,
  kurang: 4,
  sangat_kurang: 5,
};

export const PREDIKATS: readonly Predikat[] = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];

/** MATRIX[hasil kerja][perilaku kerja]. */
export const MATRIX: Record<Rating, Record<Rating, Predikat>> = {
  di_atas: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'sangat_baik' },
  sesuai: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'baik' },
  di_bawah: { di_bawah: 'sangat_kurang', sesuai: 'butuh_perbaikan', di_atas: 'butuh_perbaikan' },
};
