import { addDays, todayInTokyo } from '../../../domain/dates';
import type { TenantContext } from '../../core/context';
import { loadTenantAreas } from '../../modules/areas';
import { addHelperTraining, createHelper } from '../../modules/helpers';

/*
 * The demo town's 人材バンク: about forty fictional 担い手 spread over the ten 地区, with the
 * skills the seeds name (ちょい加勢: 草刈り・買物代行・話し相手・電球交換・ゴミ出し; 除雪 in 北海道),
 * the days they can help and the courses they took. 峰野 has two neighbours who do 買物代行 and 山手
 * one (the journey of issue 6 finds her); one helper withdrew her consent and one is resting, so
 * that the lists show what the SC must not ask.
 */

const FAMILY = [
  '佐々木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '松本',
  '井上',
  '木村',
];
const FAMILY_KANA = [
  'ささき',
  'たかはし',
  'たなか',
  'いとう',
  'わたなべ',
  'やまもと',
  'なかむら',
  'こばやし',
  'かとう',
  'よしだ',
  'やまだ',
  'まつもと',
  'いのうえ',
  'きむら',
];
const GIVEN = ['和子', '節子', '勝', '弘', '幸子', '茂', '洋子', '博', '恵子', '進', '京子', '隆'];
const GIVEN_KANA = [
  'かずこ',
  'せつこ',
  'まさる',
  'ひろし',
  'さちこ',
  'しげる',
  'ようこ',
  'ひろし',
  'けいこ',
  'すすむ',
  'きょうこ',
  'たかし',
];

/** Skill sets that go together in real 人材バンク entries. */
const SKILL_SETS: string[][] = [
  ['kaimono-daikou', 'hanashiaite'],
  ['kusakari', 'josetsu', 'denkyu'],
  ['hanashiaite', 'mimamori'],
  ['gomidashi', 'souji'],
  ['sougei', 'kaimono-dokou'],
  ['salon', 'ryouri'],
  ['taisou', 'salon'],
  ['hatake', 'kusakari'],
  ['denkyu', 'souji', 'sentaku'],
  ['kodomo', 'mimamori'],
];

const DAY_SETS: number[][] = [[1, 3], [2, 4], [4, 5], [1, 2, 3, 4, 5], [6], [3], [2, 5]];

export interface DemoHelperIds {
  all: string[];
  /** The two 峰野 neighbours who do 買物代行 (for the demo referrals and the journey). */
  minenoShoppers: string[];
}

/** Seeds the 人材バンク through the helpers service (audit, consent recorded by the seed). */
export async function seedDemoHelpers(ctx: TenantContext, now: () => Date): Promise<DemoHelperIds> {
  const areas = await loadTenantAreas(ctx);
  const districts = areas.filter((a) => a.layer === 3);
  const today = todayInTokyo(now());
  const ids: string[] = [];
  const minenoShoppers: string[] = [];

  // Neighbours who do 買物代行 first — two in 峰野, one in 山手 — named, so a journey can look for them.
  for (const [i, h] of [
    { name: '峰野 和子', kana: 'みねの かずこ', days: [4, 5], town: '峰野' },
    { name: '東 勝', kana: 'あずま まさる', days: [2, 4], town: '峰野東' },
    { name: '奥山 節子', kana: 'おくやま せつこ', days: [4], town: '奥山手' },
  ].entries()) {
    const helper = await createHelper(ctx, {
      kind: 'person',
      name: h.name,
      kana: h.kana,
      phone: `0126-52-${String(1100 + i).padStart(4, '0')}`,
      email: '',
      townName: h.town,
      address: `北海道ささえ町${h.town}${i + 2}-${i + 5}`,
      homeAreaId: null,
      areaIds: [],
      skills: ['kaimono-daikou', 'hanashiaite', 'gomidashi'],
      weekdays: h.days,
      timeNote: '午前中',
      rewardNote: '',
      status: 'active',
      consent: { on: addDays(today, -200 - i * 30), withdrawnOn: null },
      note: '架空の人物（デモ）',
    });
    await addHelperTraining(ctx, helper.id, {
      kind: 'seikatsu-supporter',
      title: '令和6年度 生活支援サポーター養成講座',
      completedOn: addDays(today, -400),
    });
    ids.push(helper.id);
    if (h.town.startsWith('峰野')) minenoShoppers.push(helper.id);
  }

  for (let i = 0; i < 38; i++) {
    const d = districts[i % districts.length]!;
    const group = i === 7 || i === 23;
    const withdrawn = i === 11;
    const resting = i === 17;
    const name = group
      ? `${d.name.replace('地区', '')}${i === 7 ? 'ちょこっと応援隊' : 'ボランティアの会'}`
      : `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 5) % GIVEN.length]}`;
    const kana = group
      ? `${d.kana.replace('ちく', '')}${i === 7 ? 'ちょこっとおうえんたい' : 'ぼらんてぃあのかい'}`
      : `${FAMILY_KANA[i % FAMILY_KANA.length]} ${GIVEN_KANA[(i * 5) % GIVEN_KANA.length]}`;
    const consentOn = addDays(today, -90 - ((i * 37) % 600));
    const helper = await createHelper(ctx, {
      kind: group ? 'group' : 'person',
      name,
      kana,
      phone: `0126-5${2 + (i % 3)}-${String(2000 + i * 17).padStart(4, '0')}`,
      email: '',
      townName: d.townNames[0] ?? '',
      address: '',
      homeAreaId: d.id,
      // Some help only at home, some in their whole 圏域.
      areaIds: i % 3 === 0 ? [d.parentId!] : [],
      skills: SKILL_SETS[i % SKILL_SETS.length]!,
      weekdays: DAY_SETS[i % DAY_SETS.length]!,
      timeNote: i % 4 === 0 ? '午後のみ' : '',
      rewardNote: i % 5 === 0 ? '30分300円（ちょい加勢）' : '',
      status: resting ? 'resting' : 'active',
      consent: { on: consentOn, withdrawnOn: withdrawn ? addDays(today, -10) : null },
      note: '架空の人物（デモ）',
    });
    if (i % 2 === 0)
      await addHelperTraining(ctx, helper.id, {
        kind: i % 4 === 0 ? 'ninchisho-supporter' : 'seikatsu-supporter',
        title: '',
        completedOn: addDays(consentOn, -20),
      });
    ids.push(helper.id);
  }
  return { all: ids, minenoShoppers };
}
