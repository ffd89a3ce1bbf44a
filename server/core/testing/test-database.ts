import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, PGLITE_EXTENSIONS } from '../db';
import { withDatabase } from './global-setup';
import { testEngine } from './test-engine';

/** A fresh, migrated database for one test file, on the engine of this run. Close it in afterAll. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const engine = testEngine();
  if (engine.kind === 'pglite') {
    const template = readFileSync(inject('pgliteTemplate'));
    const client = await PGlite.create({ loadDataDir: new Blob([template]), extensions: PGLITE_EXTENSIONS });
    return openDatabase({ pglite: client });
  }
  const name = `sasaeai_t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: engine.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = withDatabase(engine.url, name);
  const database = await openDatabase({ url });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: engine.url });
      await c.connect();
      // pool.end() resolves before its clients' sockets have closed; dropping WITH (FORCE) at that
      // moment kills them mid-goodbye and pg raises an uncaught 57P01 that fails the run. Wait for them.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
          name,
        ]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
