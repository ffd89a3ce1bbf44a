import { sql } from 'drizzle-orm';
import pg from 'pg';
import { HELPER_SKILLS } from '../domain/helpers';
import { LIFE_SUPPORT_TERMS } from '../domain/life-support-taxonomy';
import { type Candidate, internArray, type MatchArea, matchWorld, rankCandidates } from '../domain/matching';
import { seeded } from '../domain/survey-samples';
import { throwawayPostgres } from '../scripts/postgres';
import type { TenantContext } from '../server/core/context';
import { type Database, openDatabase } from '../server/core/db';
import { createArea, loadTenantAreas, setAreaBoundary } from '../server/modules/areas';
import { readAskableHelpers } from '../server/modules/helpers';
import { suggestForNeed } from '../server/modules/matching';
import { createNeed } from '../server/modules/needs';
import { loadTerms, type ResourceFacts, readResourceCandidates } from '../server/modules/resources';
import { createTenant } from '../server/modules/tenants';

/*
 * つなぎ先の候補 at scale (issue 6): one town with 20,000 地域資源 and 5,000 担い手; 200 needs of
 * varied categories and 地区, each asked for its suggestions through the real service call (the
 * need's audited read, the candidates by category, capacity in use, the judging with reasons, the
 * second lines) — goal p95 ≤ 50 ms. The candidates come from a per-town cache checked against a
 * change mark on every call (decision 0012); the first call after a change reloads it, and is
 * timed on its own. Two baselines in the same run:
 *  - direct: the same need's candidates read from the database every time (by category, through
 *    the index) and judged — the same work without the cache, leaving out the audit and second lines;
 *  - naive: every resource and helper of the town read and judged in JavaScript.
 * PGlite, then PostgreSQL 15 with the same data.
 */

const TOWN = '372013';
const RESOURCES = Number(process.env.BENCH_MATCH_RESOURCES ?? 20_000);
const HELPERS = Number(process.env.BENCH_MATCH_HELPERS ?? 5_000);
const NEEDS = 200;
const CHUNK = 1_000;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arr = (xs: readonly string[], type: string) => `array[${xs.map(quote).join(',')}]::${type}[]`;
const uuid = (n: number, kind: number) =>
  `00000000-0000-4${String(kind).padStart(3, '0')}-8000-${String(n).padStart(12, '0')}`;

async function town(ctx: TenantContext) {
  await createTenant(ctx, { code: TOWN });
  const root = (await loadTenantAreas(ctx)).find((a) => a.layer === 1)!;
  const districts: string[] = [];
  for (let r = 0; r < 3; r++) {
    const region = await createArea(ctx, {
      name: `圏域${r + 1}`,
      kana: '',
      layer: 2,
      kind: '日常生活圏域',
      parentId: root.id,
      validFromFy: null,
      validToFy: null,
      townNames: [],
      sortOrder: r,
    });
    const box = (w: number, s: number, e: number, n: number) => ({
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
    await setAreaBoundary(ctx, region.id, {
      geojson: box(134 + r * 0.04, 34.3, 134.04 + r * 0.04, 34.34),
      version: region.version,
    });
    for (let d = 0; d < 4; d++) {
      const district = await createArea(ctx, {
        name: `地区${r + 1}-${d + 1}`,
        kana: '',
        layer: 3,
        kind: '地区',
        parentId: region.id,
        validFromFy: null,
        validToFy: null,
        townNames: [],
        sortOrder: d,
      });
      await setAreaBoundary(ctx, district.id, {
        geojson: box(134 + r * 0.04 + d * 0.01, 34.3, 134.01 + r * 0.04 + d * 0.01, 34.34),
        version: district.version,
      });
      districts.push(district.id);
    }
  }
  return { root: root.id, districts, regions: (await loadTenantAreas(ctx)).filter((a) => a.layer === 2) };
}

/** 20,000 resources and 5,000 helpers written with plain INSERTs (the registry's save path is not what is measured). */
async function fill(exec: (q: string) => Promise<unknown>, areas: Awaited<ReturnType<typeof town>>) {
  const rand = seeded(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const codes = LIFE_SUPPORT_TERMS.map((t) => t.code);
  const now = new Date().toISOString();
  for (let from = 0; from < RESOURCES; from += CHUNK) {
    const services: string[] = [];
    const places: string[] = [];
    const links: string[] = [];
    for (let i = from; i < Math.min(RESOURCES, from + CHUNK); i++) {
      const id = uuid(i, 1);
      const area =
        rand() < 0.1 ? pick([areas.root, ...areas.regions.map((r) => r.id)]) : pick(areas.districts);
      const category = pick(codes);
      const free = rand() < 0.6;
      const mask = rand() < 0.2 ? 0 : 1 << Math.floor(rand() * 7);
      const stale = rand() < 0.15;
      services.push(
        `(${quote(TOWN)}, ${quote(id)}, ${quote(`資源${i}`)}, ${quote(`しげん${i}`)}, ${quote(rand() < 0.05 ? 'temporarily closed' : 'active')}, 'formal', ${arr([category], 'text')}, ${arr([area], 'uuid')}, ${arr([area], 'uuid')}, '{"kinds":["${rand() < 0.8 ? 'anyone' : 'aged65'}"],"description":""}'::jsonb, ${rand() < 0.3 ? Math.ceil(rand() * 30) : 'null'}, '{"free":${free},"description":"","options":${free ? '[]' : '[{"label":"1回","amount":300,"note":""}]'}}'::jsonb, ${free}, '[]'::jsonb, ${mask}, '[]'::jsonb, '[]'::jsonb, ${quote(`資源${i}`)}, ${stale ? "'2024-01-01'" : "'2099-01-01'"}, ${quote(now)}, ${quote(now)})`,
      );
      if (i % 2 === 0) {
        const pid = uuid(i, 2);
        places.push(
          `(${quote(TOWN)}, ${quote(pid)}, ${quote(`会館${i}`)}, ${34.3 + rand() * 0.04}, ${134 + rand() * 0.12}, ${quote(area)}, ${quote(now)}, ${quote(now)})`,
        );
        links.push(`(${quote(TOWN)}, ${quote(uuid(i, 3))}, ${quote(id)}, ${quote(pid)})`);
      }
    }
    await exec(
      `insert into services (tenant_id, id, name, kana, status, kind, categories, area_ids, effective_area_ids, eligibility, capacity, fees, free, schedules, weekday_mask, phones, contacts, search_text, next_check_due, created_at, updated_at) values ${services.join(',')}`,
    );
    if (places.length) {
      await exec(
        `insert into locations (tenant_id, id, name, latitude, longitude, area_id, created_at, updated_at) values ${places.join(',')}`,
      );
      await exec(
        `insert into service_at_locations (tenant_id, id, service_id, location_id) values ${links.join(',')}`,
      );
    }
  }
  const skills = HELPER_SKILLS.map((s) => s.code);
  for (let from = 0; from < HELPERS; from += CHUNK) {
    const rows: string[] = [];
    for (let i = from; i < Math.min(HELPERS, from + CHUNK); i++) {
      const mine = [pick(skills), pick(skills)];
      rows.push(
        `(${quote(TOWN)}, ${quote(uuid(i, 4))}, ${quote(`担い手${i}`)}, ${quote(`にないて${i}`)}, ${quote(pick(areas.districts))}, ${arr(rand() < 0.3 ? [pick(areas.regions).id] : [], 'uuid')}, ${arr([...new Set(mine)], 'text')}, ${Math.floor(rand() * 127)}, ${rand() < 0.9 ? "'active'" : "'resting'"}, ${rand() < 0.95 ? `'{"on":"2025-04-01","recordedBy":"bench","withdrawnOn":null}'::jsonb` : 'null'}, 'bench', ${quote(now)}, ${quote(now)})`,
      );
    }
    await exec(
      `insert into helpers (tenant_id, id, name, kana, home_area_id, area_ids, skills, weekday_mask, status, consent, created_by, created_at, updated_at) values ${rows.join(',')}`,
    );
  }
}

interface Timings {
  label: string;
  ours: number[];
  cold: number[];
  direct: number[];
  naive: number[];
  shown: number;
}

async function onEngine(label: string, database: Database): Promise<Timings> {
  const system = {
    db: database.db,
    actor: { kind: 'system' as const, label: 'cli' as const },
    requestId: 'bench',
    now: () => new Date(),
  };
  const ctx: TenantContext = { ...system, tenantId: TOWN };
  const areas = await town(ctx);
  const exec = (q: string) => database.db.execute(sql.raw(q));
  const t0 = performance.now();
  await fill(exec, areas);
  if (database.engine === 'postgres') await exec('analyze');
  console.log(
    `[${label}] ${RESOURCES.toLocaleString()} resources and ${HELPERS.toLocaleString()} helpers written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const rand = seeded(66);
  const needCategories = [
    'kaimono',
    'ibasho',
    'kayoinoba',
    'mimamori',
    'kaji',
    'idou',
    'hanashiaite',
    'gomidashi',
    'shokuji',
    'kusakari',
  ];
  const needs: string[] = [];
  for (let i = 0; i < NEEDS; i++) {
    const need = await createNeed(ctx, {
      category: needCategories[i % needCategories.length]!,
      areaId: areas.districts[Math.floor(rand() * areas.districts.length)]!,
      source: 'salon',
      residentId: null,
      people: 1,
      urgency: 'normal',
      summary: '',
      note: '',
      resourceIds: [],
    });
    needs.push(need.id);
  }
  const terms = await loadTerms(ctx);
  const all = await loadTenantAreas(ctx);
  const world = matchWorld(
    terms.map((t) => ({ code: t.code, name: t.name, parentCode: t.parentCode, portalGroup: t.portalGroup })),
    all.map(
      (a): MatchArea => ({
        id: a.id,
        name: a.name,
        parentId: a.parentId,
        layer: a.layer,
        boundary: a.boundary as never,
      }),
    ),
  );
  const days = () => (rand() < 0.5 ? null : [1 + Math.floor(rand() * 5)]);
  // Warm: caches, plans, the world.
  for (const id of needs.slice(0, 10)) await suggestForNeed(ctx, id, { days: null, limit: 8 });

  // The baselines intern their lists as the service's cache does, so the judge costs the same.
  const lists = new Map<string, string[]>();
  const asResource = (r: ResourceFacts): Candidate => ({
    kind: 'resource',
    ...r,
    categories: internArray(lists, r.categories),
    areaIds: internArray(lists, r.areaIds),
    stale: r.nextCheckDue !== null && r.nextCheckDue < '2026-01-01',
    inUse: 0,
    verifiedLabel: null,
  });
  const asHelpers = (
    rows: Awaited<ReturnType<typeof readAskableHelpers>>,
    skills: Set<string>,
  ): Candidate[] =>
    rows
      .filter((row) => row.skills.some((k) => skills.has(k)))
      .map((row) => ({
        kind: 'helper',
        id: row.id,
        name: row.name,
        categories: internArray(
          lists,
          HELPER_SKILLS.filter((k) => row.skills.includes(k.code)).flatMap((k) => k.categories),
        ),
        areaIds: internArray(lists, row.areaIds),
        homeAreaId: row.homeAreaId,
        weekdayMask: row.weekdayMask,
        skillLabels: internArray(lists, row.skills),
        openReferrals: 0,
        rewardNote: row.rewardNote,
      }));
  const allSkills = new Set(HELPER_SKILLS.map((k) => k.code));

  const ours: number[] = [];
  const cold: number[] = [];
  const direct: number[] = [];
  const naive: number[] = [];
  let shown = 0;
  for (const [i, id] of needs.entries()) {
    const ask = days();
    // Now and then somebody edits a resource: the next suggestion reloads the town's facts.
    const changed = i % 20 === 19;
    if (changed)
      await exec(
        `update services set updated_at = now() where tenant_id = '${TOWN}' and id = '${uuid(i, 1)}'`,
      );
    let s = performance.now();
    const result = await suggestForNeed(ctx, id, { days: ask, limit: 8 });
    (changed ? cold : ours).push(performance.now() - s);
    shown += result.resources.length + result.helpers.length;

    // Direct: the same need's candidates read from the database by category, judged.
    const category = result.category;
    const group = world.terms.get(category)?.portalGroup;
    const family = [...world.terms.values()].filter((t) => t.portalGroup === group).map((t) => t.code);
    const skills = new Set(
      HELPER_SKILLS.filter((k) => k.categories.some((c) => family.includes(c))).map((k) => k.code),
    );
    const areaId = all.find((a) => a.name === result.areaName)!.id;
    s = performance.now();
    const [rows, people] = await Promise.all([readResourceCandidates(ctx, family), readAskableHelpers(ctx)]);
    rankCandidates(
      world,
      { categories: [category], areaId, availableDays: ask },
      [...rows.map(asResource), ...asHelpers(people, skills)],
      8,
    );
    direct.push(performance.now() - s);

    // Naive: every resource and helper of the town, judged in JavaScript.
    if (i % 4 === 0) {
      s = performance.now();
      const [everything, everyone] = await Promise.all([
        readResourceCandidates(ctx, null),
        readAskableHelpers(ctx),
      ]);
      rankCandidates(
        world,
        { categories: [category], areaId, availableDays: ask },
        [...everything.map(asResource), ...asHelpers(everyone, allSkills)],
        8,
      );
      naive.push(performance.now() - s);
    }
  }
  return { label, ours, cold, direct, naive, shown };
}

export async function matchingBench() {
  const results: Timings[] = [];
  const lite = await openDatabase({});
  try {
    await lite.migrate();
    results.push(await onEngine('PGlite', lite));
  } finally {
    await lite.close();
  }
  const server = throwawayPostgres();
  if (typeof server === 'string') console.log(`[PostgreSQL] skipped: ${server}`);
  else {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database sasaeai_matching_bench');
    await admin.end();
    const u = new URL(server.url);
    u.pathname = '/sasaeai_matching_bench';
    const database = await openDatabase({ url: u.toString() });
    try {
      await database.migrate();
      results.push(await onEngine('PostgreSQL', database));
    } finally {
      await database.close();
      server.stop();
    }
  }
  console.log(
    `\n[suggestions] one need against ${RESOURCES.toLocaleString()} resources and ${HELPERS.toLocaleString()} helpers, ${NEEDS} needs (categories and 地区 varied, half with preferred days)`,
  );
  const row = (xs: number[], goal = false) => ({
    n: xs.length,
    'p50 ms': Number(percentile(xs, 50).toFixed(1)),
    'p95 ms': Number(percentile(xs, 95).toFixed(1)),
    ...(goal ? { 'goal p95 ≤ 50 ms': percentile(xs, 95) <= 50 ? 'met' : 'NOT met' } : {}),
  });
  console.table(
    Object.fromEntries(
      results.flatMap((r) => [
        [`${r.label}: suggestForNeed, the service call (cache current)`, row(r.ours, true)],
        [`${r.label}: suggestForNeed, first call after a change (reloads the town)`, row(r.cold)],
        [`${r.label}: direct — candidates read by category and judged (baseline)`, row(r.direct)],
        [`${r.label}: naive — every resource and helper read and judged (baseline)`, row(r.naive)],
      ]),
    ),
  );
  for (const r of results)
    console.log(
      `[${r.label}] direct / service: p50 ${(percentile(r.direct, 50) / percentile(r.ours, 50)).toFixed(1)}×, p95 ${(percentile(r.direct, 95) / percentile(r.ours, 95)).toFixed(1)}× · naive / service: p50 ${(percentile(r.naive, 50) / percentile(r.ours, 50)).toFixed(1)}×, p95 ${(percentile(r.naive, 95) / percentile(r.ours, 95)).toFixed(1)}× · ${(r.shown / NEEDS).toFixed(1)} suggestions shown per need`,
    );
}
