import { describe, expect, it } from 'vitest';
import { MAX_KEEP, phraseRuns } from './print-text';

const kept = (s: string) =>
  phraseRuns(s)
    .filter((r) => r.keep)
    .map((r) => r.text);

describe('Japanese runs kept on one line', () => {
  it('keeps katakana words, times, phone numbers and 第2水曜日 whole', () => {
    expect(kept('コミュニティカフェでおしゃべり')).toContain('コミュニティカフェ');
    expect(kept('毎月第2水曜日 10時〜12時')).toEqual(['毎月第2水曜日', '10時〜12時']);
    expect(kept('電話 0126-55-1234 まで')).toContain('0126-55-1234');
    expect(kept('30分300円、9:30〜10:30')).toEqual(['30分300円', '9:30〜10:30']);
    expect(kept('うしろの「さくいん」から')).toContain('「さくいん」');
  });

  it('keeps kanji words with one kana of okurigana, and joins runs that touch', () => {
    expect(kept('直接会場へお越しください。')).toEqual(['直接会場', 'お越し']);
    expect(kept('申し込みはいりません')).toEqual(['申し込み']);
  });

  it('loses no text, and lets runs too long for a line break anyway', () => {
    const s = 'お茶を飲みながらおしゃべり。月に一度、保健師さんの血圧測定があります。ＤＶＤを見ながら体操。';
    expect(
      phraseRuns(s)
        .map((r) => r.text)
        .join(''),
    ).toBe(s);
    const long = 'ア'.repeat(MAX_KEEP + 1);
    expect(phraseRuns(long)).toEqual([{ text: long, keep: false }]);
  });
});
