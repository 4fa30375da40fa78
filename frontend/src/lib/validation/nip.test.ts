import { describe, expect, it } from 'vitest';
import { checkNip, parseNip } from './nip';

describe('parseNip (mirrors the backend rules)', () => {
  it('accepts a valid PNS NIP', () => {
    expect(parseNip('199001012015031001')).toEqual({ ok: true, kind: 'PNS' });
    expect(parseNip(' 199001012015031001 ')).toEqual({ ok: true, kind: 'PNS' });
  });

  it('recognises a PPPK number by the 2 in digit 13', () => {
    expect(parseNip('199205172022212001')).toEqual({ ok: true, kind: 'PPPK' });
  });

  it.each([
    ['', 'nip.required'],
    ['1990010120150310', 'nip.length'],
    ['19900101201503100a', 'nip.length'],
    ['19900101 201503 1 001', 'nip.length'],
    ['199002302015031001', 'nip.birth'],
    ['193001012015031001', 'nip.birthYear'],
    ['199001012015131001', 'nip.tmtMonth'],
    ['199001012015001001', 'nip.tmtMonth'],
    ['199001011989031001', 'nip.tmtOrder'],
    ['199205171992212001', 'nip.pppkYear'],
    ['199205172022202001', 'nip.pppkSeq'],
    ['199001012015033001', 'nip.gender'],
    ['199001012015031000', 'nip.seq'],
  ])('rejects %j with %s', (nip, key) => {
    expect(checkNip(nip)?.key).toBe(key);
  });

  it('names the bad month like the server does', () => {
    expect(checkNip('199001012015131001')).toEqual({ key: 'nip.tmtMonth', params: { month: '13' } });
  });
});
