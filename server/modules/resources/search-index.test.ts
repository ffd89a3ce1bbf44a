import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ResourceQuery } from '../../../contracts/resources';
import { LIFE_SUPPORT_TERMS } from '../../../domain/life-support-taxonomy';
import { RESOURCE_STATUSES, SOGO_TYPES } from '../../../domain/resources';
import { searchDocument } from '../../../domain/search-text';
import type { TenantContext } from '../../core/context';
import { createTestApp, type TestApp } from '../../core/testing/test-app';
import {
  indexLoader,
  loadWorld,
  type PublicScope,
  searchIndexes,
  searchPage,
  searchQuery,
} from './resources.service';
import { compareCodePoints, dayNumber } from './search-index';
import { SearchIndexes } from './search-index.service';
import { loadTerms } from './taxonomy.service';

/*
 * The in-memory search index must answer exactly what the SQL answers: the same rows, in the
 * same order, with the same total, for any query — and stay so after writes made through the
 * services, behind their back (another connection, as another process would), in bulk, and in
 * transactions that are rolled back. Random data and queries from a fixed seed, on this run's engine.
 */

const T = '372013';
let t: TestApp;
let ctx: TenantContext;
let areaIds: string[];
/** Another connection to the same database (PostgreSQL), or the same one (PGlite). */
let other: (text: string) => Promise<unknown>;
let closeOther = async () => {};

/** mulberry32: the same data and queries on every run and engine. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const WORDS = [
  '買い物',
  'かいもの',
  'サロン',
  '体操',
  '見守り',
  '配食',
  'カフェ',
  '相談',
  'ごみ出し',
  '草刈り',
  '送迎',
  '手芸',
  '囲碁',
  'ふれあい',
  'いきいき',
  '百歳',
  '峰野',
  '本町',
  '𠮷野',
  'ｶｲﾓﾉ',
  'コーヒー',
  '100円',
  '茶',
  '会',
];
const KANA = [
  '',
  'あ',
  'あい',
  'アイ',
  'かいもの',
  'カイモノ',
  'さろん',
  'さろん',
  'ゔぃ',
  '𠮷',
  'ｱ',
  'a',
  'A',
  '＃',
];
const CODES = LIFE_SUPPORT_TERMS.map((t) => t.code);
const STATUSES = Object.keys(RESOURCE_STATUSES);
const SOGO = Object.keys(SOGO_TYPES);

/** Rows straight into the tables (the services would take minutes for this many). */
async function generate(n: number, seed: number) {
  const r = random(seed);
  const orgs = Array.from({ length: 12 }, (_, i) => ({ id: randomUUID(), name: `主体${i}` }));
  for (const o of orgs) {
    await t.database.db.execute(
      sql`insert into organizations (tenant_id, id, name, kind, created_at, updated_at) values (${T}, ${o.id}, ${o.name}, 'npo', now(), now())`,
    );
  }
  const base = Date.parse('2026-11-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    const words = [r.pick(WORDS), r.pick(WORDS)];
    const name = r.chance(0.1)
      ? '同じ名前'
      : `${words[0]}${r.pick(['の会', 'クラブ', '', '教室'])}${r.int(50)}`;
    const kana = r.pick(KANA) + (r.chance(0.5) ? String(r.int(3)) : '');
    const categories = r.chance(0.2) ? [r.pick(CODES), r.pick(CODES)] : [r.pick(CODES)];
    const areas = Array.from({ length: r.int(3) }, () => r.pick(areaIds));
    const due = r.chance(0.2)
      ? null
      : new Date(base + (r.int(120) - 40) * 86_400_000).toISOString().slice(0, 10);
    // Few distinct seconds, some with microseconds: ties and sub-millisecond order for 'updated'.
    const second = new Date(base + r.int(400) * 1000).toISOString().slice(0, 19);
    const updated = `${second}.${r.chance(0.3) ? String(r.int(1_000_000)).padStart(6, '0') : '000000'}Z`;
    const description = `${words[1]}をしています。${r.pick(WORDS)}も。`;
    const terms = LIFE_SUPPORT_TERMS.filter((t) => categories.includes(t.code));
    const org = r.chance(0.4) ? r.pick(orgs) : null;
    const searchText = searchDocument(
      [name, kana],
      [...terms.flatMap((t) => [t.name, t.kana, ...t.synonyms]), org?.name, description],
    );
    await t.database.db.execute(sql`
      insert into services (tenant_id, id, organization_id, name, kana, description, status, kind, sogo_type,
        categories, area_ids, effective_area_ids, eligibility, fees, free, schedules, weekday_mask, phones,
        contacts, search_text, next_check_due, created_at, updated_at)
      values (${T}, ${id}, ${org?.id ?? null}, ${name}, ${kana}, ${description}, ${r.pick(STATUSES)},
        ${r.chance(0.5) ? 'formal' : 'informal'}, ${r.chance(0.3) ? r.pick(SOGO) : null},
        ${sql.param(categories)}::text[], '{}', ${sql.param(areas)}::uuid[], '{"kinds":["anyone"],"description":""}',
        '{"free":true,"description":"","options":[]}', ${r.chance(0.5)}, '[]', ${r.int(128)}, '[]', '[]',
        ${searchText}, ${due}, ${updated}::timestamptz, ${updated}::timestamptz)`);
    if (r.chance(0.3)) {
      const loc = randomUUID();
      await t.database.db.execute(
        sql`insert into locations (tenant_id, id, name, address, area_id, created_at, updated_at) values (${T}, ${loc}, ${`${r.pick(WORDS)}会館`}, '高松市本町1', ${r.chance(0.5) ? r.pick(areaIds) : null}, now(), now())`,
      );
      await t.database.db.execute(
        sql`insert into service_at_locations (tenant_id, id, service_id, location_id) values (${T}, ${randomUUID()}, ${id}, ${loc})`,
      );
    }
  }
}

type Q = z.output<typeof ResourceQuery>;

function randomQuery(r: ReturnType<typeof random>): { q: Q; scope: PublicScope } {
  const text = () => {
    const w = r.pick(WORDS);
    const cut = r.chance(0.3) ? w.slice(0, Math.max(1, r.int(w.length))) : w;
    return r.chance(0.2) ? `${cut} ${r.pick(WORDS)}` : cut;
  };
  const q: Q = {
    page: r.chance(0.7) ? 1 : 1 + r.int(4),
    perPage: r.pick([1, 5, 20, 50]),
    sort: r.pick(['relevance', 'relevance', 'name', 'stale', 'updated'] as const),
  };
  if (r.chance(0.7)) q.q = text();
  if (r.chance(0.3)) q.area = r.pick(areaIds);
  if (r.chance(0.3)) q.category = r.pick(CODES);
  if (r.chance(0.3)) q.weekday = r.int(7);
  if (r.chance(0.2)) q.free = r.pick(['true', 'false'] as const);
  if (r.chance(0.1)) q.sogoType = r.pick(SOGO) as Q['sogoType'];
  if (r.chance(0.1)) q.kind = r.pick(['formal', 'informal'] as const);
  if (r.chance(0.15)) q.status = r.pick(STATUSES) as Q['status'];
  if (r.chance(0.15)) q.stale = r.pick(['true', 'false'] as const);
  const scope: PublicScope = r.chance(0.2)
    ? { publicOnly: true, ...(r.chance(0.5) ? { anyOfCategories: [r.pick(CODES), r.pick(CODES)] } : {}) }
    : {};
  return { q, scope };
}

/** The SQL's answer, as searchPage would give it without the index. */
async function bySql(q: Q, scope: PublicScope) {
  const w = await loadWorld(ctx);
  const { query, where } = await searchQuery(ctx, q, w, scope);
  const rows = await query;
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const [c] = (
      (await ctx.db.execute(sql`select count(*)::int as n from services where ${where}`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    total = c!.n;
  }
  return { total, rows: rows.map(({ total: _, ...row }) => row) };
}

/** Compares the index with SQL on `n` random queries; returns how many matched something. */
async function compare(n: number, seed: number) {
  const r = random(seed);
  const w = await loadWorld(ctx);
  let nonEmpty = 0;
  for (let i = 0; i < n; i++) {
    const { q, scope } = randomQuery(r);
    const fromIndex = await searchPage(ctx, q, w, scope);
    const fromSql = await bySql(q, scope);
    const label = JSON.stringify({ q, scope });
    expect(fromIndex.total, label).toBe(fromSql.total);
    expect(
      fromIndex.rows.map((x) => x.s.id),
      label,
    ).toEqual(fromSql.rows.map((x) => x.s.id));
    expect(fromIndex.rows, label).toEqual(fromSql.rows);
    if (fromSql.total > 0) nonEmpty++;
  }
  return nonEmpty;
}

const usesIndex = () => searchIndexes.use(ctx, () => true);

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  const root = (await t.f.rootArea(T)).id;
  const north = await t.f.buildArea(T, { name: '北部圏域', parentId: root, layer: 2 });
  const south = await t.f.buildArea(T, { name: '南部圏域', parentId: root, layer: 2 });
  const a = await t.f.buildArea(T, { name: '峰野地区', parentId: north.id, layer: 3 });
  const b = await t.f.buildArea(T, { name: '本町地区', parentId: south.id, layer: 3 });
  areaIds = [root, north.id, south.id, a.id, b.id];
  ctx = t.f.inTenant(T);
  await loadTerms(ctx);
  await generate(1500, 1);
  const url = (t.database as { url?: string }).url;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    other = (text) => client.query(text);
    closeOther = () => client.end();
  } else {
    other = (text) => t.database.db.execute(sql.raw(text));
  }
}, 120_000);
afterAll(async () => {
  await closeOther();
  await t.close();
});

describe('the in-memory search index', () => {
  it('answers 400 random queries exactly as the SQL does', async () => {
    const nonEmpty = await compare(400, 2);
    expect(await usesIndex()).toBe(true);
    // The queries must mostly find something, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('stays exact after writes through another connection: renames, moves, deletes, places, 主体', async () => {
    await compare(20, 3);
    const before = { ...searchIndexes.counts };
    await other(
      `update services set name = name || 'x', kana = 'ん' || kana where tenant_id = '${T}' and id in (select id from services where tenant_id = '${T}' order by id limit 7)`,
    );
    await other(
      `update services set categories = array['kaimono'], effective_area_ids = '{}', status = 'active', weekday_mask = 5 where tenant_id = '${T}' and id in (select id from services where tenant_id = '${T}' order by id desc limit 5)`,
    );
    await other(
      `delete from services where tenant_id = '${T}' and id in (select id from services where tenant_id = '${T}' order by name, id limit 3)`,
    );
    await other(
      `update locations set name = 'ゆうやけ会館' where tenant_id = '${T}' and id in (select id from locations where tenant_id = '${T}' limit 4)`,
    );
    await other(`update organizations set name = '新しい主体' where tenant_id = '${T}' and name = '主体3'`);
    await other(
      `insert into services (tenant_id, id, name, kana, status, kind, categories, eligibility, fees, free, schedules, phones, contacts, search_text, created_at, updated_at)
       values ('${T}', gen_random_uuid(), '新しいサロン', 'あたらしいさろん', 'active', 'informal', array['ibasho'], '{}', '{}', true, '[]', '[]', '[]', 'あたらしいさろん さろん', now(), now())`,
    );
    await compare(120, 4);
    // Patched in place, not read whole again.
    expect(searchIndexes.counts.reloads).toBe(before.reloads);
    expect(searchIndexes.counts.patches).toBeGreaterThan(before.patches);
  });

  it('reloads after a change too large to list (an import batch)', async () => {
    await other(
      `update services set updated_at = updated_at + interval '1 second', weekday_mask = 127 - weekday_mask where tenant_id = '${T}'`,
    );
    const [marker] = (
      (await t.database.db.execute(
        sql`select count(*)::int as n from resource_changes where tenant_id = ${T} and service_id = '00000000-0000-0000-0000-000000000000'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(marker!.n).toBeGreaterThan(0);
    const reloads = searchIndexes.counts.reloads;
    await compare(60, 5);
    expect(searchIndexes.counts.reloads).toBe(reloads + 1);
  });

  it('leaves a transaction to SQL, which sees its own writes; a rollback leaves no trace', async () => {
    const w = await loadWorld(ctx);
    const q: Q = { q: 'ひみつのさろん', page: 1, perPage: 20, sort: 'relevance' };
    await t.database.db
      .transaction(async (tx) => {
        const inside: TenantContext = { ...ctx, db: tx as never };
        await tx.execute(sql`
          insert into services (tenant_id, id, name, status, kind, categories, eligibility, fees, free, schedules, phones, contacts, search_text, created_at, updated_at)
          values (${T}, gen_random_uuid(), 'ひみつのサロン', 'active', 'informal', array['ibasho'], '{}', '{}', true, '[]', '[]', '[]', 'ひみつのさろん', now(), now())`);
        expect(await searchIndexes.use(inside, () => true)).toBeNull();
        expect((await searchPage(inside, q, w)).total).toBe(1);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    expect((await searchPage(ctx, q, w)).total).toBe(0);
    await compare(20, 6);
  });

  it('sees a write committed elsewhere between two searches, with no delay', async () => {
    const w = await loadWorld(ctx);
    const q: Q = { q: 'あさやけ', page: 1, perPage: 20, sort: 'relevance' };
    expect((await searchPage(ctx, q, w)).total).toBe(0);
    await other(
      `insert into services (tenant_id, id, name, status, kind, categories, eligibility, fees, free, schedules, phones, contacts, search_text, created_at, updated_at)
       values ('${T}', gen_random_uuid(), 'あさやけ食堂', 'active', 'informal', array['shokuji'], '{}', '{}', true, '[]', '[]', '[]', 'あさやけしよくどう', now(), now())`,
    );
    expect((await searchPage(ctx, q, w)).total).toBe(1);
  });
});

describe('the memory bound', () => {
  it('leaves a town larger than the bound to SQL, and drops the least recently searched town first', async () => {
    const [{ n }] = (
      (await t.database.db.execute(
        sql`select count(*)::int as n from services where tenant_id = ${T}`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows as [{ n: number }];
    expect(await new SearchIndexes(indexLoader, n - 1).use(ctx, () => true)).toBeNull();

    const other = '131016';
    await t.f.buildTenant(other);
    await t.database.db.execute(sql`
      insert into services (tenant_id, id, name, status, kind, categories, eligibility, fees, free, schedules, phones, contacts, search_text, created_at, updated_at)
      select ${other}, gen_random_uuid(), 'サロン' || g, 'active', 'informal', array['ibasho'], '{}', '{}', true, '[]', '[]', '[]', 'さろん' || g, now(), now()
      from generate_series(1, 50) g`);
    const bounded = new SearchIndexes(indexLoader, n + 10);
    const there = t.f.inTenant(other);
    expect(await bounded.use(ctx, (index) => index.size)).toBe(n);
    expect(await bounded.use(there, (index) => index.size)).toBe(50);
    expect(await bounded.use(there, () => true)).toBe(true);
    // Both together exceed the bound: the town searched longer ago was let go, and reads again.
    const reloads = bounded.counts.reloads;
    expect(await bounded.use(ctx, (index) => index.size)).toBe(n);
    expect(bounded.counts.reloads).toBe(reloads + 1);
  });
});

describe('orders and dates as PostgreSQL does', () => {
  it('orders strings by code point, as the "C" collation orders UTF-8 bytes', () => {
    const r = random(7);
    const alphabet = ['a', 'あ', 'ア', 'ｱ', '𠮷', '\uffe5', '\ue000', 'z', '0', '亜', 'ー', ' '];
    const strings = Array.from({ length: 500 }, () =>
      Array.from({ length: r.int(4) }, () => r.pick(alphabet)).join(''),
    );
    const byBytes = [...strings].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...strings].sort(compareCodePoints)).toEqual(byBytes);
  });

  it('counts days as PostgreSQL prints dates', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-11-24') - dayNumber('2026-10-24')).toBe(31);
    expect(dayNumber('10000-01-01')).toBeGreaterThan(dayNumber('9999-12-31'));
    expect(dayNumber('0001-01-01 BC')).toBeLessThan(dayNumber('0001-01-01'));
  });
});
