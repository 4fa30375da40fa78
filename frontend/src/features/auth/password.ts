// The password rules shown on the set-password and change-password screens. The server
// checks the same rules (auth::password::check_strength): at least 8 characters, at most
// 256 bytes; the two entries must match.

export type PasswordProblem = 'tooShort' | 'tooLong' | 'mismatch';

export function passwordProblems(password: string, repeat: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < 8) problems.push('tooShort');
  if (new TextEncoder().encode(password).length > 256) problems.push('tooLong');
  if (password !== repeat) problems.push('mismatch');
  return problems;
}
