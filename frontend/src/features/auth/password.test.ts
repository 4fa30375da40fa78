import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password';

describe('passwordProblems', () => {
  it('accepts eight characters typed twice alike', () => {
    expect(passwordProblems('abcdefgh', 'abcdefgh')).toEqual([]);
  });

  it('names a short password and a mismatch', () => {
    expect(passwordProblems('abc', 'abd')).toEqual(['tooShort', 'mismatch']);
  });

  it('refuses more than 256 bytes', () => {
    const long = 'é'.repeat(129);
    expect(passwordProblems(long, long)).toEqual(['tooLong']);
  });
});
