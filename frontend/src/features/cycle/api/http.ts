// Requests that the typed client cannot express well: raw file uploads and file downloads.
// Both go through authFetch (bearer token, refresh on 401) and the same error envelope.
import { authFetch } from '../../../lib/api/client';
import { ApiError, toApiError } from '../../../lib/api/errors';

function absolute(path: string): string {
  const origin = globalThis.location?.origin && globalThis.location.origin !== 'null' ? globalThis.location.origin : '';
  return `${origin}${path}`;
}

async function send(request: Request): Promise<Response> {
  let res: Response;
  try {
    res = await authFetch(request);
  } catch {
    throw new ApiError(0, 'network_error', 'Tidak dapat menghubungi server.');
  }
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    throw toApiError(res.status, body);
  }
  return res;
}

/** Uploads a file as the raw request body with its own Content-Type; answers the JSON body. */
export async function uploadRaw<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const res = await send(
    new Request(absolute(path), {
      method: 'POST',
      headers: { 'Content-Type': contentType || 'application/octet-stream', Accept: 'application/json' },
      body: file,
    }),
  );
  return (await res.json()) as T;
}

/** Downloads a protected file and hands it to the browser under its own name. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await send(new Request(absolute(path), { method: 'GET' }));
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
