import { describe, expect, it } from 'vitest';
import { descendantsOf, LIFE_SUPPORT_TERMS, PORTAL_GROUPS } from './life-support-taxonomy';

describe('the life-support taxonomy', () => {
  it('covers the categories the registry must have', () => {
    const names = LIFE_SUPPORT_TERMS.map((t) => t.name);
    for (const required of [
      '居場所・サロン',
      '通いの場（体操・運動）',
      '介護予防教室',
      '認知症カフェ',
      '会食・配食',
      '買い物支援',
      '移動販売',
      '宅配',
      '買物代行',
      '買物バス',
      '移動支援',
      '見守り・安否確認',
      '家事援助',
      'ゴミ出し',
      '草刈り・除雪',
      '話し相手',
      '趣味・学び',
      '就労的活動',
      '相談窓口',
      'ボランティア募集',
    ]) {
      expect(names).toContain(required);
    }
  });

  it('has unique codes, known parents and portal groups, and readings in hiragana', () => {
    const codes = LIFE_SUPPORT_TERMS.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    const groups = new Set(PORTAL_GROUPS.map((g) => g.code));
    for (const t of LIFE_SUPPORT_TERMS) {
      if (t.parent) expect(codes).toContain(t.parent);
      expect(groups.has(t.group)).toBe(true);
      expect(t.kana).toMatch(/^[\p{Script=Hiragana}ー・（）]+$/u);
    }
  });

  it('includes children when filtering by a parent', () => {
    expect(descendantsOf('kaimono', LIFE_SUPPORT_TERMS).sort()).toEqual(
      ['kaimono', 'idou-hanbai', 'takuhai', 'kaimono-daikou', 'kaimono-bus'].sort(),
    );
  });
});
