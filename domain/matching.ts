/*
 * ニーズと取組のマッチング (SC function C / ⑥): for one need, or one person, rank the 地域資源, 担い手
 * and 就労的活動 that could meet it — and say why in words an SC can read out (同じ地区・木曜開催・
 * 無料・定員に空きあり). Deterministic: the same inputs give the same order, and every point of a
 * score has a reason beside it. No I/O: the server gathers candidates, this file judges them.
 */

import type { Boundary, Position } from './geojson';
import { weekdayMask, weekdaysOfMask } from './helpers';
import { weekdaysText } from './schedule-rrule';

export type ReasonTone = 'good' | 'bad' | 'info';

/** One line of "why": what an SC would say about the candidate, with its weight in the score. */
export interface MatchReason {
  code: string;
  text: string;
  tone: ReasonTone;
  points: number;
}

export interface MatchTerm {
  code: string;
  name: string;
  parentCode: string | null;
  portalGroup: string;
}

export interface MatchArea {
  id: string;
  name: string;
  parentId: string | null;
  layer: number;
  boundary?: Boundary | null;
}

/** One marked row of the 興味・関心チェックシート. */
export interface Interest {
  /** The activity key (ic.farming). */
  key: string;
  label: string;
  /** Portal groups of resources that suit it (domain/interest-checksheet). */
  groups: readonly string[];
  mark: 'doing' | 'wantToDo' | 'interested';
}

/** What the person needs, and what we know of them that changes the answer. */
export interface MatchRequest {
  /** The category of the need (a taxonomy code); several when matching a person's interests. */
  categories: readonly string[];
  /** Where the person lives or where the need was heard (a 地区 or a 圏域). */
  areaId: string;
  /** Weekdays that suit the person (0 = 日曜); null when not asked. */
  availableDays?: readonly number[] | null;
  /** Age, when the birth date is known: 65歳以上 services check it. */
  age?: number | null;
  /** Interests from the 興味・関心チェックシート: the activity's words and its portal groups. */
  interests?: readonly Interest[];
}

/** One marked row of the 興味・関心チェックシート. */
export interface Interest {
  /** The activity key (ic.farming). */
  key: string;
  label: string;
  /** Portal groups of resources that suit it (domain/interest-checksheet). */
  groups: readonly string[];
  mark: 'doing' | 'wantToDo' | 'interested';
}

interface CandidateBase {
  id: string;
  name: string;
  /** Reading, for a stable order among equals. */
  kana?: string;
  categories: readonly string[];
  /** Areas it stands in or serves (a town-wide service names the 第1層). */
  areaIds: readonly string[];
  /** Weekday bit mask (bit 0 = 日曜); 0 when it has no weekly days (on request, 随時). */
  weekdayMask: number;
  location?: { lat: number; lon: number } | null;
}

export interface ResourceCandidate extends CandidateBase {
  kind: 'resource';
  status: 'active' | 'temporarily closed';
  free: boolean;
  feeText: string;
  eligibility: readonly string[];
  capacity: number | null;
  /** People now using it through referrals (利用開始・継続中). */
  inUse: number;
  stale: boolean;
  /** Last confirmation, as 和暦 words for the reason line ("令和6年5月"). */
  verifiedLabel: string | null;
}

export interface HelperCandidate extends CandidateBase {
  kind: 'helper';
  /** Where the helper lives; areaIds are where they are willing to help. */
  homeAreaId: string | null;
  skillLabels: readonly string[];
  /** Referrals not yet ended. */
  openReferrals: number;
  rewardNote: string;
}

export interface OpportunityCandidate extends CandidateBase {
  kind: 'opportunity';
  paid: boolean;
  rewardNote: string;
  capacity: number | null;
  inUse: number;
  /** 興味・関心 activity keys it suits (ic.farming for 農作業の手伝い). */
  interestKeys: readonly string[];
}

export type Candidate = ResourceCandidate | HelperCandidate | OpportunityCandidate;

export interface Suggestion {
  kind: Candidate['kind'];
  id: string;
  name: string;
  score: number;
  /** Metres from the centre of the person's area, when both are known. */
  distance: number | null;
  reasons: MatchReason[];
}

/** The world a request is judged in: the taxonomy and the areas of the town, indexed once. */
export interface MatchWorld {
  terms: ReadonlyMap<string, MatchTerm>;
  areas: ReadonlyMap<string, MatchArea>;
  /** Pairs of areas whose boundaries touch (`a|b`, both orders). */
  neighbours: ReadonlySet<string>;
}

export function matchWorld(terms: readonly MatchTerm[], areas: readonly MatchArea[]): MatchWorld {
  return {
    terms: new Map(terms.map((t) => [t.code, t])),
    areas: new Map(areas.map((a) => [a.id, a])),
    neighbours: touchingAreas(areas),
  };
}

// ---------------------------------------------------------------------------------------------
// Categories

function termAncestors(world: MatchWorld, code: string): string[] {
  const out: string[] = [];
  let t = world.terms.get(code);
  const seen = new Set<string>();
  while (t?.parentCode && !seen.has(t.parentCode)) {
    seen.add(t.parentCode);
    out.push(t.parentCode);
    t = world.terms.get(t.parentCode);
  }
  return out;
}

type CategoryFit = { level: 'same' | 'narrower' | 'broader' | 'group'; term: string } | null;

/** How close a candidate's categories come to what is needed (the closest of its categories counts). */
function categoryFit(world: MatchWorld, wanted: readonly string[], have: readonly string[]): CategoryFit {
  let best: CategoryFit = null;
  const rank = { same: 4, narrower: 3, broader: 2, group: 1 } as const;
  const better = (fit: NonNullable<CategoryFit>) => {
    if (!best || rank[fit.level] > rank[best.level]) best = fit;
  };
  for (const w of wanted) {
    const wAnc = termAncestors(world, w);
    const wGroup = world.terms.get(w)?.portalGroup;
    for (const h of have) {
      if (h === w) better({ level: 'same', term: h });
      else if (termAncestors(world, h).includes(w)) better({ level: 'narrower', term: h });
      else if (wAnc.includes(h)) better({ level: 'broader', term: h });
      else if (wGroup && world.terms.get(h)?.portalGroup === wGroup) better({ level: 'group', term: h });
    }
  }
  return best;
}

const CATEGORY_POINTS = { same: 40, narrower: 36, broader: 28, group: 14 } as const;

// ---------------------------------------------------------------------------------------------
// Areas

function areaChain(world: MatchWorld, id: string): MatchArea[] {
  const chain: MatchArea[] = [];
  let a = world.areas.get(id);
  const seen = new Set<string>();
  while (a && !seen.has(a.id)) {
    seen.add(a.id);
    chain.push(a);
    a = a.parentId ? world.areas.get(a.parentId) : undefined;
  }
  return chain;
}

type AreaFit =
  | {
      level: 'same' | 'inside' | 'region' | 'sibling' | 'town' | 'neighbour' | 'nextRegion' | 'elsewhere';
      area: MatchArea;
    }
  | { level: 'none' };

const AREA_POINTS = {
  same: 30,
  inside: 26,
  region: 22,
  sibling: 20,
  town: 15,
  neighbour: 10,
  nextRegion: 6,
  elsewhere: 2,
  none: 0,
};

/** The 圏域 (layer 2) an area belongs to, or the area itself. */
function regionOf(chain: readonly MatchArea[]): MatchArea | undefined {
  return chain.find((a) => a.layer === 2);
}

function areaFit(world: MatchWorld, need: string, candidateAreas: readonly string[]): AreaFit {
  const needChain = areaChain(world, need);
  const needIds = new Set(needChain.map((a) => a.id));
  const needRegion = regionOf(needChain);
  let best: AreaFit = { level: 'none' };
  const better = (fit: AreaFit) => {
    if (AREA_POINTS[fit.level] > AREA_POINTS[best.level]) best = fit;
  };
  for (const id of candidateAreas) {
    const area = world.areas.get(id);
    if (!area) continue;
    if (id === need) {
      better({ level: 'same', area });
      continue;
    }
    const chain = areaChain(world, id);
    if (chain.some((a) => a.id === need)) better({ level: 'inside', area });
    else if (needIds.has(id)) better({ level: area.layer === 1 ? 'town' : 'region', area });
    else if (needRegion && regionOf(chain)?.id === needRegion.id) better({ level: 'sibling', area });
    else if (world.neighbours.has(`${id}|${need}`)) better({ level: 'neighbour', area });
    else if (needRegion && regionOf(chain) && world.neighbours.has(`${regionOf(chain)!.id}|${needRegion.id}`))
      better({ level: 'nextRegion', area });
    else better({ level: 'elsewhere', area });
  }
  return best;
}

function areaReason(fit: AreaFit, kind: Candidate['kind'], world: MatchWorld, need: string): MatchReason {
  const needName = world.areas.get(need)?.name ?? '';
  const points = AREA_POINTS[fit.level];
  if (fit.level === 'none') return { code: 'area', text: '地域の登録がありません', tone: 'info', points };
  const name = fit.area.name;
  const text: Record<typeof fit.level, string> = {
    same: kind === 'helper' ? `同じ地区で活動（${name}）` : `同じ地区（${name}）`,
    inside: `${needName}の中（${name}）`,
    region: `同じ圏域（${name}）全体が対象`,
    sibling: `同じ圏域の${name}`,
    town: '町内全域が対象',
    neighbour: `となりの地域（${name}）`,
    nextRegion: `となりの圏域の${name}`,
    elsewhere: `離れた地域（${name}）`,
  };
  return { code: 'area', text: text[fit.level], tone: points >= 15 ? 'good' : 'info', points };
}

// ---------------------------------------------------------------------------------------------
// Geometry: which areas touch, and how far a place is from an area's centre

const M_PER_DEG_LAT = 111_320;

function ringsOf(b: Boundary): Position[][] {
  return b.type === 'Polygon' ? b.coordinates : b.coordinates.flat();
}

function bbox(b: Boundary): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of ringsOf(b))
    for (const [x, y] of ring) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  return [w, s, e, n];
}

/** Centre of an area's bounding box: enough for "about 1.2 km" and never outside Japan. */
export function areaCentre(b: Boundary): { lat: number; lon: number } {
  const [w, s, e, n] = bbox(b);
  return { lat: (s + n) / 2, lon: (w + e) / 2 };
}

function segmentDistance(p: Position, a: Position, b: Position, kx: number): number {
  const px = p[0] * kx;
  const py = p[1] * M_PER_DEG_LAT;
  const ax = a[0] * kx;
  const ay = a[1] * M_PER_DEG_LAT;
  const bx = b[0] * kx;
  const by = b[1] * M_PER_DEG_LAT;
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether two boundaries touch: a vertex of one lies within `tolerance` metres of the other's edge. */
export function boundariesTouch(a: Boundary, b: Boundary, tolerance = 60): boolean {
  const [aw, as, ae, an] = bbox(a);
  const [bw, bs, be, bn] = bbox(b);
  const kx = M_PER_DEG_LAT * Math.cos((((as + an) / 2) * Math.PI) / 180);
  const padX = tolerance / kx;
  const padY = tolerance / M_PER_DEG_LAT;
  if (aw > be + padX || bw > ae + padX || as > bn + padY || bs > an + padY) return false;
  const near = (from: Boundary, to: Boundary) => {
    const edges = ringsOf(to);
    // Long official boundaries have thousands of vertices; every fourth one is plenty to find a shared edge.
    for (const ring of ringsOf(from)) {
      const step = ring.length > 400 ? 4 : 1;
      for (let i = 0; i < ring.length; i += step) {
        const p = ring[i]!;
        for (const e of edges)
          for (let j = 1; j < e.length; j++)
            if (segmentDistance(p, e[j - 1]!, e[j]!, kx) <= tolerance) return true;
      }
    }
    return false;
  };
  return near(a, b) || near(b, a);
}

/** Pairs of areas of the same layer whose boundaries touch (`a|b` in both orders). */
export function touchingAreas(areas: readonly MatchArea[]): Set<string> {
  const out = new Set<string>();
  const withShape = areas.filter((a) => a.boundary && a.layer > 1);
  for (let i = 0; i < withShape.length; i++)
    for (let j = i + 1; j < withShape.length; j++) {
      const a = withShape[i]!;
      const b = withShape[j]!;
      if (a.layer !== b.layer) continue;
      if (boundariesTouch(a.boundary!, b.boundary!)) {
        out.add(`${a.id}|${b.id}`);
        out.add(`${b.id}|${a.id}`);
      }
    }
  return out;
}

export function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export function distanceWords(m: number): string {
  if (m < 950) return `約${Math.max(100, Math.round(m / 100) * 100)}m`;
  return `約${(m / 1000).toFixed(1)}km`;
}

// ---------------------------------------------------------------------------------------------
// Days

const daysText = (mask: number) => weekdaysText(weekdaysOfMask(mask));

function dayReason(c: Candidate, available: readonly number[] | null | undefined): MatchReason | null {
  if (c.weekdayMask === 0) return null;
  const phrase = (mask: number) =>
    c.kind === 'helper' ? `${daysText(mask)}に活動できます` : `${daysText(mask)}曜開催`;
  if (!available || available.length === 0)
    return { code: 'days', text: phrase(c.weekdayMask), tone: 'info', points: 0 };
  const fit = weekdayMask(available) & c.weekdayMask;
  if (fit) return { code: 'days', text: `${phrase(fit)}（ご都合の曜日）`, tone: 'good', points: 10 };
  return {
    code: 'days',
    text: `ご都合の曜日（${daysText(weekdayMask(available))}）に合いません（${phrase(c.weekdayMask)}）`,
    tone: 'bad',
    points: -15,
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring

const ELIGIBILITY_WORDS: Record<string, string> = {
  'support-needed': '要支援・事業対象者が対象（確認が必要）',
  'care-needed': '要介護の人が対象（確認が必要）',
  members: '会員制（入会が必要）',
  family: '介護している家族が対象',
};

// Reasons that never vary are shared: a judge run over thousands of candidates should not
// allocate the same three objects thousands of times. Reasons are treated as read-only.
const FREE: MatchReason = { code: 'fee', text: '無料', tone: 'good', points: 5 };
const PAUSED: MatchReason = { code: 'status', text: '一時休止中', tone: 'bad', points: -40 };
const ANYONE: MatchReason[] = [
  { code: 'eligibility', text: 'どなたでも利用できます', tone: 'good', points: 3 },
];

function eligibilityReasons(
  c: ResourceCandidate,
  age: number | null | undefined,
): MatchReason[] | 'excluded' {
  const kinds = c.eligibility;
  if (kinds.length === 0 || kinds.includes('anyone')) return ANYONE;
  const out: MatchReason[] = [];
  if (kinds.includes('aged65')) {
    if (age != null && age < 65 && kinds.length === 1) return 'excluded';
    out.push(
      age != null && age >= 65
        ? { code: 'eligibility', text: '65歳以上が対象（対象です）', tone: 'good', points: 3 }
        : { code: 'eligibility', text: '65歳以上が対象', tone: 'info', points: 0 },
    );
  }
  for (const k of kinds) {
    const words = ELIGIBILITY_WORDS[k];
    if (words) out.push({ code: 'eligibility', text: words, tone: 'info', points: -3 });
  }
  return out;
}

function capacityReason(capacity: number | null, inUse: number): MatchReason | null {
  if (capacity == null || capacity <= 0) return null;
  const left = capacity - inUse;
  if (left > 0) return { code: 'capacity', text: `定員に空きあり（残り${left}人）`, tone: 'good', points: 5 };
  return { code: 'capacity', text: `定員いっぱい（定員${capacity}人）`, tone: 'bad', points: -20 };
}

/**
 * The person's interest that this candidate answers: a 就労的活動 by the activities it names,
 * a resource or helper by its kind (portal group). してみたい speaks loudest.
 */
function interestReason(
  world: MatchWorld,
  interests: MatchRequest['interests'],
  c: Candidate,
): MatchReason | null {
  if (!interests?.length) return null;
  const order = { wantToDo: 0, interested: 1, doing: 2 } as const;
  const sorted = [...interests].sort((a, b) => order[a.mark] - order[b.mark]);
  let hit: Interest | undefined;
  if (c.kind === 'opportunity') hit = sorted.find((i) => c.interestKeys.includes(i.key));
  else {
    const groups = new Set(c.categories.map((code) => world.terms.get(code)?.portalGroup).filter(Boolean));
    hit = sorted.find((i) => i.groups.some((g) => groups.has(g)));
  }
  if (!hit) return null;
  const verb = { wantToDo: 'をしてみたい', interested: 'に興味がある', doing: 'をしている' }[hit.mark];
  // For a role, what the person already does is experience to bring, not only a pastime.
  const bring = hit.mark === 'doing' && c.kind === 'opportunity' ? '・経験を生かせます' : '';
  return {
    code: 'interest',
    text: `「${hit.label}」${verb}（興味・関心チェックシート${bring}）`,
    tone: 'good',
    points: hit.mark === 'wantToDo' ? 12 : 8,
  };
}

/**
 * What one request has already worked out: candidates share categories and areas, so their fit is
 * computed once per distinct set (thousands of candidates, a few dozen distinct sets). Keyed by the
 * arrays themselves: callers that hold many candidates intern equal arrays into one (see
 * `internArray`), and the lookups then cost no string building; arrays not interned still work.
 */
export interface JudgeMemo {
  category: Map<readonly string[], { fit: CategoryFit; reasons: Map<unknown, MatchReason> }>;
  area: Map<readonly string[], MatchReason>;
  home: Map<readonly string[], Map<string, MatchReason>>;
  /** Reasons that depend only on a number (days, capacity) or a short text (fee, last check). */
  byNumber: Map<number, MatchReason | null>;
  byText: Map<string, MatchReason>;
}

const newMemo = (): JudgeMemo => ({
  category: new Map(),
  area: new Map(),
  home: new Map(),
  byNumber: new Map(),
  byText: new Map(),
});

function remember<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined || map.has(key)) return hit as V;
  const v = make();
  map.set(key, v);
  return v;
}

/**
 * One array for equal contents: candidates loaded in bulk share their category and area lists, so
 * `JudgeMemo` finds them by identity. `pool` is the caller's, kept as long as its candidates.
 */
export function internArray<T extends readonly string[]>(pool: Map<string, T>, xs: T): T {
  const key = xs.join('\u0000');
  const hit = pool.get(key);
  if (hit) return hit;
  pool.set(key, xs);
  return xs;
}

const KIND_NUMBER = { resource: 0, helper: 1, opportunity: 2 } as const;

/** Judges one candidate; null when it cannot meet the request at all. */
export function judgeCandidate(
  world: MatchWorld,
  req: MatchRequest,
  c: Candidate,
  centre: { lat: number; lon: number } | null,
  memo: JudgeMemo = newMemo(),
): Suggestion | null {
  const reasons: MatchReason[] = [];
  const known = remember(memo.category, c.categories, () => ({
    fit: categoryFit(world, req.categories, c.categories),
    reasons: new Map<unknown, MatchReason>(),
  }));
  const fit = known.fit;
  const interest = interestReason(world, req.interests, c);
  if (!fit && !interest) return null;
  if (fit) {
    // A helper's reason names the skills that fit; a resource's only the category.
    reasons.push(
      remember(known.reasons, c.kind === 'helper' ? c.skillLabels : c.kind, () => {
        const name = world.terms.get(fit.term)?.name ?? fit.term;
        const wanted = world.terms.get(req.categories[0] ?? '')?.name ?? '';
        return {
          code: 'category',
          text:
            c.kind === 'helper'
              ? `${c.skillLabels.join('・')}ができます`
              : fit.level === 'group'
                ? `近い分類（${name}）`
                : fit.level === 'same'
                  ? name
                  : `${wanted}の一つ（${name}）`,
          tone: fit.level === 'group' ? 'info' : 'good',
          points: CATEGORY_POINTS[fit.level],
        };
      }),
    );
  }
  if (interest) reasons.push(interest);

  const area =
    c.kind === 'helper' && c.homeAreaId
      ? remember(
          remember(memo.home, c.areaIds, () => new Map<string, MatchReason>()),
          c.homeAreaId,
          () => homeOrServed(world, req.areaId, c),
        )
      : c.kind === 'resource'
        ? remember(memo.area, c.areaIds, () =>
            areaReason(areaFit(world, req.areaId, c.areaIds), c.kind, world, req.areaId),
          )
        : areaReason(areaFit(world, req.areaId, c.areaIds), c.kind, world, req.areaId);
  reasons.push(area);

  // Days: a 7-bit mask and the kind, as one number.
  const day = remember(memo.byNumber, -1 - (c.weekdayMask * 4 + KIND_NUMBER[c.kind]), () =>
    dayReason(c, req.availableDays),
  );
  if (day) reasons.push(day);

  let distance: number | null = null;
  if (centre && c.location) {
    distance = metresBetween(centre, c.location);
    const points = distance <= 1000 ? 8 : distance <= 3000 ? 4 : 0;
    const words = distanceWords(distance);
    reasons.push(
      remember(memo.byText, `far:${words}:${points}`, () => ({
        code: 'distance',
        text: `地域の中心から${words}`,
        tone: points > 0 ? 'good' : 'info',
        points,
      })),
    );
  }

  if (c.kind === 'resource') {
    if (c.status === 'temporarily closed') reasons.push(PAUSED);
    reasons.push(
      c.free
        ? FREE
        : remember(memo.byText, `fee:${c.feeText}`, () => ({
            code: 'fee',
            text: c.feeText ? `有料（${c.feeText}）` : '有料',
            tone: 'info',
            points: 0,
          })),
    );
    const eligibility = eligibilityReasons(c, req.age);
    if (eligibility === 'excluded') return null;
    reasons.push(...eligibility);
    // Capacity and people in use, as one number (both small counts).
    const cap =
      c.capacity != null && c.capacity > 0
        ? remember(memo.byNumber, c.capacity * 1_000_000 + Math.min(c.inUse, 999_999), () =>
            capacityReason(c.capacity, c.inUse),
          )
        : null;
    if (cap) reasons.push(cap);
    if (c.stale)
      reasons.push(
        remember(memo.byText, `stale:${c.verifiedLabel}`, () => ({
          code: 'stale',
          text: `情報の確認期限が過ぎています${c.verifiedLabel ? `（最終確認 ${c.verifiedLabel}）` : '（未確認）'}`,
          tone: 'bad',
          points: -12,
        })),
      );
  } else if (c.kind === 'helper') {
    reasons.push(
      c.rewardNote
        ? { code: 'fee', text: `謝礼あり（${c.rewardNote}）`, tone: 'info', points: 0 }
        : { code: 'fee', text: '無償のボランティア', tone: 'good', points: 5 },
    );
    if (c.openReferrals > 0)
      reasons.push({
        code: 'load',
        text: `ほかに${c.openReferrals}件のつなぎを担当中`,
        tone: 'info',
        points: -Math.min(9, c.openReferrals * 3),
      });
  } else {
    reasons.push(
      c.paid
        ? {
            code: 'fee',
            text: c.rewardNote ? `報酬あり（${c.rewardNote}）` : '報酬あり',
            tone: 'good',
            points: 3,
          }
        : {
            code: 'fee',
            text: c.rewardNote ? `無償（${c.rewardNote}）` : '無償の活動',
            tone: 'info',
            points: 0,
          },
    );
    const cap = capacityReason(c.capacity, c.inUse);
    if (cap) reasons.push(cap);
  }

  return {
    kind: c.kind,
    id: c.id,
    name: c.name,
    score: reasons.reduce((s, r) => s + r.points, 0),
    distance,
    reasons,
  };
}

function homeOrServed(world: MatchWorld, need: string, c: HelperCandidate): MatchReason {
  const home = areaFit(world, need, [c.homeAreaId!]);
  const served = areaFit(world, need, c.areaIds);
  const homePoints = AREA_POINTS[home.level] + (home.level === 'same' ? 2 : 0);
  if (home.level !== 'none' && homePoints >= AREA_POINTS[served.level]) {
    const text =
      home.level === 'same'
        ? `同じ地区に住んでいます（${home.area.name}）`
        : home.level === 'sibling' || home.level === 'inside'
          ? `近くに住んでいます（${home.area.name}）`
          : home.level === 'neighbour' || home.level === 'nextRegion'
            ? `となりの地域に住んでいます（${home.area.name}）`
            : `${home.area.name}に住んでいます`;
    return { code: 'area', text, tone: homePoints >= 15 ? 'good' : 'info', points: homePoints };
  }
  return areaReason(served, 'helper', world, need);
}

const JA = new Intl.Collator('ja');

/** Best first: score, then nearer, then by reading, then id — the same order every time. */
export function compareSuggestions(
  a: Suggestion & { kana?: string },
  b: Suggestion & { kana?: string },
): number {
  return (
    b.score - a.score ||
    (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) ||
    JA.compare(a.kana || a.name, b.kana || b.name) ||
    a.id.localeCompare(b.id)
  );
}

/** Ranks candidates for a request; keeps the best `limit` of each kind. */
export function rankCandidates(
  world: MatchWorld,
  req: MatchRequest,
  candidates: readonly Candidate[],
  limit = 10,
): Suggestion[] {
  const area = world.areas.get(req.areaId);
  const centre = area?.boundary ? areaCentre(area.boundary) : null;
  const memo = newMemo();
  const byKind = new Map<string, (Suggestion & { kana?: string })[]>();
  for (const c of candidates) {
    const s = judgeCandidate(world, req, c, centre, memo) as (Suggestion & { kana?: string }) | null;
    if (!s) continue;
    s.kana = c.kana;
    const list = byKind.get(s.kind);
    if (list) list.push(s);
    else byKind.set(s.kind, [s]);
  }
  const out: Suggestion[] = [];
  for (const list of byKind.values()) {
    // Only those that can reach the top `limit` are put in full order: a town has thousands.
    const scores = Float64Array.from(list, (x) => x.score).sort();
    const cut = scores[Math.max(0, scores.length - limit)] ?? Number.NEGATIVE_INFINITY;
    const top = list.filter((x) => x.score >= cut).sort(compareSuggestions);
    for (const { kana: _k, ...x } of top.slice(0, limit)) out.push(x);
  }
  return out.sort(compareSuggestions);
}
