/*
 * Folding Japanese text so that the ways people type the same word meet: 買い物 / かいもの / カイモノ /
 * ｶｲﾓﾉ, サロン / さろん, コーヒー / こおひい-ish variants. Kanji stay kanji; readings of kanji come
 * from a morphological analyser on the server (server/core/reading.ts) and are folded the same way.
 */

const SMALL_TO_LARGE: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
};

// Punctuation and symbols that separate words but carry no meaning for matching.
const SEPARATORS =
  /[\s・･、。，．,.!！?？「」『』（）()［］[\]【】〈〉《》"'“”‘’/／\\_＿\-－―‐〜～~:：;；*＊#＃&＆+＋|｜]/gu;

/** Katakana → hiragana by code point (ァ..ヶ and ヴ map onto ぁ..ゖ). */
export function toHiragana(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x30a1 && c <= 0x30f6 ? String.fromCodePoint(c - 0x60) : ch;
  }
  return out;
}

/**
 * The folded form used for matching: NFKC (half-width kana and full-width letters), lower case,
 * katakana as hiragana, small kana as large, no 長音 (ー), no spaces or punctuation.
 */
export function foldForSearch(text: string): string {
  const kana = toHiragana(text.normalize('NFKC').toLowerCase());
  let out = '';
  for (const ch of kana.replace(SEPARATORS, '')) {
    if (ch === 'ー') continue;
    out += SMALL_TO_LARGE[ch] ?? ch;
  }
  return out;
}

/**
 * Words of a query, each with the folded forms that may match it (as typed, and its reading when
 * one is known). Every word must match; any of its forms may.
 */
export function queryTerms(query: string, readingOf: (word: string) => string | undefined): string[][] {
  const words = wellFormed(query)
    .normalize('NFKC')
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 8);
  const terms: string[][] = [];
  for (const w of words) {
    const forms = new Set<string>();
    const folded = foldForSearch(w);
    if (folded) forms.add(folded);
    const reading = readingOf(w);
    if (reading) {
      const r = foldForSearch(reading);
      if (r) forms.add(r);
    }
    if (forms.size > 0) terms.push([...forms]);
  }
  return terms;
}

/**
 * Lone surrogates as U+FFFD, which is what the database receives for them: a query must mean the
 * same text to SQL and to the in-memory index (where '\ud842' would match half of 𠮷).
 */
export const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Whether a string has kanji (then its reading is worth looking up). */
export const hasKanji = (s: string) => /\p{Script=Han}/u.test(s);

/**
 * The separator after each form of a resource's name in its search text. Folding removes `|` from
 * every query, so no search word can match across it; the name and its readings end at the first
 * space, which is what the ranking looks at (a kana word found in a name's reading ranks as a name
 * match: たいそう puts 貯筋体操 before a walking club filed under 体操・運動).
 */
export const NAME_END = '|';

/**
 * Joins folded parts into one indexable text: first the forms of the name (name, reading, other
 * name), each followed by `|`, then the other parts, kept apart by spaces so words do not run
 * together. Every text made here has a `|`, which tells it from the older, space-only form.
 */
export function searchDocument(
  names: readonly (string | null | undefined)[],
  others: readonly (string | null | undefined)[],
): string {
  const fold = (parts: readonly (string | null | undefined)[], seen: Set<string>) => {
    const out: string[] = [];
    for (const p of parts) {
      const f = p ? foldForSearch(p) : '';
      if (f && !seen.has(f)) {
        seen.add(f);
        out.push(f);
      }
    }
    return out;
  };
  const seen = new Set<string>();
  const head =
    fold(names, seen)
      .map((n) => n + NAME_END)
      .join('') || NAME_END;
  return [head, ...fold(others, seen)].join(' ');
}
