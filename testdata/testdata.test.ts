import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdata } from './index';

const shared = testdata('../../shared');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('testdata', () => {
  const present = existsSync(path.join(shared, 'data'));
  it.runIf(present)('is byte-identical to ../shared (the files are real and unedited)', () => {
    const mine = [...files(testdata('data')), ...files(testdata('standards'))].filter(
      (f) => !f.endsWith('.ts'),
    );
    expect(mine.length).toBeGreaterThan(20);
    for (const f of mine) {
      const rel = path.relative(testdata('.'), f);
      expect(sha(f), rel).toBe(sha(path.join(shared, rel)));
    }
  });

  it('holds the files the tests read', () => {
    for (const f of [
      'data/takamatsu/population_0066_202407.csv',
      'data/localgovjp/2019_localgovjp-sjis.csv',
      'data/japan-topography/geojson_s0010_N03-21_37_210101.json',
      'standards/hsds-3.0/schema/compiled/service.json',
    ]) {
      expect(existsSync(testdata(f)), f).toBe(true);
    }
  });
});
