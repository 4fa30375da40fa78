// Types of the career-development API, derived from the generated OpenAPI operations so that
// regenerating schema.d.ts keeps them in step with the server.
import type { components, paths } from '../../../api/schema';
import { valuesOf, type RecommendationKind, type TrainingMode } from '../../../api/types';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type RecommendationList = Ok<paths['/api/v1/employees/{nip}/recommendations']['get']>;
export type Recommendation = RecommendationList['items'][number];
export type RecommendedAction = Recommendation['actions'][number];
export type PlanList = Ok<paths['/api/v1/employees/{nip}/development-plans']['get']>;
export type Plan = PlanList['items'][number];
export type PlanInput = BodyOf<paths['/api/v1/employees/{nip}/development-plans']['post']>;
export type PlanItemInput = PlanInput['items'][number];
export type Item = Plan['items'][number];
export type Certificate = Item['certificates'][number];
export type ItemProgressInput = BodyOf<paths['/api/v1/development-items/{id}']['patch']>;
export type ItemPage = Ok<paths['/api/v1/development-plans']['get']>;
export type TrainingHours = Ok<paths['/api/v1/employees/{nip}/training-hours']['get']>;
export type UnitHours = Ok<paths['/api/v1/training-hours']['get']>;
export type UnitHoursRow = UnitHours['items'][number];

export type TrainingList = Ok<paths['/api/v1/trainings']['get']>;
export type Training = TrainingList['items'][number];
export type TrainingInput = BodyOf<paths['/api/v1/trainings']['post']>;
export type CareerImportReport = Ok<paths['/api/v1/trainings/import']['post']>;

export type TalentGrid = Ok<paths['/api/v1/talent/grid']['get']>;
export type GridCell = TalentGrid['cells'][number];
export type EmployeeTalent = Ok<paths['/api/v1/employees/{nip}/talent']['get']>;
export type PotensiList = Ok<paths['/api/v1/employees/{nip}/potensi']['get']>;
export type PotensiInput = BodyOf<paths['/api/v1/employees/{nip}/potensi']['post']>;
export type CandidateList = Ok<paths['/api/v1/talent/candidates']['get']>;
export type Candidate = CandidateList['items'][number];
export type PlacementList = Ok<paths['/api/v1/talent/placement']['get']>;
export type UnitAk = Ok<paths['/api/v1/talent/angka-kredit']['get']>;
export type EmployeeAk = Ok<paths['/api/v1/employees/{nip}/angka-kredit']['get']>;

export type { RecommendationKind, TrainingMode };
export type ItemKind = components['schemas']['ItemKind'];
export type ItemStatus = components['schemas']['ItemStatus'];
export type Potensi = components['schemas']['Potensi'];
export type Rating = components['schemas']['Rating'];
export type Predikat = components['schemas']['Predikat'];
export type Jenjang = components['schemas']['Jenjang'];

export const ITEM_KINDS: readonly ItemKind[] = ['training', 'mentoring', 'other'];
export const ITEM_STATUSES: readonly ItemStatus[] = ['planned', 'in_progress', 'done'];
export const TRAINING_MODES = valuesOf<TrainingMode>({ klasikal: true, 'e-learning': true, blended: true, lainnya: true });
/** Rows of the 9-box grid, top to bottom. */
export const POTENSI_ROWS: readonly Potensi[] = ['tinggi', 'menengah', 'rendah'];
/** Columns of the 9-box grid, left to right. */
export const KINERJA_COLS: readonly Rating[] = ['di_bawah', 'sesuai', 'di_atas'];
export const PREDIKATS: readonly Predikat[] = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];

/** The BerAKHLAK value as the reference endpoint lists it (its code is untyped in the spec). */
export interface ValueRef {
  code: string;
  name: string;
  name_en: string;
}
