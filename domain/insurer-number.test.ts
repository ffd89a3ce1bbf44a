import { describe, expect, it } from 'vitest';
import { insurerNumberCheckDigit, normalizeInsurerNumber } from './insurer-number';
import { normalizeLocalGovCode } from './local-gov-code';

// Standards §7.2: 千葉市の各区, 市原市, 大雪地区広域連合.
const VALID = ['121012', '121020', '121038', '121046', '121053', '121061', '122192', '018325'];

describe('insurerNumberCheckDigit', () => {
  it.each(VALID)('computes the last digit of %s', (n) => {
    expect(insurerNumberCheckDigit(n.slice(0, 5))).toBe(Number(n[5]));
  });

  it('rejects anything but five digits', () => {
    expect(() => insurerNumberCheckDigit('1210')).toThrow(RangeError);
  });
});

describe('normalizeInsurerNumber', () => {
  it.each(VALID)('accepts %s', (n) => {
    expect(normalizeInsurerNumber(n)).toEqual({ ok: true, code: n });
  });

  it('accepts full-width digits and spaces', () => {
    expect(normalizeInsurerNumber(' １２１０１２　')).toEqual({ ok: true, code: '121012' });
  });

  it('rejects the 団体コード 121011 and says it may be one', () => {
    const r = normalizeInsurerNumber('121011');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('正しくは 121012');
      expect(r.message).toContain('団体コードが入力されている可能性があります');
    }
  });

  it('keeps the two code systems apart: 272104 is 枚方市 as insurer, 272108 as 団体コード', () => {
    expect(normalizeInsurerNumber('272104')).toEqual({ ok: true, code: '272104' });
    expect(normalizeInsurerNumber('272108').ok).toBe(false);
    expect(normalizeLocalGovCode('272108')).toEqual({ ok: true, code: '272108' });
    expect(normalizeLocalGovCode('272104').ok).toBe(false);
  });

  it('accepts only 6 digits', () => {
    for (const input of ['12101', '1210121', '12101a']) {
      expect(normalizeInsurerNumber(input)).toEqual({
        ok: false,
        message: '保険者番号は6桁の数字で入力してください',
      });
    }
    expect(normalizeInsurerNumber('')).toEqual({ ok: false, message: '保険者番号が入力されていません' });
  });
});
