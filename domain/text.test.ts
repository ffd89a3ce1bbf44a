import { describe, expect, it } from 'vitest';
import { headerKey, normalizeText } from './text';

describe('normalizeText', () => {
  it('folds full-width characters with NFKC', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('ABC123');
    expect(normalizeText('ｶﾀｶﾅ')).toBe('カタカナ');
  });

  it('trims and collapses runs of whitespace, including the ideographic space, to one ASCII space', () => {
    expect(normalizeText('\u3000 高松市\u3000\u3000塩屋町 \t\n')).toBe('高松市 塩屋町');
  });

  it('leaves an already clean string alone', () => {
    expect(normalizeText('塩屋町')).toBe('塩屋町');
  });
});

describe('headerKey', () => {
  it('matches headers that differ only in width, case and spacing', () => {
    expect(headerKey(' TotalPopulation ')).toBe(headerKey('totalpopulation'));
    expect(headerKey('ＩＤ')).toBe('id');
  });

  it('ignores brackets of either width (料金(基本) vs 料金（基本）)', () => {
    expect(headerKey('料金(基本)')).toBe('料金基本');
    expect(headerKey('料金（基本）')).toBe('料金基本');
    expect(headerKey('【地域名】')).toBe('地域名');
  });

  it('drops underscores, spaces and middle dots (名称_英語 vs 名称英語)', () => {
    expect(headerKey('名称_英語')).toBe(headerKey('名称英語'));
    expect(headerKey('0-4歳_男')).toBe('0-4歳男');
    expect(headerKey('地域・年齢')).toBe('地域年齢');
    expect(headerKey('地域 名')).toBe('地域名');
  });

  it('unifies wave dashes, full-width hyphens and dashes to "-"', () => {
    for (const h of ['0～4歳', '0〜4歳', '0~4歳', '0－4歳', '0—4歳', '0―4歳', '0−4歳']) {
      expect(headerKey(h)).toBe('0-4歳');
    }
  });
});
