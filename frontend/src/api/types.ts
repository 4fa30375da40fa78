// Friendly names for the generated API types. Derived from operations (not schema names)
// so that regenerating schema.d.ts from the real OpenAPI file changes as little as possible.
import type { components, paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
type BodyOf<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type TokenPair = Ok<paths['/api/v1/auth/login']['post']>;
export type Me = Ok<paths['/api/v1/me']['get']>;
export type User = Me['user'];
// Enumerations as the OpenAPI document declares them.
export type Role = components['schemas']['Role'];
export type UnitKind = components['schemas']['UnitKind'];
export type EmployeeStatus = components['schemas']['EmployeeStatus'];
export type JenisJabatan = components['schemas']['JenisJabatan'];
export type PeriodKind = components['schemas']['PeriodKind'];
export type PeriodState = components['schemas']['PeriodState'];
export type SkpStatus = components['schemas']['SkpStatus'];
export type Rating = components['schemas']['Rating'];
export type Predikat = components['schemas']['Predikat'];
export type OrgResult = components['schemas']['OrgResult'];
export type CoreValue = components['schemas']['CoreValue'];
export type RaterGroup = components['schemas']['RaterGroup'];
export type QualityFlag = components['schemas']['QualityFlag'];
export type AppealStatus = components['schemas']['AppealStatus'];
/** The `role` filter of GET /appeals (which appeals to list), not an account role. */
export type AppealListRole = components['schemas']['AppealRole'];
export type AppealDecision = components['schemas']['Decision'];
/** Which party may write their statement on an appeal now (`AppealOut.can_write_statement`). */
export type StatementSide = components['schemas']['StatementSide'];
export type SubmissionStatus = components['schemas']['SubmissionStatus'];
export type TargetKind = components['schemas']['TargetKind'];
/** Status of a period's result (HR results, SIASN rows, the employee's own results). */
export type ResultStatus = components['schemas']['ResultStatus'];
/** Status of one evaluation as stored (draft or final). */
export type EvaluationStatus = components['schemas']['EvaluationStatus'];
/** Stored status of a 360 row (a rater's form). */
export type AssignmentStatus = components['schemas']['AssignmentStatus'];
/** A peer's nomination state as the ratee and the organisers see it. */
export type NominationStatus = components['schemas']['NominationStatus'];
/** An assignment's state as organisers see it (a status, or a nomination state when anonymous). */
export type RaterState = components['schemas']['RaterState'];
export type RecommendationKind = components['schemas']['RecommendationKind'];
export type TrainingMode = components['schemas']['TrainingMode'];
export type Mutu = components['schemas']['Mutu'];
/** Every error code the server sends (`error.code` of the error envelope). */
export type ErrorCode = components['schemas']['ErrorCode'];
/** Every kind of server event on the SSE stream (its `event:` field). */
export type EventKind = components['schemas']['EventKind'];
export type Employee = Ok<paths['/api/v1/employees/{nip}']['get']>;
export type EmployeeSummary = NonNullable<Me['supervisor']>;
export type EmployeeInput = BodyOf<paths['/api/v1/employees/{nip}']['put']>;
export type EmployeePage = Ok<paths['/api/v1/employees']['get']>;
export type Unit = Ok<paths['/api/v1/units/{code}']['get']>;
export type UnitInput = BodyOf<paths['/api/v1/units/{code}']['put']>;
export type UnitPage = Ok<paths['/api/v1/units']['get']>;
export type PageMeta = UnitPage['meta'];
export type ImportReport = Ok<paths['/api/v1/employees/import']['post']>;
export type RowError = ImportReport['errors'][number];
export type Golongan = Ok<paths['/api/v1/reference/golongan']['get']>[number];

/**
 * Every value of the string union T, in the table's order. The table is a `Record<T, true>`,
 * so a value missing from it, or one the union does not have, fails `tsc`.
 */
export function valuesOf<T extends string>(table: Record<T, true>): readonly T[] {
  return Object.keys(table) as T[];
}

export const UNIT_KINDS: readonly UnitKind[] = [
  'kecamatan',
  'kelurahan',
  'sekretariat',
  'seksi',
  'dinas',
  'bidang',
  'uptd',
  'lainnya',
];
export const EMPLOYEE_STATUSES: readonly EmployeeStatus[] = ['PNS', 'PPPK'];
export const JENIS_JABATAN: readonly JenisJabatan[] = ['struktural', 'fungsional', 'pelaksana'];
export const ROLES: readonly Role[] = ['admin', 'hr', 'auditor', 'employee'];
