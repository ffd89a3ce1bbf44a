// NFKC folds full-width letters, digits and the ideographic space (U+3000) into their ASCII forms,
// which is what staff mean when they type 「１２３」 or paste from Excel.

/** NFKC-normalise, trim, and collapse every run of whitespace (including U+3000) to one ASCII space. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

// NFKC turns ～ and － into ASCII but leaves 〜 (U+301C), the dashes and the minus sign alone,
// and the same header is typed with any of them in real files.
const DASHES = /[~〜\-‐‑‒–—―−]/gu;
// Brackets only decorate a header (料金(基本) vs 料金（基本）); middle dots and underscores separate words
// that other publishers run together (名称_英語 vs 名称英語).
const DROPPED = /[\s_・·()[\]{}「」『』【】〈〉《》〔〕]/gu;

/** Key for matching CSV headers regardless of width, case, spacing, brackets, middle dots and dash style. */
export function headerKey(s: string): string {
  return normalizeText(s).toLowerCase().replace(DROPPED, '').replace(DASHES, '-');
}
