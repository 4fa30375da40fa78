// Client-side NIP check mirroring the server's rules (backend domain::nip), with the same
// wording, so most mistakes are caught before the request. The server stays the authority.
import type { MessageKey } from '../i18n/messages';
import type { EmployeeStatus } from '../../api/types';

/** What the NIP's 13th digit says: a PNS or a PPPK. */
export type NipKind = EmployeeStatus;

export interface NipProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type NipCheck = { ok: true; kind: NipKind } | { ok: false; problem: NipProblem };

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const fail = (key: MessageKey, params?: Record<string, string | number>): NipCheck => ({
  ok: false,
  problem: params ? { key, params } : { key },
});

/**
 * 18 digits: 1–8 birth date TTTTBBHH; PNS: 9–14 TMT CPNS TTTTBB; PPPK (digit 13 is "2"):
 * 9–12 TMT year, 13 "2", 14 contract sequence 1–9; 15 gender 1|2; 16–18 sequence 001–999.
 */
export function parseNip(raw: string): NipCheck {
  const s = raw.trim();
  if (s === '') return fail('nip.required');
  if (s.length !== 18 || !/^\d{18}$/.test(s)) return fail('nip.length', { n: [...s].length });

  const by = Number(s.slice(0, 4));
  const bm = Number(s.slice(4, 6));
  if (!validDate(by, bm, Number(s.slice(6, 8)))) return fail('nip.birth', { value: s.slice(0, 8) });
  if (by < 1940 || by > 2015) return fail('nip.birthYear', { year: by });

  const kind: NipKind = s[12] === '2' ? 'PPPK' : 'PNS';
  const year = Number(s.slice(8, 12));
  if (kind === 'PNS') {
    const month = Number(s.slice(12, 14));
    if (month < 1 || month > 12) return fail('nip.tmtMonth', { month: s.slice(12, 14) });
    if (year * 100 + month <= by * 100 + bm) return fail('nip.tmtOrder', { tmt: s.slice(8, 14) });
  } else {
    if (year <= by) return fail('nip.pppkYear', { year });
    if (s[13] === '0') return fail('nip.pppkSeq');
  }
  const g = s.charAt(14);
  if (g !== '1' && g !== '2') return fail('nip.gender', { code: g });
  if (s.slice(15) === '000') return fail('nip.seq');
  return { ok: true, kind };
}

/** The problem with a NIP, or null when it is valid. */
export function checkNip(raw: string): NipProblem | null {
  const r = parseNip(raw);
  return r.ok ? null : r.problem;
}
