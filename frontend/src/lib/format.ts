/** Turns blank strings into null for optional API fields. */
export function orNull(v: string): string | null {
  const s = v.trim();
  return s === '' ? null : s;
}
