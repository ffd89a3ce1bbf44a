import { describe, expect, it } from 'vitest';
import type { Boundary } from './geojson';
import {
  boundariesTouch,
  type Candidate,
  type HelperCandidate,
  type MatchArea,
  type MatchTerm,
  matchWorld,
  type ResourceCandidate,
  rankCandidates,
} from './matching';

const box = (w: number, s: number, e: number, n: number): Boundary => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

// A small town: 北部圏域 (峰野・川上) and 南部圏域 (港町), side by side; 峰野 touches 港町.
const AREAS: MatchArea[] = [
  { id: 'town', name: 'ささえ町', parentId: null, layer: 1 },
  { id: 'north', name: '北部圏域', parentId: 'town', layer: 2, boundary: box(141.0, 43.0, 141.1, 43.1) },
  { id: 'south', name: '南部圏域', parentId: 'town', layer: 2, boundary: box(141.1, 43.0, 141.2, 43.1) },
  { id: 'mineno', name: '峰野地区', parentId: 'north', layer: 3, boundary: box(141.05, 43.0, 141.1, 43.05) },
  {
    id: 'kawakami',
    name: '川上地区',
    parentId: 'north',
    layer: 3,
    boundary: box(141.0, 43.05, 141.05, 43.1),
  },
  { id: 'minato', name: '港町地区', parentId: 'south', layer: 3, boundary: box(141.1, 43.0, 141.15, 43.05) },
  { id: 'yamate', name: '山手地区', parentId: 'south', layer: 3, boundary: box(141.15, 43.05, 141.2, 43.1) },
];
const TERMS: MatchTerm[] = [
  { code: 'kaimono', name: '買い物支援', parentCode: null, portalGroup: 'shopping' },
  { code: 'idou-hanbai', name: '移動販売', parentCode: 'kaimono', portalGroup: 'shopping' },
  { code: 'kaimono-daikou', name: '買物代行', parentCode: 'kaimono', portalGroup: 'shopping' },
  { code: 'takuhai', name: '宅配', parentCode: 'kaimono', portalGroup: 'shopping' },
  { code: 'ibasho', name: '居場所・サロン', parentCode: null, portalGroup: 'gather' },
  { code: 'kayoinoba', name: '通いの場（体操・運動）', parentCode: null, portalGroup: 'exercise' },
];
const world = matchWorld(TERMS, AREAS);

const THURSDAY = 1 << 4;
const MONDAY = 1 << 1;

function resource(over: Partial<ResourceCandidate> & { id: string; name: string }): ResourceCandidate {
  return {
    kind: 'resource',
    categories: ['idou-hanbai'],
    areaIds: ['mineno'],
    weekdayMask: THURSDAY,
    location: null,
    status: 'active',
    free: true,
    feeText: '',
    eligibility: ['anyone'],
    capacity: null,
    inUse: 0,
    stale: false,
    verifiedLabel: '令和7年4月',
    ...over,
  };
}

function helper(over: Partial<HelperCandidate> & { id: string; name: string }): HelperCandidate {
  return {
    kind: 'helper',
    categories: ['kaimono', 'kaimono-daikou'],
    skillLabels: ['買物代行'],
    areaIds: [],
    homeAreaId: 'mineno',
    weekdayMask: 0,
    openReferrals: 0,
    rewardNote: '',
    ...over,
  };
}

const names = (xs: { name: string }[]) => xs.map((x) => x.name);

describe('suggestions for a need (obvious cases)', () => {
  it('puts the Thursday 移動販売 in the person’s own 地区 before the one in another 圏域, and says why', () => {
    const out = rankCandidates(world, { categories: ['kaimono'], areaId: 'mineno' }, [
      resource({ id: 'r2', name: '港町 移動販売の停留所', areaIds: ['minato'] }),
      resource({ id: 'r3', name: '山手 移動販売の停留所', areaIds: ['yamate'] }),
      resource({ id: 'r1', name: '峰野 移動販売の停留所' }),
    ]);
    expect(names(out)).toEqual(['峰野 移動販売の停留所', '港町 移動販売の停留所', '山手 移動販売の停留所']);
    const texts = out[0]!.reasons.map((r) => r.text);
    expect(texts).toContain('同じ地区（峰野地区）');
    expect(texts).toContain('木曜開催');
    expect(texts).toContain('無料');
    expect(texts).toContain('買い物支援の一つ（移動販売）');
    // 港町 touches 峰野; 山手 does not, but lies in the 圏域 next to 北部.
    expect(out[1]!.reasons.map((r) => r.text)).toContain('となりの地域（港町地区）');
    expect(out[2]!.reasons.map((r) => r.text)).toContain('となりの圏域の山手地区');
  });

  it('prefers what fits the days the person can go', () => {
    const out = rankCandidates(world, { categories: ['kaimono'], areaId: 'mineno', availableDays: [1] }, [
      resource({ id: 'thu', name: '木曜の移動販売（峰野）' }),
      resource({ id: 'mon', name: '月曜の買物バス（北部圏域）', areaIds: ['north'], weekdayMask: MONDAY }),
    ]);
    expect(names(out)).toEqual(['月曜の買物バス（北部圏域）', '木曜の移動販売（峰野）']);
    expect(out[0]!.reasons.map((r) => r.text)).toContain('月曜開催（ご都合の曜日）');
    expect(out[1]!.reasons.find((r) => r.code === 'days')).toMatchObject({
      tone: 'bad',
      text: 'ご都合の曜日（月）に合いません（木曜開催）',
    });
  });

  it('ranks stale information lower and says so', () => {
    const out = rankCandidates(world, { categories: ['idou-hanbai'], areaId: 'mineno' }, [
      resource({ id: 'a', name: 'Ａ移動販売', stale: true, verifiedLabel: '令和5年6月' }),
      resource({ id: 'b', name: 'Ｂ移動販売' }),
    ]);
    expect(names(out)).toEqual(['Ｂ移動販売', 'Ａ移動販売']);
    expect(out[1]!.reasons.find((r) => r.code === 'stale')?.text).toBe(
      '情報の確認期限が過ぎています（最終確認 令和5年6月）',
    );
  });

  it('says when there is room, and puts a full one after', () => {
    const out = rankCandidates(world, { categories: ['ibasho'], areaId: 'mineno' }, [
      resource({ id: 'full', name: '満員サロン', categories: ['ibasho'], capacity: 20, inUse: 20 }),
      resource({ id: 'room', name: '空きサロン', categories: ['ibasho'], capacity: 20, inUse: 17 }),
    ]);
    expect(names(out)).toEqual(['空きサロン', '満員サロン']);
    expect(out[0]!.reasons.map((r) => r.text)).toContain('定員に空きあり（残り3人）');
    expect(out[1]!.reasons.map((r) => r.text)).toContain('定員いっぱい（定員20人）');
  });

  it('leaves out a 65歳以上 service for a 60-year-old, and what meets a different need', () => {
    const out = rankCandidates(world, { categories: ['kaimono'], areaId: 'mineno', age: 60 }, [
      resource({ id: 'old', name: '65歳以上の買物バス', eligibility: ['aged65'] }),
      resource({ id: 'salon', name: '峰野サロン', categories: ['ibasho'] }),
      resource({ id: 'ok', name: 'どなたでも移動販売' }),
    ]);
    expect(names(out)).toEqual(['どなたでも移動販売']);
  });

  it('puts a free service before a paid one when all else is equal, and names the fee', () => {
    const out = rankCandidates(world, { categories: ['kaimono'], areaId: 'mineno' }, [
      resource({
        id: 'p',
        name: '有料宅配',
        categories: ['takuhai'],
        weekdayMask: 0,
        free: false,
        feeText: '1回200円',
      }),
      resource({ id: 'f', name: '無料宅配', categories: ['takuhai'], weekdayMask: 0 }),
    ]);
    expect(names(out)).toEqual(['無料宅配', '有料宅配']);
    expect(out[1]!.reasons.map((r) => r.text)).toContain('有料（1回200円）');
  });

  it('ranks a helper who lives in the same 地区 above one from the other 圏域, lighter load first', () => {
    const out = rankCandidates(world, { categories: ['kaimono'], areaId: 'mineno' }, [
      helper({ id: 'h3', name: '遠くの人', homeAreaId: 'yamate' }),
      helper({ id: 'h2', name: '忙しい近所の人', openReferrals: 3 }),
      helper({ id: 'h1', name: '近所の人' }),
    ]);
    expect(names(out)).toEqual(['近所の人', '忙しい近所の人', '遠くの人']);
    expect(out[0]!.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining([
        '買物代行ができます',
        '同じ地区に住んでいます（峰野地区）',
        '無償のボランティア',
      ]),
    );
    expect(out[1]!.reasons.map((r) => r.text)).toContain('ほかに3件のつなぎを担当中');
  });

  it('gives the same order whatever order the candidates come in, and every point has its reason', () => {
    const cands: Candidate[] = [
      resource({ id: '1', name: 'あ' }),
      resource({ id: '2', name: 'い', areaIds: ['kawakami'] }),
      resource({ id: '3', name: 'う', areaIds: ['town'] }),
      resource({ id: '4', name: 'え', stale: true }),
      helper({ id: '5', name: 'お' }),
      helper({ id: '6', name: 'か', homeAreaId: 'minato' }),
    ];
    const req = { categories: ['kaimono'], areaId: 'mineno', availableDays: [4] };
    const first = rankCandidates(world, req, cands);
    for (let i = 0; i < 5; i++) {
      const shuffled = [...cands].sort(() => Math.random() - 0.5);
      expect(rankCandidates(world, req, shuffled)).toEqual(first);
    }
    for (const s of first) expect(s.score).toBe(s.reasons.reduce((n, r) => n + r.points, 0));
    expect(first.find((s) => s.name === 'う')!.reasons.map((r) => r.text)).toContain('町内全域が対象');
    expect(first.find((s) => s.name === 'い')!.reasons.map((r) => r.text)).toContain('同じ圏域の川上地区');
  });

  it('says how far a place is from the centre of the 地区 when both are known', () => {
    const out = rankCandidates(world, { categories: ['kaimono'], areaId: 'mineno' }, [
      resource({ id: 'near', name: '近い', location: { lat: 43.025, lon: 141.075 } }),
      resource({ id: 'far', name: '遠い', location: { lat: 43.08, lon: 141.075 } }),
    ]);
    expect(names(out)).toEqual(['近い', '遠い']);
    expect(out[0]!.distance).toBeLessThan(100);
    expect(out[1]!.reasons.find((r) => r.code === 'distance')?.text).toMatch(/^地域の中心から約6\.\dkm$/);
  });

  it('finds resources for a person’s interests (してみたい first)', () => {
    const out = rankCandidates(
      world,
      {
        categories: [],
        areaId: 'mineno',
        interests: [
          { key: 'ic.exercise', label: '体操・運動', groups: ['exercise'], mark: 'wantToDo' },
          { key: 'ic.friends', label: '友達とおしゃべり・遊ぶ', groups: ['gather'], mark: 'interested' },
        ],
      },
      [
        resource({ id: 's', name: '峰野サロン', categories: ['ibasho'] }),
        resource({ id: 't', name: '峰野貯筋体操', categories: ['kayoinoba'] }),
        resource({ id: 'm', name: '移動販売' }),
      ],
    );
    expect(names(out)).toEqual(['峰野貯筋体操', '峰野サロン']);
    expect(out[0]!.reasons[0]!.text).toBe('「体操・運動」をしてみたい（興味・関心チェックシート）');
  });
});

describe('就労的活動 for a person', () => {
  it('offers a role for what the person wants to do, and for what she already does, saying which', () => {
    const farm = {
      kind: 'opportunity' as const,
      id: 'farm',
      name: '農作業の手伝い',
      categories: ['shurou'],
      areaIds: ['kawakami'],
      weekdayMask: 0,
      location: null,
      paid: true,
      rewardNote: '1時間800円',
      capacity: 4,
      inUse: 4,
      interestKeys: ['ic.farming'],
    };
    const wants = rankCandidates(
      world,
      {
        categories: [],
        areaId: 'mineno',
        interests: [{ key: 'ic.farming', label: '畑仕事', groups: ['role'], mark: 'wantToDo' }],
      },
      [farm],
    );
    expect(wants[0]!.reasons.map((r) => r.text)).toEqual([
      '「畑仕事」をしてみたい（興味・関心チェックシート）',
      '同じ圏域の川上地区',
      '報酬あり（1時間800円）',
      '定員いっぱい（定員4人）',
    ]);
    const does = rankCandidates(
      world,
      {
        categories: [],
        areaId: 'mineno',
        interests: [{ key: 'ic.farming', label: '畑仕事', groups: ['role'], mark: 'doing' }],
      },
      [farm],
    );
    expect(does[0]!.reasons[0]!.text).toBe(
      '「畑仕事」をしている（興味・関心チェックシート・経験を生かせます）',
    );
    expect(does[0]!.score).toBeLessThan(wants[0]!.score);
    const unrelated = rankCandidates(
      world,
      {
        categories: [],
        areaId: 'mineno',
        interests: [{ key: 'ic.singing', label: '歌', groups: ['learn'], mark: 'wantToDo' }],
      },
      [farm],
    );
    expect(unrelated).toEqual([]);
  });
});

describe('boundariesTouch', () => {
  it('finds areas that share an edge, not those apart', () => {
    expect(boundariesTouch(box(141, 43, 141.1, 43.1), box(141.1, 43, 141.2, 43.1))).toBe(true);
    expect(boundariesTouch(box(141, 43, 141.1, 43.1), box(141.11, 43, 141.2, 43.1))).toBe(false);
  });
});
