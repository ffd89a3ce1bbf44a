import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from './db';

describe('migrate', () => {
  it('says which migrations it applied: all on a new database, none the second time', async () => {
    const database = await openDatabase({});
    try {
      const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8'));
      expect(await database.migrate()).toEqual(journal.entries.map((e: { tag: string }) => e.tag));
      expect(await database.migrate()).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
