// 介護保険 保険者番号 (standards §7.2). It looks like a 団体コード but its check digit follows a
// Luhn-style rule, so 千葉市中央区 is 団体コード 121011 and 保険者番号 121012: keep the validators apart.
import { type CodeResult, localGovCheckDigit } from './local-gov-code';

/** Check digit of a 保険者番号: from the right weights 2,1,2,1,2, digit sum of each product, (10 − sum mod 10) mod 10. */
export function insurerNumberCheckDigit(first5: string): number {
  if (!/^\d{5}$/.test(first5)) {
    throw new RangeError(`insurerNumberCheckDigit expects 5 ASCII digits, got "${first5}"`);
  }
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    // With five digits, position i from the left is position 4 − i from the right: even from the right → weight 2.
    const weight = (4 - i) % 2 === 0 ? 2 : 1;
    const p = Number(first5[i]) * weight;
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

/** Reads a 6-digit 保険者番号 (full-width digits and surrounding spaces allowed) and verifies its check digit. */
export function normalizeInsurerNumber(input: string): CodeResult {
  const s = input.normalize('NFKC').trim();
  if (s === '') return { ok: false, message: '保険者番号が入力されていません' };
  if (!/^\d{6}$/.test(s)) return { ok: false, message: '保険者番号は6桁の数字で入力してください' };
  const first5 = s.slice(0, 5);
  const expected = `${first5}${insurerNumberCheckDigit(first5)}`;
  if (s !== expected) {
    // The usual mistake is typing the municipality's 団体コード, which is valid under the other rule.
    const hint =
      s === `${first5}${localGovCheckDigit(first5)}` ? '。団体コードが入力されている可能性があります' : '';
    return { ok: false, message: `保険者番号の検査数字が正しくありません（正しくは ${expected}）${hint}` };
  }
  return { ok: true, code: s };
}
