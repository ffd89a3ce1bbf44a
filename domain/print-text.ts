// Japanese line breaking for print. Japanese may break between almost any two characters, which
// is fine inside ordinary sentences but ugly inside a katakana word (サロ｜ン), a number with its
// unit (10｜時), a time range (10時〜｜12時), a 第2水曜日 or a phone number. These helpers cut a
// text into runs and mark the short runs that should stay on one line; a PDF builder keeps those
// runs unbroken and lets the rest break as usual.

export interface TextRun {
  text: string;
  /** True when the run should not be broken across lines. */
  keep: boolean;
}

/** Longer runs may break anyway: a run that cannot fit on a line would run off the page. */
export const MAX_KEEP = 16;

const DIGIT = '0-9０-９';
const UNIT =
  '(?:時(?:[0-9０-９]+分|半)?|分|円|回|日|月|年|歳|人|名|件|丁目|番地|番|号|階|%|％|か所|ヶ所|km|m|kg)';
const NUMBER = `[${DIGIT}](?:[${DIGIT},，.:：]*[${DIGIT}])?${UNIT}?`;
const RANGE = `${NUMBER}(?:\\s?[〜～~\\-－ー]\\s?${NUMBER})?`;

const KEEP = new RegExp(
  [
    // 0126-55-1234, (0126)55-1234
    `\\(?[${DIGIT}]{2,5}\\)?[\\-－‐][${DIGIT}]{1,4}[\\-－‐][${DIGIT}]{3,4}`,
    // 第2水曜日, 第1・第3月曜日
    `第[${DIGIT}](?:[・、,][第]?[${DIGIT}])*(?:[日月火水木金土]曜日?)?`,
    // 10時〜12時, 9:30〜10:30, 30分300円
    RANGE,
    // 「さくいん」 and other short words in brackets
    '「[^「」\\n]{1,8}」',
    // 電話, お越し, 血圧測定, 毎月第2水曜日: kanji with an honorific お/ご before and okurigana after
    // (one kana of okurigana only: a second is as likely the start of the next word, くだ|さい)
    '[おご]?[\\u3400-\\u9fff々〆ヶ]+(?:[0-9０-９]+[\\u3400-\\u9fff々〆ヶ]+)*[いうえきくけこしすせそただちつっなぬねばびぶべまみむめらりるれろわん]?',
    // サロン, コミュニティカフェ, ボランティア・センター
    '[\\u30a1-\\u30faー・･\\uff66-\\uff9f]{2,}',
    // DVD, LINE, e-mail addresses and short Latin words
    '[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９@._\\-]*',
  ].join('|'),
  'gu',
);

/** Cuts text into runs; runs to keep whole are short katakana words, numbers with units, times and phones. */
export function phraseRuns(text: string): TextRun[] {
  const out: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(KEEP)) {
    const start = m.index ?? 0;
    const word = m[0];
    if (word.length < 2 || word.length > MAX_KEEP) continue;
    if (start > last) out.push({ text: text.slice(last, start), keep: false });
    const prev = out.at(-1);
    // Two kept runs side by side (申し|込み) would allow a break between them: make them one.
    if (start === last && prev?.keep && prev.text.length + word.length <= MAX_KEEP) prev.text += word;
    else out.push({ text: word, keep: true });
    last = start + word.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), keep: false });
  // Adjacent free runs come from skipped matches; join them so the PDF has fewer pieces to lay out.
  return out.reduce<TextRun[]>((acc, r) => {
    const prev = acc.at(-1);
    if (prev && !prev.keep && !r.keep) prev.text += r.text;
    else acc.push({ ...r });
    return acc;
  }, []);
}
