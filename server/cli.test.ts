import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testdata } from '../testdata';
import { run } from './cli';
import type { Database } from './core/db';
import { openTestDatabase } from './core/testing/test-database';
import { testEngine } from './core/testing/test-engine';

/*
 * The command line runs against the database the environment names: here a fresh PGlite directory
 * or, in the PostgreSQL pass, a fresh database cloned from the migrated template.
 */

const TAKAMATSU = testdata('data/takamatsu/population_0066_202407.csv');

let dir: string;
let pgDatabase: Database | null = null;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sasaeai-cli-'));
  const engine = testEngine();
  if (engine.kind === 'postgres') {
    pgDatabase = await openTestDatabase();
    process.env.DATABASE_URL = (pgDatabase as Database & { url: string }).url;
  } else {
    delete process.env.DATABASE_URL;
    process.env.SASAEAI_DATA_DIR = path.join(dir, 'pglite');
  }
}, 120_000);

afterAll(async () => {
  process.env = saved;
  await pgDatabase?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  let stdout = '';
  const code = await run([...args, '--json'], (s) => {
    stdout += s;
  });
  const lines = stdout.trim().split('\n');
  expect(lines, stdout).toHaveLength(1);
  return { code, out: JSON.parse(lines[0]!) };
}

describe('sasaeai command line', () => {
  it('imports the real 高松市 file into a new tenant and reports the figures as one JSON object', async () => {
    expect((await cli('tenants', 'add', '37201')).out).toMatchObject({
      ok: true,
      tenant: { code: '372013', name: '高松市' },
    });

    const dry = await cli('import', 'population', TAKAMATSU, '--tenant', '372013', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatchObject({ ok: true, dryRun: true, committed: false, rows: 235, toCreate: 235 });

    const real = await cli('import', 'population', TAKAMATSU, '--tenant', '372013');
    expect(real.code).toBe(0);
    expect(real.out).toMatchObject({
      ok: true,
      committed: true,
      createdAreas: 235,
      savedRows: 235,
      encoding: 'utf-8',
    });
    expect(real.out.totals[0]).toMatchObject({ asOf: '2024-07-01', total: 418186, aged65: 120418 });
    expect(real.out.totals[0].agingRate.toFixed(1)).toBe('28.8');
  }, 120_000);

  it('exits 1 with the row errors when a file cannot be imported, and writes nothing', async () => {
    const bad = await cli(
      'import',
      'population',
      testdata('data/localgovjp/2019_localgovjp-sjis.csv'),
      '--tenant',
      '372013',
    );
    expect(bad.code).toBe(1);
    expect(bad.out.ok).toBe(false);
    expect(bad.out.encoding).toBe('cp932');
    expect(bad.out.errors[0].message).toContain('必須の列がありません');
  }, 60_000);

  it('exports the statistics in the 地域・年齢別人口 shape', async () => {
    const file = path.join(dir, 'pop.csv');
    const res = await cli('export', 'population', '--tenant', '372013', '--format', 'csv', '--out', file);
    expect(res.out).toMatchObject({ ok: true, file });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\r\n')).toHaveLength(237); // header + 235 rows + final newline
    expect(text).toContain('塩屋町');
  }, 60_000);

  it('imports a resource list with a category for the whole file, and re-imports it as unchanged', async () => {
    const file = testdata('data/takamatsu/community_center.csv');
    const dry = await cli(
      'import',
      'resources',
      file,
      '--tenant',
      '372013',
      '--category',
      'shisetsu',
      '--dry-run',
    );
    expect(dry.out).toMatchObject({ ok: true, committed: false, rows: 52, counts: { added: 52 } });
    const real = await cli('import', 'resources', file, '--tenant', '372013', '--category', 'shisetsu');
    expect(real.out).toMatchObject({ ok: true, committed: true, counts: { added: 52 } });
    const again = await cli(
      'import',
      'resources',
      file,
      '--tenant',
      '372013',
      '--category',
      'shisetsu',
      '--dry-run',
    );
    expect(again.out.counts).toEqual({ added: 0, changed: 0, unchanged: 52, removed: 0 });
    const out = path.join(dir, 'resources.xlsx');
    const exported = await cli('export', 'resources', '--tenant', '372013', '--format', 'xlsx', '--out', out);
    expect(exported.out.ok).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('answers usage errors in Japanese with exit code 2', async () => {
    const res = await cli('import', 'population', TAKAMATSU);
    expect(res.code).toBe(2);
    expect(res.out.error.message).toContain('--tenant');
  });
});
