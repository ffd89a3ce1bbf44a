import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * `npm ci` refuses a lockfile that lacks an entry for any optional dependency, even one for another
 * platform. The registry mirror here only carries Linux builds of some packages (Biome), so a plain
 * `npm install` drops their other-platform entries and CI then fails before running a test.
 * See docs/decisions/0009-lockfile-and-the-registry-mirror.md for the fix.
 */
describe('package-lock.json', () => {
  it('has an entry for every optional dependency, so that npm ci accepts it', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${dep}`])
          missing.push(`${path || '(root)'} → ${dep}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
