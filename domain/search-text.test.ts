import { describe, expect, it } from 'vitest';
import { foldForSearch, queryTerms, searchDocument } from './search-text';

describe('foldForSearch', () => {
  it('makes the ways people type one word identical', () => {
    const forms = ['かいもの', 'カイモノ', 'ｶｲﾓﾉ', 'ｶｲﾓﾉ ', ' カ イ モ ノ'];
    expect(new Set(forms.map(foldForSearch))).toEqual(new Set(['かいもの']));
    expect(foldForSearch('サロン')).toBe(foldForSearch('さろん'));
    expect(foldForSearch('コーヒー')).toBe(foldForSearch('こひ'));
    expect(foldForSearch('ボランティア')).toBe(foldForSearch('ぼらんていあ'));
    expect(foldForSearch('ＳＡＬＯＮ')).toBe('salon');
    expect(foldForSearch('体操・ストレッチ（いきいき）')).toBe('体操すとれつちいきいき');
  });

  it('keeps kanji as they are (their readings are added separately)', () => {
    expect(foldForSearch('買い物')).toBe('買い物');
    expect(foldForSearch('買物')).toBe('買物');
  });
});

describe('queryTerms', () => {
  const readings: Record<string, string> = { 買物: 'カイモノ', 買い物: 'カイモノ', 体操: 'タイソウ' };
  it('gives every word its typed form and its reading', () => {
    expect(queryTerms('買物', (w) => readings[w])).toEqual([['買物', 'かいもの']]);
    expect(queryTerms('　体操　ｻﾛﾝ ', (w) => readings[w])).toEqual([['体操', 'たいそう'], ['さろん']]);
    expect(queryTerms(' ・ ', () => undefined)).toEqual([]);
  });
});

describe('searchDocument', () => {
  it('folds and de-duplicates parts, the forms of the name first, each ending in |', () => {
    expect(
      searchDocument(
        ['貯筋体操 南浜', 'チョキン タイソウ', null],
        ['体操', 'たいそう', '本町', 'ちょきんたいそう'],
      ),
    ).toBe('貯筋体操南浜|ちよきんたいそう| 体操 たいそう 本町');
    expect(searchDocument(['サロン'], ['さろん', '本町'])).toBe('さろん| 本町');
    expect(searchDocument([], ['本町'])).toBe('| 本町');
  });
});
