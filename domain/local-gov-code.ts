// 全国地方公共団体コード (standards §7.1): prefecture (2) + municipality (3) + check digit (1).
// The 5-digit form without the check digit is what e-Stat, MHLW and many municipal files carry.

/** Result of reading a code typed or imported by a user: the normalised code, or a message for staff. */
export type CodeResult = { ok: true; code: string } | { ok: false; message: string };

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** Check digit of a 団体コード: weights 6,5,4,3,2, then (11 − sum mod 11) mod 10. */
export function localGovCheckDigit(first5: string): number {
  if (!/^\d{5}$/.test(first5)) {
    throw new RangeError(`localGovCheckDigit expects 5 ASCII digits, got "${first5}"`);
  }
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(first5[i]) * WEIGHTS[i]!;
  // Remainder 0 gives 11 and remainder 1 gives 10: only the last digit is used, hence the final mod 10.
  return (11 - (sum % 11)) % 10;
}

/** Reads a 団体コード in 5- or 6-digit form (full-width digits and surrounding spaces allowed) and returns the 6-digit form. */
export function normalizeLocalGovCode(input: string): CodeResult {
  const s = input.normalize('NFKC').trim();
  if (s === '') return { ok: false, message: '団体コードが入力されていません' };
  if (!/^\d{5,6}$/.test(s)) {
    // Excel drops the leading zero of 北海道〜栃木県 codes (01100 → 1100), the commonest way to get 4 digits.
    const hint = /^\d{4}$/.test(s) ? '（先頭の0が抜けている可能性があります）' : '';
    return { ok: false, message: `団体コードは5桁または6桁の数字で入力してください${hint}` };
  }
  const pref = Number(s.slice(0, 2));
  if (pref < 1 || pref > 47) {
    return {
      ok: false,
      message: `団体コードの先頭2桁（都道府県）は01〜47の範囲で入力してください（${s.slice(0, 2)}）`,
    };
  }
  const first5 = s.slice(0, 5);
  const expected = `${first5}${localGovCheckDigit(first5)}`;
  if (s.length === 6 && s !== expected) {
    return { ok: false, message: `団体コードの検査数字が正しくありません（正しくは ${expected}）` };
  }
  return { ok: true, code: expected };
}

/** The 5-digit form (without check digit) of a valid 団体コード, as used by e-Stat and 国土数値情報. */
export function toLocalGovCode5(code6: string): string {
  const r = normalizeLocalGovCode(code6);
  if (!r.ok) throw new RangeError(`toLocalGovCode5: ${r.message}`);
  return r.code.slice(0, 5);
}
