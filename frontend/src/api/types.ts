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
export type SubmissionStatus = components['schemas']['SubmissionStatus'];
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
