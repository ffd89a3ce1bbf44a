import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { parseJapaneseSchedule } from '../domain/schedule';
import { createApp } from '../server/app';
import { loadConfig } from '../server/core/config';
import type { TenantContext } from '../server/core/context';
import { openDatabase } from '../server/core/db';
import { loadTerms } from '../server/modules/resources';
import { generate, vocabulary } from './resources.bench';
import { ensureBuilt, startServer } from './spine.bench';

/*
 * The public portal (issue: 見える化 for residents), PGlite, 20,000 public resources in one town:
 *  1. server render of the search page (text + area + 大分類 + weekday), p50/p95 over 200 varied
 *     searches, in process — against the bare health endpoint answered by the same app;
 *  2. requests/s and p99 of the search page at 50 connections over HTTP (a separate server
 *     process) — against the bare health endpoint of that server, as a ratio;
 *  3. what a resident's browser must load to use the page: HTML, CSS and JavaScript bytes.
 */

const BIG = '372013';
const TOTAL = Number(process.env.BENCH_PORTAL_RESOURCES ?? 20_000);
const RENDERS = 200;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WORDS = [
  'サロン',
  'たいそう',
  '体操',
  'カフェ',
  '買い物',
  'はいしょく',
  '見守り',
  'ウォーキング',
  '教室',
  'ゴミ出し',
];
const SCHEDULES = [
  '毎月第2水曜日 10時〜12時',
  '毎月第4水曜日 午前10時～12時',
  '毎週木曜日 10:00-11:30',
  '毎週月・木曜日 9時半〜11時',
  '毎週火曜日 13時〜15時',
  '毎月第1・第3金曜日 10時〜12時',
  '毎週月曜日から金曜日 10時〜15時 祝日は休み',
  '毎週土曜日 7時〜9時',
  '毎月第2・第4火曜日 13:30〜15:00',
  '毎月1回 第3日曜日 10時〜',
  '毎週水曜日 14時〜16時',
  '毎日 11時〜14時',
  '毎月第1月曜日 10時〜11時30分',
  '毎週金曜日 午後1時〜3時',
  '隔週木曜日',
  '要相談',
];
const GROUPS = ['gather', 'exercise', 'shopping', 'meals', 'watch', undefined];

/** Size as sent (gzip, as the server sends it) and as read. */
const kb = (text: string) =>
  `${(gzipSync(text).length / 1024).toFixed(1)} KB gzip (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`;

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** 200 searches as residents make them: a word, often an area, sometimes a group and a weekday. */
function searches(areaIds: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const p = new URLSearchParams();
    p.set('q', WORDS[i % WORDS.length]!);
    if (i % 4 !== 3) p.set('area', areaIds[i % areaIds.length]!);
    const g = GROUPS[i % GROUPS.length];
    if (g && i % 2 === 0) p.set('group', g);
    if (i % 3 === 0) p.set('when', String(i % 7));
    out.push(`/t/${BIG}/search?${p}`);
  }
  return out;
}

export async function portalBench() {
  ensureBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sasaeai-portal-bench-'));
  const dataDir = path.join(dir, 'pglite');
  try {
    // Data: 20,000 resources with places in 10 地区, written into a PGlite data directory.
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const exec = (text: string, params?: unknown[]) =>
      (
        database.db as unknown as { $client: { query: (t: string, p?: unknown[]) => Promise<unknown> } }
      ).$client.query(text, params);
    const vocab = await vocabulary();
    const t0 = performance.now();
    await generate(exec, [BIG], [TOTAL], vocab);
    // Every resource gets a place in its 地区 (the registry's list and the portal's cards show it).
    await exec(
      `insert into locations (tenant_id, id, name, address, latitude, longitude, area_id, created_at, updated_at)
       select s.tenant_id, s.id, split_part(s.name, ' ', 1) || '会場', 'ベンチ県ベンチ市' || (row_number() over ()) || '番地',
         34.3 + random() * 0.1, 134.0 + random() * 0.1, s.effective_area_ids[1], now(), now()
       from services s where s.tenant_id = $1`,
      [BIG],
    );
    await exec(
      `insert into service_at_locations (tenant_id, id, service_id, location_id)
       select tenant_id, gen_random_uuid(), id, id from services where tenant_id = $1`,
      [BIG],
    );
    // Schedules as towns write them, parsed by the real parser; weekday filters follow the rules.
    const rules = SCHEDULES.map((text) => parseJapaneseSchedule(text));
    await exec(
      `update services s set phones = '[{"number":"0120-000-000","description":"","public":true}]'::jsonb,
         schedules = jsonb_build_array($2::jsonb -> k), weekday_mask = ($3::int[])[k + 1]
       from (select id, abs(hashtext(id::text)) % $4 as k from services where tenant_id = $1) pick
       where s.tenant_id = $1 and s.id = pick.id`,
      [
        BIG,
        JSON.stringify(rules),
        rules.map((r) => r.weekdays.reduce((m: number, d: number) => m | (1 << d), 0)),
        rules.length,
      ],
    );
    const ctx: TenantContext = {
      db: database.db,
      actor: { kind: 'system', label: 'cli' },
      requestId: 'bench',
      now: () => new Date(),
      tenantId: BIG,
    };
    await loadTerms(ctx);
    await exec('analyze');
    console.log(
      `\n[portal] ${TOTAL.toLocaleString()} public resources with places in 1 town (PGlite): generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // 1. Server render, in process.
    const { app } = createApp({ database, config: loadConfig({}, { demo: false }) });
    const areaRows = (await exec(`select id from areas where tenant_id = $1 and layer = 3 order by name`, [
      BIG,
    ])) as { rows: { id: string }[] };
    const paths = searches(areaRows.rows.map((r) => r.id));
    for (const p of paths.slice(0, 20)) await (await app.request(p)).text(); // warm-up
    const render: number[] = [];
    const health: number[] = [];
    let found = 0;
    for (const p of paths) {
      const a = performance.now();
      const res = await app.request(p);
      const html = await res.text();
      render.push(performance.now() - a);
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
      if (!html.includes('件見つかりました') && !html.includes('見つかりませんでした'))
        throw new Error(`${p}: no result line`);
      found += (html.match(/<li class="card">/g) ?? []).length;
      const b = performance.now();
      await (await app.request('/api/health')).text();
      health.push(performance.now() - b);
    }
    await database.close();
    console.table({
      'GET /api/health, in process (baseline)': {
        'p50 ms': +percentile(health, 50).toFixed(2),
        'p95 ms': +percentile(health, 95).toFixed(2),
      },
      'GET /t/{town}/search, server render': {
        'p50 ms': +percentile(render, 50).toFixed(2),
        'p95 ms': +percentile(render, 95).toFixed(2),
      },
    });
    console.log(
      `[portal] search render p95 ${percentile(render, 95).toFixed(1)} ms (goal ≤ 50 ms) · ${(percentile(render, 95) / percentile(health, 95)).toFixed(0)}× the health endpoint's p95 · ${(found / paths.length).toFixed(1)} cards per page on average`,
    );

    // 2. Throughput over HTTP, a separate server process on the same data.
    const { server } = await startServer({ SASAEAI_DATA_DIR: dataDir, DATABASE_URL: '' }, 3911);
    try {
      const load = async (url: string, requests?: { method: 'GET'; path: string }[]) => {
        const r = await autocannon({
          url,
          connections: 50,
          duration: DURATION,
          // PGlite answers one query at a time: under 50 connections some pages wait for seconds.
          timeout: 30,
          ...(requests ? { requests } : {}),
        });
        if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} answers other than 2xx`);
        return { rps: r.requests.average, p99: r.latency.p99, timeouts: r.timeouts, errors: r.errors };
      };
      await load(`${server.url}/api/health`); // warm-up
      const h = await load(`${server.url}/api/health`);
      const s = await load(
        server.url,
        paths.slice(0, 50).map((p) => ({ method: 'GET' as const, path: p })),
      );
      console.log(`\n[portal] 50 connections, ${DURATION} s each, over HTTP`);
      console.table({
        'GET /api/health (baseline)': {
          'requests/s': Math.round(h.rps),
          'p99 ms': h.p99,
          'timeouts (30 s)': h.timeouts,
          errors: h.errors,
        },
        'GET /t/{town}/search (50 different searches)': {
          'requests/s': Math.round(s.rps),
          'p99 ms': s.p99,
          'timeouts (30 s)': s.timeouts,
          errors: s.errors,
        },
      });
      console.log(`[portal] search / health: requests/s ratio ${(s.rps / h.rps).toFixed(3)}`);

      // 3. What the browser loads for the search page.
      const page = await (await fetch(`${server.url}${paths[0]}`)).text();
      const scripts =
        (page.match(/<script\b[^>]*\bsrc=/g) ?? []).length +
        (page.match(/<script\b(?![^>]*type="application\/json")/g) ?? []).length;
      const cssHref = /href="(\/t\/assets\/portal\.css[^"]*)"/.exec(page)?.[1];
      const css = cssHref ? await (await fetch(`${server.url}${cssHref}`)).text() : '';
      console.log(
        `[portal] search page: HTML ${kb(page)}, CSS ${kb(css)} (fonts load per character range), JavaScript ${scripts === 0 ? '0 KB (no script tag)' : `${scripts} script tag(s)`}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
