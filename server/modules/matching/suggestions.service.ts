import type { Suggestion } from '../../../contracts/matching';
import { formatWareki } from '../../../domain/dates';
import {
  HELPER_SKILLS,
  helperSkillLabel,
  skillsForCategories,
  weekdaysOfMask,
} from '../../../domain/helpers';
import { INTEREST_MARKS, type Interest as InterestRow } from '../../../domain/interest-checksheet';
import {
  type Candidate,
  type Interest,
  internArray,
  type MatchArea,
  type MatchRequest,
  type MatchWorld,
  matchWorld,
  rankCandidates,
} from '../../../domain/matching';
import { interestKeysOf } from '../../../domain/opportunities';
import type { ReferralStatus } from '../../../domain/referrals';
import { weekdaysText } from '../../../domain/schedule-rrule';
import type { TenantContext } from '../../core/context';
import { type AreaRow, tenantAreas } from '../areas';
import { helperCandidates } from '../helpers';
import { listNeeds, needForMatching } from '../needs';
import { getResident, residentSummaries } from '../residents';
import { resourceBriefs, resourceCandidates, type TermRow, tenantTerms } from '../resources';
import { latestInterests, residentsInterestedIn } from '../surveys';
import { matchingPolicy } from './matching.policy';
import { openOpportunities } from './opportunities.service';
import { inUseCounts } from './referral-counts';
import { referralsToTarget, referredTargets } from './referrals.service';

/*
 * Gathers candidates from their owners (resources, helpers, 就労的活動), lets domain/matching judge
 * them, and adds the second line a card shows. The judging is pure and tested there; this file only
 * decides which candidates can possibly fit, so the judge sees a few hundred rows, not a town.
 */

// The world (taxonomy + areas + which areas touch) changes only when its cached parts change.
const worlds = new WeakMap<AreaRow[], WeakMap<TermRow[], MatchWorld>>();

async function worldOf(ctx: TenantContext): Promise<MatchWorld> {
  const [areas, terms] = await Promise.all([tenantAreas(ctx), tenantTerms(ctx)]);
  let byTerms = worlds.get(areas);
  if (!byTerms) {
    byTerms = new WeakMap();
    worlds.set(areas, byTerms);
  }
  let w = byTerms.get(terms);
  if (!w) {
    w = matchWorld(
      terms.map((t) => ({
        code: t.code,
        name: t.name,
        parentCode: t.parentCode,
        portalGroup: t.portalGroup,
      })),
      areas.map(
        (a): MatchArea => ({
          id: a.id,
          name: a.name,
          parentId: a.parentId,
          layer: a.layer,
          boundary: (a.boundary as MatchArea['boundary']) ?? null,
        }),
      ),
    );
    byTerms.set(terms, w);
  }
  return w;
}

/** The category, what lies under it and above it, and its neighbours in the same portal group. */
function family(world: MatchWorld, code: string): string[] {
  const out = new Set<string>([code]);
  const term = world.terms.get(code);
  let t = term;
  while (t?.parentCode) {
    out.add(t.parentCode);
    t = world.terms.get(t.parentCode);
  }
  for (const x of world.terms.values()) {
    if (term && x.portalGroup === term.portalGroup) out.add(x.code);
  }
  return [...out];
}

/** Everything under these categories and up their trees (買い物支援 → 移動販売, 買物代行 …). */
function withAncestorsAndDescendants(world: MatchWorld, code: string): string[] {
  const out = new Set<string>([code]);
  let t = world.terms.get(code);
  while (t?.parentCode) {
    out.add(t.parentCode);
    t = world.terms.get(t.parentCode);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const x of world.terms.values())
      if (x.parentCode && out.has(x.parentCode) && !out.has(x.code)) {
        out.add(x.code);
        grew = true;
      }
  }
  return [...out];
}

const monthLabel = (d: Date | null) =>
  d ? formatWareki(d.toISOString().slice(0, 10), { day: false }) : null;
const daysText = (mask: number) => weekdaysText(weekdaysOfMask(mask));

async function resourcesFor(ctx: TenantContext, codes: string[]) {
  const rows = await resourceCandidates(ctx, codes);
  const used = await inUseCounts(ctx, 'resource', null);
  return rows.map((r): Candidate => {
    // The cached rows are shared between calls, so is their candidate; only the few with people
    // referred now get a copy with that count.
    let base = asCandidate.get(r);
    if (!base) {
      base = {
        kind: 'resource',
        id: r.id,
        name: r.name,
        kana: r.kana,
        categories: r.categories,
        areaIds: r.areaIds,
        weekdayMask: r.weekdayMask,
        location: r.location,
        status: r.status,
        free: r.free,
        feeText: r.feeText,
        eligibility: r.eligibility,
        capacity: r.capacity,
        inUse: 0,
        stale: r.stale,
        verifiedLabel: monthLabel(r.lastVerifiedAt),
      };
      asCandidate.set(r, base);
    }
    const inUse = used.get(r.id);
    return inUse ? { ...base, inUse } : base;
  });
}

const asCandidate = new WeakMap<object, Candidate & { kind: 'resource' }>();

async function helpersFor(ctx: TenantContext, skills: string[]) {
  const rows = await helperCandidates(ctx, skills);
  if (helperLists.size > 10_000) helperLists.clear();
  const wanted = new Set(skills);
  const key = skills.join('|');
  return rows.map(({ row, openReferrals }): Candidate => {
    // Which of a helper's skills fit depends on the asked skills only: made once per cached
    // helper and set of skills.
    let byKey = helperFits.get(row);
    if (!byKey) {
      byKey = new Map();
      helperFits.set(row, byKey);
    }
    let fit = byKey.get(key);
    if (!fit) {
      const fitting = row.skills.filter((s) => wanted.has(s));
      fit = {
        // A helper stands for the categories their fitting skills meet.
        categories: internArray(helperLists, [
          ...new Set(HELPER_SKILLS.filter((s) => fitting.includes(s.code)).flatMap((s) => s.categories)),
        ]),
        skillLabels: internArray(helperLists, fitting.map(helperSkillLabel)),
      };
      byKey.set(key, fit);
    }
    return {
      kind: 'helper',
      id: row.id,
      name: row.name,
      kana: row.kana,
      categories: fit.categories,
      areaIds: row.areaIds,
      homeAreaId: row.homeAreaId,
      weekdayMask: row.weekdayMask,
      location: null,
      skillLabels: fit.skillLabels,
      openReferrals,
      rewardNote: row.rewardNote,
    };
  });
}

const helperFits = new WeakMap<object, Map<string, { categories: string[]; skillLabels: string[] }>>();
// The lists of skills and categories helpers' fits are made of: few distinct ones (combinations of
// about twenty skills), so kept for the process; emptied if a town's data ever makes it grow large.
const helperLists = new Map<string, string[]>();

/** 就労的活動 openings' second lines (who offers it, when), filled as candidates are built. */
type Lines = Map<string, string>;

async function opportunitiesFor(ctx: TenantContext, lines: Lines) {
  return (await openOpportunities(ctx)).map(({ row, inUse }): Candidate => {
    lines.set(
      row.id,
      [row.offeredBy, row.weekdayMask ? `${daysText(row.weekdayMask)}曜` : '', row.timeNote]
        .filter(Boolean)
        .join('　'),
    );
    return {
      kind: 'opportunity',
      id: row.id,
      name: row.title,
      categories: ['shurou'],
      areaIds: row.areaIds,
      weekdayMask: row.weekdayMask,
      location: null,
      paid: row.paid,
      rewardNote: row.rewardNote,
      capacity: row.capacity,
      inUse,
      interestKeys: interestKeysOf(row.kinds),
    };
  });
}

/** Adds the card's second line and whether it is already proposed; keeps the judge's order. */
async function dress(
  ctx: TenantContext,
  ranked: ReturnType<typeof rankCandidates>,
  candidates: readonly Candidate[],
  referred: Map<string, ReferralStatus>,
  lines: Lines,
): Promise<Suggestion[]> {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const briefs = await resourceBriefs(
    ctx,
    ranked.filter((s) => s.kind === 'resource').map((s) => s.id),
  );
  return ranked.map((s) => {
    const c = byId.get(s.id)!;
    let detail = '';
    if (c.kind === 'resource') {
      const b = briefs.get(s.id);
      detail = [b?.place, b?.schedule, b?.phone ? `電話 ${b.phone}` : null].filter(Boolean).join('　');
    } else if (c.kind === 'helper') {
      detail = [c.skillLabels.join('・'), c.weekdayMask ? `${daysText(c.weekdayMask)}曜` : '']
        .filter(Boolean)
        .join('　');
    } else {
      detail = lines.get(s.id) ?? '';
    }
    return { ...s, detail, referredAs: referred.get(s.id) ?? null };
  });
}

/** つなぎ先の候補 for one need: resources, helpers and (for 就労的活動) openings, best first, with reasons. */
export async function suggestForNeed(
  ctx: TenantContext,
  needId: string,
  q: { days: number[] | null; limit: number },
) {
  const all = await tenantAreas(ctx);
  matchingPolicy.scope(ctx, all);
  const need = await needForMatching(ctx, needId);
  const world = await worldOf(ctx);
  const age = need.residentId ? (await getResident(ctx, need.residentId)).resident.age : null;
  const tree = withAncestorsAndDescendants(world, need.category);
  const wantsRole = world.terms.get(need.category)?.portalGroup === 'role';
  const lines: Lines = new Map();
  const [resources, helpers, openings] = await Promise.all([
    resourcesFor(ctx, family(world, need.category)),
    helpersFor(ctx, skillsForCategories(tree)),
    wantsRole ? opportunitiesFor(ctx, lines) : Promise.resolve([]),
  ]);
  const req: MatchRequest = { categories: [need.category], areaId: need.areaId, availableDays: q.days, age };
  const candidates = [...resources, ...helpers, ...openings];
  const ranked = await dress(
    ctx,
    rankCandidates(world, req, candidates, q.limit),
    candidates,
    await referredTargets(ctx, { needId }),
    lines,
  );
  return {
    needId,
    category: need.category,
    categoryName: need.categoryName,
    areaName: need.areaName,
    resources: ranked.filter((s) => s.kind === 'resource'),
    helpers: ranked.filter((s) => s.kind === 'helper'),
    opportunities: ranked.filter((s) => s.kind === 'opportunity'),
  };
}

const MARK_ORDER = ['wantToDo', 'interested', 'doing'] as const;

function interestsOfSheet(sheet: { activities: InterestRow[] } | null): Interest[] {
  if (!sheet) return [];
  return sheet.activities.flatMap((a) => {
    const mark = MARK_ORDER.find((m) => a[m]);
    return mark ? [{ key: a.key, label: a.activity, groups: a.portalGroups, mark }] : [];
  });
}

/**
 * For one person: the best few for each of their open needs, and what their 興味・関心 point to
 * (places to go, and 就労的活動 where they marked a role or have the experience).
 */
export async function suggestForResident(
  ctx: TenantContext,
  residentId: string,
  q: { days: number[] | null; limit: number },
) {
  const all = await tenantAreas(ctx);
  matchingPolicy.scope(ctx, all);
  const { resident } = await getResident(ctx, residentId);
  const world = await worldOf(ctx);
  const root = all.find((a) => a.layer === 1);
  const areaId = resident.areaId ?? root?.id ?? '';
  const [needs, sheet] = await Promise.all([
    listNeeds(ctx, { residentId, open: 'true', page: 1, perPage: 20 }),
    latestInterests(ctx, residentId),
  ]);
  const referred = await referredTargets(ctx, { residentId });

  const forNeeds = [];
  for (const need of needs.items) {
    const s = await suggestForNeed(ctx, need.id, { days: q.days, limit: 3 });
    forNeeds.push({
      needId: need.id,
      summary: need.summary || need.categoryName,
      categoryName: need.categoryName,
      suggestions: [...s.resources, ...s.helpers, ...s.opportunities]
        .sort((a, b) => b.score - a.score)
        .slice(0, q.limit),
    });
  }

  const interests = interestsOfSheet(sheet);
  let forInterests: Suggestion[] = [];
  if (interests.length > 0) {
    const groups = new Set(interests.filter((i) => i.mark !== 'doing').flatMap((i) => i.groups));
    const codes = [...world.terms.values()].filter((t) => groups.has(t.portalGroup)).map((t) => t.code);
    const lines: Lines = new Map();
    const [resources, openings] = await Promise.all([resourcesFor(ctx, codes), opportunitiesFor(ctx, lines)]);
    const candidates = [...resources, ...openings];
    // Resources answer wishes; a 就労的活動 may also use what the person already does (している).
    const req: MatchRequest = { categories: [], areaId, availableDays: q.days, age: resident.age, interests };
    const wishes: MatchRequest = { ...req, interests: interests.filter((i) => i.mark !== 'doing') };
    const ranked = [
      ...rankCandidates(world, wishes, resources, q.limit),
      ...rankCandidates(world, req, openings, q.limit),
    ];
    forInterests = await dress(ctx, ranked, candidates, referred, lines);
  }
  const markLabel = (m: string) => INTEREST_MARKS.find((x) => x.code === m)?.label ?? m;
  return {
    residentId,
    interests: interests.map((i) => ({ label: i.label, mark: markLabel(i.mark) })),
    interestsFrom: sheet?.answeredOn ?? null,
    forNeeds,
    forInterests,
  };
}

/** この活動に合いそうな住民: whose latest sheet marks one of the opening's activities, in the caller's areas. */
export async function opportunityCandidates(ctx: TenantContext, opportunityId: string) {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  const candidate = (await opportunitiesFor(ctx, new Map())).find((c) => c.id === opportunityId);
  if (candidate?.kind !== 'opportunity') return { residents: [] };
  const [people, world, referred] = await Promise.all([
    residentsInterestedIn(ctx, candidate.interestKeys),
    worldOf(ctx),
    referralsToTarget(ctx, 'opportunity', opportunityId),
  ]);
  const summaries = await residentSummaries(
    ctx,
    people.map((p) => p.residentId),
  );
  const rows = [];
  for (const p of people) {
    const r = summaries.get(p.residentId);
    if (!r?.areaId || (scope !== 'all' && !scope.has(r.areaId))) continue;
    const [s] = rankCandidates(
      world,
      { categories: [], areaId: r.areaId, interests: interestsOfSheet(p), age: r.age },
      [candidate],
      1,
    );
    if (!s) continue;
    rows.push({
      score: s.score,
      kana: r.kana,
      id: r.id,
      name: r.name,
      areaName: r.areaName,
      reasons: s.reasons.filter((x) => x.code === 'interest' || x.code === 'area'),
      referredAs: referred.get(r.id) ?? null,
    });
  }
  rows.sort((a, b) => b.score - a.score || a.kana.localeCompare(b.kana, 'ja') || a.id.localeCompare(b.id));
  return { residents: rows.slice(0, 30).map(({ score: _s, kana: _k, ...rest }) => rest) };
}
