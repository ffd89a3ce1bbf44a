import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { NEEDS_SURVEY_RISK } from '../domain/needs-survey';
import { items } from '../domain/questionnaire';
import { ageBandSql, countJudgementsSql } from '../domain/risk-sql';
import { INSTRUMENTS, judgeKeys, judgeSelect } from '../domain/survey-instruments';
import { randomNeedsAnswers, seeded } from '../domain/survey-samples';
import type { TenantContext } from '../server/core/context';
import { openDatabase } from '../server/core/db';
import { createArea, loadTenantAreas } from '../server/modules/areas';
import {
  commitSurveyImport,
  createSurvey,
  previewSurveyImport,
  resultsSql,
  surveyResults,
} from '../server/modules/surveys';
import { createTenant } from '../server/modules/tenants';

/*
 * ニーズ調査 at the scale of a large town (issue: needs and surveys): 100,000 synthetic responses.
 *  1. Import of the CSV through the real path (preview: parse, map columns, validate every answer,
 *     look for duplicates; commit: all rows in one transaction) — goal ≤ 20 s — against writing the
 *     same rows with plain multi-row INSERTs into a bare table (the floor for PGlite).
 *  2. Scoring plus per-area aggregation: the one SQL the results page runs (every rule judged from
 *     the stored answers, counted by area, by age × sex and overall) — goal ≤ 1 s — and the same
 *     judgement and aggregation in DuckDB straight over the same CSV, in the same run (goal: ours
 *     ≤ 3 × DuckDB's time). Also the whole results call (adds per-question distribution).
 */

const BIG = '372013'; // 高松市
const N = Number(process.env.BENCH_SURVEY_ROWS ?? 100_000);
const TOWNS = Array.from({ length: 40 }, (_, i) => `町丁${i + 1}`);

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

  const database = await openDatabase({});
  await database.migrate();
  const exec = (q: string, p?: unknown[]) =>
    (
      database.db as unknown as {
        $client: { query: (t: string, p?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
      }
    ).$client.query(q, p);
  try {
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

    // 1. Import.
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

    // Baseline: the same answers, as the same text[] vectors, through plain multi-row INSERTs into a bare table.
    await exec('create table bench_plain (no text, town text, answers text[])');
    const lines = text.split('\r\n').slice(1);
    const keys = header.slice(2);
    const b0 = performance.now();
    for (let i = 0; i < lines.length; i += 1000) {
      const params: unknown[] = [];
      const values = lines.slice(i, i + 1000).map((l, j) => {
        const c = l.split(',');
        params.push(
          c[0],
          c[1],
          keys.map((_, x) => c[x + 2] || null),
        );
        return `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`;
      });
      await exec(`insert into bench_plain values ${values.join(',')}`, params);
    }
    const b1 = performance.now();
    const importS = (i2 - i0) / 1000;
    console.log(
      `\n[import] ${N.toLocaleString()}-row ニーズ調査 CSV into PGlite (preview ${((i1 - i0) / 1000).toFixed(1)} s + commit ${((i2 - i1) / 1000).toFixed(1)} s)`,
    );
    console.table({
      'Sasaeai import (parse, map, validate every answer, duplicates, areas)': {
        seconds: Number(importS.toFixed(1)),
        'rows/s': Math.round(N / importS),
      },
      'plain INSERT of the same answers (baseline)': {
        seconds: Number(((b1 - b0) / 1000).toFixed(1)),
        'rows/s': Math.round(N / ((b1 - b0) / 1000)),
      },
    });
    console.log(
      `[import] goal ≤ 20 s: ${importS <= 20 ? 'met' : 'NOT met'} (${importS.toFixed(1)} s) · Sasaeai / plain insert ${(importS / ((b1 - b0) / 1000)).toFixed(1)}×`,
    );

    // 2. Scoring + aggregation: ours (PGlite) against DuckDB over the CSV.
    const instrument = INSTRUMENTS['needs-survey-risk'];
    const query = resultsSql(BIG, survey.id, { instrument: 'needs-survey-risk', thresholds: {} });
    const ruleCount = judgeKeys(instrument, instrument.rules).length;
    const runs = 5;
    const oursMs: number[] = [];
    let groups = 0;
    for (let r = 0; r < runs + 1; r++) {
      const s = performance.now();
      const res = (await database.db.execute(query)) as unknown as { rows: unknown[] };
      if (r > 0) oursMs.push(performance.now() - s);
      groups = res.rows.length;
    }
    const serviceMs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      await surveyResults(ctx, survey.id, { layer: '3' });
      serviceMs.push(performance.now() - s);
    }

    const duck = await DuckDBInstance.create(':memory:');
    const con = await duck.connect();
    await con.run(`create table town_area (town varchar, area varchar)`);
    await con.run(
      `insert into town_area values ${[...districtOf].map(([t, a]) => `('${t}', '${a}')`).join(',')}`,
    );
    // The same generated SQL as ours, reading the CSV's columns (named by item key) instead of the stored vector.
    const duckSql = countJudgementsSql(
      judgeSelect(instrument, instrument.rules, (k) => `c."${k}"`, {
        from: `from read_csv('${file}', all_varchar = true, header = true) c left join town_area ta on ta.town = c."町丁"`,
        fence: false,
        pass: [
          { name: 'area', sql: 'ta.area' },
          { name: 'sex', sql: `coalesce(c."sex", '')` },
          { name: 'band', sql: ageBandSql('cast(c."age" as integer)') },
        ],
      }),
      ruleCount,
    );
    const duckMs: number[] = [];
    let duckGroups = 0;
    for (let r = 0; r < runs + 1; r++) {
      const s = performance.now();
      const reader = await con.runAndReadAll(duckSql);
      if (r > 0) duckMs.push(performance.now() - s);
      duckGroups = reader.getRows().length;
    }
    con.closeSync();
    const o = median(oursMs);
    const d = median(duckMs);
    console.log(
      `\n[results] ${ruleCount} judgements × ${N.toLocaleString()} respondents, counted by area, age × sex and overall (median of ${runs})`,
    );
    console.table({
      'Sasaeai: one SQL over stored answers (PGlite)': { ms: Math.round(o), groups },
      'DuckDB: the same rules and grouping straight over the CSV (baseline)': {
        ms: Math.round(d),
        groups: duckGroups,
      },
      'Sasaeai: whole results call (adds per-question counts, roll-up, suppression)': {
        ms: Math.round(median(serviceMs)),
        groups: '',
      },
    });
    console.log(
      `[results] goal ≤ 1 s: ${o <= 1000 ? 'met' : 'NOT met'} (${Math.round(o)} ms) · Sasaeai / DuckDB ${(o / d).toFixed(2)}× (goal ≤ 3×: ${o / d <= 3 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
