// The backend's single error envelope, turned into a thrown ApiError the UI can render.
import type { ErrorCode } from '../../api/types';
import { isErrorCode } from '../i18n/messages-errors';

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export type FieldErrors = Record<string, string[]>;

/** An employee who blocks a unit's finalisation or a period's publication (409 details). */
export interface Blocker {
  unit_code: string;
  unit_name: string;
  nip: string;
  name: string;
}

/** Codes the SPA assigns itself when there is no (readable) error envelope. */
export type ClientErrorCode = 'network_error' | 'server_error' | 'unknown';
/** A server code from the spec, or one of the client's own. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldErrors;
  readonly rows: RowProblem[];
  readonly blockers: Blocker[];

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    fields: FieldErrors = {},
    rows: RowProblem[] = [],
    blockers: Blocker[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.rows = rows;
    this.blockers = blockers;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds an ApiError from whatever a non-2xx response carried. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const e = body.error;
    const fields: FieldErrors = {};
    if (isRecord(e.fields)) {
      for (const [k, v] of Object.entries(e.fields)) {
        if (Array.isArray(v)) fields[k] = v.map(String);
        else if (typeof v === 'string') fields[k] = [v];
      }
    }
    const rows: RowProblem[] = Array.isArray(e.rows)
      ? e.rows.filter(isRecord).map((r) => ({
          row: Number(r.row),
          field: String(r.field ?? ''),
          message: String(r.message ?? ''),
        }))
      : [];
    const blockers: Blocker[] =
      isRecord(e.details) && Array.isArray(e.details.blockers)
        ? e.details.blockers.filter(isRecord).map((b) => ({
            unit_code: String(b.unit_code ?? ''),
            unit_name: String(b.unit_name ?? ''),
            nip: String(b.nip ?? ''),
            name: String(b.name ?? ''),
          }))
        : [];
    return new ApiError(
      status,
      // A code the spec does not declare is drift; it reads as unknown, never as a string.
      typeof e.code === 'string' && isErrorCode(e.code) ? e.code : status >= 500 ? 'server_error' : 'unknown',
      // Empty when the server sent none; the UI then shows the code's own text.
      typeof e.message === 'string' ? e.message : '',
      fields,
      rows,
      blockers,
    );
  }
  return new ApiError(status, status >= 500 ? 'server_error' : 'unknown', `HTTP ${status}`);
}

type Result<D> =
  | { data: D; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<D>(call: Promise<Result<D>>): Promise<Exclude<D, undefined>> {
  let result: Result<D>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'network_error', 'Tidak dapat menghubungi server.');
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as Exclude<D, undefined>;
}

/** Like unwrap, but also tells the HTTP status (e.g. 201 created vs 200 updated). */
export async function unwrapWithStatus<D>(
  call: Promise<Result<D>>,
): Promise<{ data: Exclude<D, undefined>; status: number }> {
  let status = 0;
  const data = await unwrap(
    call.then((r) => {
      status = r.response.status;
      return r;
    }),
  );
  return { data, status };
}
