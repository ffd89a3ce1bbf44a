import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { NEEDS_SURVEY_RISK } from '../domain/needs-survey';
import { items } from '../domain/questionnaire';
import { ageBandSql, countJudgementsSql } from '../domain/risk-sql';
import { INSTRUMENTS, judgeKeys, judgeSelect } from '../domain/survey-instruments';
import { randomNeedsAnswers, seeded } from '../domain/survey-samples';
import { throwawayPostgres } from '../scripts/postgres';
import type { TenantContext } from '../server/core/context';
import { type Database, openDatabase } from '../server/core/db';
import { createArea, loadTenantAreas } from '../server/modules/areas';
import {
  commitSurveyImport,
  createSurvey,
  previewSurveyImport,
  resultsFromAnswersSql,
  resultsSql,
  surveyResults,
} from '../server/modules/surveys';
import { createTenant } from '../server/modules/tenants';

/*
 * ニーズ調査 at the scale of a large town (issue: needs and surveys): 100,000 synthetic responses.
 *  1. Import of the CSV through the real path (preview: parse, map columns, validate every answer,
 *     look for duplicates, build the stored vectors; commit: all rows in one transaction) — goal
 *     ≤ 20 s — against writing the same vectors with plain multi-row INSERTs into a bare table.
 *  2. Scoring plus aggregation: the one SQL the results page runs (every rule judged from the stored
 *     answers with the survey's thresholds, counted by area × sex × age band) — goal ≤ 1 s — on
 *     PGlite and on PostgreSQL, and the same generated SQL in DuckDB straight over the same CSV in
 *     the same run (goal: ours ≤ 3 × DuckDB's time). Also the whole results call (adds the answers
 *     per option, roll-ups and suppression).
 */

const BIG = '372013'; // 高松市
const N = Number(process.env.BENCH_SURVEY_ROWS ?? 100_000);
const TOWNS = Array.from({ length: 40 }, (_, i) => `町丁${i + 1}`);
const RUNS = 5;

function csv(n: number): { text: string; header: string[] } {
  const keys = items(NEEDS_SURVEY_RISK).map((i) => i.key);
  const header = ['調査票番号', '町丁', ...keys];
  const rand = seeded(100_000);
  const lines = [header.join(',')];
  for (let i = 0; i < n; i++) {
    const a = randomNeedsAnswers(rand);
    lines.push(
      [String(i + 1).padStart(6, '0'), TOWNS[i % TOWNS.length], ...keys.map((k) => a[k] ?? '')].join(','),
    );
  }
  return { text: lines.join('\r\n'), header };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Exec = (q: string, p?: unknown[]) => Promise<unknown>;

/** One engine: the town, the import (timed against a plain insert), then the results (timed). */
async function onEngine(label: string, database: Database, exec: Exec, bytes: Uint8Array, text: string) {
  const system = {
    db: database.db,
    actor: { kind: 'system' as const, label: 'cli' as const },
    requestId: 'bench',
    now: () => new Date(),
  };
  await createTenant(system, { code: BIG });
  const ctx: TenantContext = { ...system, tenantId: BIG };
  const root = (await loadTenantAreas(ctx)).find((a) => a.layer === 1)!;
  const districtOf = new Map<string, string>();
  for (let r = 0; r < 4; r++) {
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
    for (let d = 0; d < 5; d++) {
      const towns = TOWNS.slice((r * 5 + d) * 2, (r * 5 + d) * 2 + 2);
      const district = await createArea(ctx, {
        name: `地区${r * 5 + d + 1}`,
        kana: '',
        layer: 3,
        kind: '地区',
        parentId: region.id,
        validFromFy: null,
        validToFy: null,
        townNames: towns,
        sortOrder: d,
      });
      for (const t of towns) districtOf.set(t, district.id);
    }
  }
  const survey = await createSurvey(ctx, {
    title: 'ベンチ ニーズ調査',
    instrument: 'needs-survey-risk',
    fiscalYear: 2025,
    thresholds: {},
  });

  const i0 = performance.now();
  const preview = await previewSurveyImport(ctx, survey.id, {
    fileName: 'needs.csv',
    headerRows: 'auto',
    bytes,
  });
  const i1 = performance.now();
  if (!preview.canCommit)
    throw new Error(`bench import refused: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  const done = await commitSurveyImport(ctx, survey.id, preview.id);
  const i2 = performance.now();
  if (done.added !== N) throw new Error(`bench import added ${done.added}`);

  // Baseline: the same answers, as the same text[] vectors, through plain multi-row INSERTs.
  await exec('create table bench_plain (no text, town text, answers text[])');
  const lines = text.split('\r\n').slice(1);
  const width = lines[0]!.split(',').length - 2;
  const b0 = performance.now();
  for (let i = 0; i < lines.length; i += 1000) {
    const params: unknown[] = [];
    const values = lines.slice(i, i + 1000).map((l, j) => {
      const c = l.split(',');
      params.push(
        c[0],
        c[1],
        Array.from({ length: width }, (_, x) => c[x + 2] || null),
      );
      return `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`;
    });
    await exec(`insert into bench_plain values ${values.join(',')}`, params);
  }
  const b1 = performance.now();

  const timed = async (q: ReturnType<typeof resultsSql>) => {
    const ms: number[] = [];
    for (let r = 0; r < RUNS + 1; r++) {
      const s = performance.now();
      await database.db.execute(q);
      if (r > 0) ms.push(performance.now() - s);
    }
    return median(ms);
  };
  const plainSurvey = { instrument: 'needs-survey-risk', thresholds: {} };
  const sql = await timed(resultsSql(BIG, survey.id, plainSurvey));
  const fromAnswers = await timed(resultsFromAnswersSql(BIG, survey.id, plainSurvey));
  const serviceMs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const s = performance.now();
    await surveyResults(ctx, survey.id, { layer: '3' });
    serviceMs.push(performance.now() - s);
  }
  return {
    label,
    preview: (i1 - i0) / 1000,
    commit: (i2 - i1) / 1000,
    plain: (b1 - b0) / 1000,
    sql,
    fromAnswers,
    service: median(serviceMs),
    districtOf,
  };
}

async function onDuckDb(file: string, districtOf: Map<string, string>) {
  const instrument = INSTRUMENTS['needs-survey-risk'];
  const duck = await DuckDBInstance.create(':memory:');
  const con = await duck.connect();
  await con.run('create table town_area (town varchar, area varchar)');
  await con.run(
    `insert into town_area values ${[...districtOf].map(([t, a]) => `('${t}', '${a}')`).join(',')}`,
  );
  // The same generated SQL, reading the CSV's columns (named by item key) instead of the stored
  // vector, without the OFFSET 0 fences PostgreSQL needs (DuckDB plans better without them).
  const q = countJudgementsSql(
    judgeSelect(instrument, instrument.rules, (k) => `c."${k}"`, {
      from: `from read_csv('${file}', all_varchar = true, header = true) c left join town_area ta on ta.town = c."町丁"`,
      fence: false,
      pass: [
        { name: 'area', sql: 'ta.area' },
        { name: 'sex', sql: `coalesce(c."sex", '')` },
        { name: 'band', sql: ageBandSql('cast(c."age" as integer)') },
      ],
    }),
    judgeKeys(instrument, instrument.rules).length,
  );
  const ms: number[] = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const s = performance.now();
    await con.runAndReadAll(q);
    if (r > 0) ms.push(performance.now() - s);
  }
  con.closeSync();
  return median(ms);
}

export async function surveysBench() {
  const t0 = performance.now();
  const { text, header } = csv(N);
  const bytes = new TextEncoder().encode(text);
  console.log(
    `[data] ${N.toLocaleString()} responses × ${header.length} columns, ${(bytes.length / 2 ** 20).toFixed(1)} MiB CSV (${((performance.now() - t0) / 1000).toFixed(1)} s to generate)`,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sasaeai-survey-bench-'));
  const file = path.join(dir, 'needs.csv');
  writeFileSync(file, bytes);
  const results = [];
  try {
    const lite = await openDatabase({});
    await lite.migrate();
    const client = (lite.db as unknown as { $client: { query: Exec } }).$client;
    try {
      results.push(await onEngine('PGlite', lite, (q, p) => client.query(q, p), bytes, text));
    } finally {
      await lite.close();
    }
    const server = throwawayPostgres(['shared_buffers=512MB', 'work_mem=64MB']);
    if (typeof server === 'string') console.log(`[PostgreSQL] skipped: ${server}`);
    else {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query('create database sasaeai_survey_bench');
      await admin.end();
      const u = new URL(server.url);
      u.pathname = '/sasaeai_survey_bench';
      const database = await openDatabase({ url: u.toString() });
      const c = new pg.Client({ connectionString: u.toString() });
      try {
        await database.migrate();
        await c.connect();
        results.push(
          await onEngine('PostgreSQL', database, (q, p) => c.query(q, p as unknown[]), bytes, text),
        );
      } finally {
        await c.end().catch(() => {});
        await database.close();
        server.stop();
      }
    }
    const duck = await onDuckDb(file, results[0]!.districtOf);

    console.log(
      `\n[import] ${N.toLocaleString()}-row ニーズ調査 CSV (preview + commit) against a plain INSERT of the same vectors`,
    );
    console.table(
      Object.fromEntries(
        results.map((r) => [
          r.label,
          {
            'preview s': Number(r.preview.toFixed(1)),
            'commit s': Number(r.commit.toFixed(1)),
            'total s': Number((r.preview + r.commit).toFixed(1)),
            'rows/s': Math.round(N / (r.preview + r.commit)),
            'plain INSERT s (baseline)': Number(r.plain.toFixed(1)),
            ratio: `${((r.preview + r.commit) / r.plain).toFixed(1)}×`,
            'goal ≤ 20 s': r.preview + r.commit <= 20 ? 'met' : 'NOT met',
          },
        ]),
      ),
    );
    console.log(
      `\n[results] ${judgeKeys(INSTRUMENTS['needs-survey-risk'], INSTRUMENTS['needs-survey-risk'].rules).length} judgements × ${N.toLocaleString()} respondents, counted by area × sex × age band (median of ${RUNS})`,
    );
    const row = (ms: number, service: number | '') => ({
      ms: Math.round(ms),
      'vs DuckDB': `${(ms / duck).toFixed(2)}×`,
      'goal ≤ 1 s': ms <= 1000 ? 'met' : 'NOT met',
      'goal ≤ 3× DuckDB': ms / duck <= 3 ? 'met' : 'NOT met',
      'whole results call ms': service === '' ? '' : Math.round(service),
    });
    console.table({
      ...Object.fromEntries(
        results.flatMap((r) => [
          [
            `${r.label}: judge the stored tallies with the thresholds, count (what the page runs)`,
            row(r.sql, r.service),
          ],
          [`${r.label}: judge from the stored answers themselves, count`, row(r.fromAnswers, '')],
        ]),
      ),
      'DuckDB over the CSV (baseline)': {
        ms: Math.round(duck),
        'vs DuckDB': '1.00×',
        'goal ≤ 1 s': '',
        'goal ≤ 3× DuckDB': '',
        'whole results call ms': '',
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
