import { describe, expect, it } from 'vitest';
import { compareReadings, gojuonIndex, gojuonRowOf, OTHER_ROW, toSortReading } from './print-kana';

describe('五十音 for the さくいん', () => {
  it('folds katakana, half-width forms and spaces into hiragana', () => {
    expect(toSortReading('サロン')).toBe('さろん');
    expect(toSortReading('ｻﾛﾝ')).toBe('さろん');
    expect(toSortReading('ちょきん たいそう')).toBe('ちょきんたいそう');
    expect(toSortReading('ヴォーカル')).toBe('ゔぉーかる');
  });

  it('puts a reading under the 行 of its first sound, 濁音 and 拗音 with their 清音', () => {
    expect(gojuonRowOf('あおぞら')).toBe('あ行');
    expect(gojuonRowOf('ガーデン')).toBe('か行');
    expect(gojuonRowOf('ぱんや')).toBe('は行');
    expect(gojuonRowOf('ゔぃれっじ')).toBe('あ行');
    expect(gojuonRowOf('ちょいかせ')).toBe('た行');
    expect(gojuonRowOf('わかば')).toBe('わ行');
    expect(gojuonRowOf('NPO')).toBe(OTHER_ROW);
    expect(gojuonRowOf('峰野')).toBe(OTHER_ROW);
  });

  it('sorts as a dictionary does: by sound first, then 清音 before 濁音 before 半濁音', () => {
    expect(['ぱな', 'ばな', 'はな'].sort(compareReadings)).toEqual(['はな', 'ばな', 'ぱな']);
    // が sorts with か: がく comes between かき and かけ.
    expect(['かけ', 'がく', 'かき'].sort(compareReadings)).toEqual(['かき', 'がく', 'かけ']);
    expect(['サロン', 'さくら', 'しお'].sort(compareReadings)).toEqual(['さくら', 'サロン', 'しお']);
  });

  it('groups items by 行 in order and leaves out empty 行', () => {
    const index = gojuonIndex([
      { name: '峰野ふれあいサロン', reading: 'みねのふれあいさろん' },
      { name: '駅前カフェ', reading: 'えきまえかふぇ' },
      { name: 'NPOあおぞら', reading: 'NPOあおぞら' },
      { name: '川上見守り隊', reading: 'かわかみみまもりたい' },
      { name: '貯筋体操', reading: 'ちょきんたいそう' },
      { name: 'いきいき教室', reading: 'いきいききょうしつ' },
    ]);
    expect(index.map((g) => g.row)).toEqual(['あ行', 'か行', 'た行', 'ま行', OTHER_ROW]);
    expect(index[0]!.items.map((i) => i.name)).toEqual(['いきいき教室', '駅前カフェ']);
  });
});
