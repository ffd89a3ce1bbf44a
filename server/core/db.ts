import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/**
 * One query builder for both engines. Transactions are the same type, so a service can be handed
 * either the database or a transaction in its context.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs the generated SQL migrations (idempotent); returns the tags of those applied now. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** Whether `db` is a transaction (its reads may see its own uncommitted writes, and it ends). */
export const isTransaction = (db: Db) => db instanceof PgTransaction;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../db/migrations', import.meta.url));

/** Extensions PGlite must load so that the same migrations run on both engines. */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gin };

export interface OpenOptions {
  /** PostgreSQL URL; null → PGlite. */
  url?: string | null;
  /** PGlite data directory; undefined → in memory. */
  dataDir?: string;
  /** An already-open PGlite (tests load one from a migrated template). */
  pglite?: PGlite;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  let client = opts.pglite;
  let unlock = () => {};
  if (!client) {
    if (opts.dataDir) {
      mkdirSync(opts.dataDir, { recursive: true });
      unlock = lockDataDir(opts.dataDir);
    }
    try {
      client = await PGlite.create({ dataDir: opts.dataDir, extensions: PGLITE_EXTENSIONS });
    } catch (e) {
      unlock();
      throw e;
    }
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => appliedBy(db, () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR })),
    close: async () => {
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

// DATE columns stay ISO strings: converting them to JS Dates would shift them by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client whose server went away (restart, failover, admin command) must not crash the
  // process: the pool drops it and the next query opens a new one.
  pool.on('error', (err) =>
    console.error(`PostgreSQL の接続が切れました（${err.message}）。次の要求でつなぎ直します。`),
  );
  // Fail at start, with the reason, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    migrate: () => appliedBy(db, () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR })),
    close: async () => {
      await pool.end();
    },
  };
}

/**
 * The tags of the migrations `run` applies: drizzle applies them in journal order and records one
 * row each, so the rows added are the journal's next entries. Lets code that must follow a
 * migration (server/db/upgrade.ts) run once, when that migration does, not on every start.
 */
async function appliedBy(db: Db, run: () => Promise<void>): Promise<string[]> {
  const count = async () => {
    const rows = async (q: ReturnType<typeof sql>) =>
      ((await db.execute(q)) as unknown as { rows: { n: number | null }[] }).rows;
    const [table] = await rows(sql`select to_regclass('drizzle.__drizzle_migrations')::text as n`);
    if (!table?.n) return 0;
    const [row] = await rows(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return Number(row!.n);
  };
  const before = await count();
  await run();
  const after = await count();
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.slice(before, after).map((e) => e.tag);
}

/** Text parameters become SQL literals on PGlite (standard_conforming_strings is on in both engines). */
const literal = (value: string) => {
  if (value.includes('\0')) throw new Error('NUL in a statement parameter');
  return `'${value.replaceAll("'", "''")}'`;
};

const preparedOn = new WeakMap<PGlite, Set<string>>();

/**
 * A read the hot path makes on every request, prepared once per connection. PostgreSQL parses
 * and plans it once (a named statement of node-postgres); PGlite runs it as `EXECUTE` over the
 * simple protocol, which skips the extended protocol's per-message cost (measured ~0.5 → ~0.15 ms
 * a query). Only for the root database, never inside a transaction: on PGlite it would wait for
 * the transaction it is part of. `text` names its parameters $1, $2 … with `types`.
 */
export function preparedRead<Row>(
  name: string,
  types: readonly string[],
  text: string,
): (db: Db, params: readonly string[]) => Promise<Row[]> {
  return async (db, params) => {
    const client = (db as unknown as { $client: PGlite | pg.Pool }).$client;
    if (client instanceof PGlite) {
      const names = preparedOn.get(client) ?? new Set();
      preparedOn.set(client, names);
      if (!names.has(name)) {
        await client.exec(`prepare ${name}(${types.join(', ')}) as ${text}`);
        names.add(name);
      }
      const [result] = await client.exec(`execute ${name}(${params.map(literal).join(', ')})`);
      return result!.rows as Row[];
    }
    const result = await client.query({ name, text, values: [...params] });
    return result.rows as Row[];
  };
}

/** Raised when a second process tries to open the same PGlite directory. */
export class DataDirBusyError extends Error {}

/**
 * PGlite is single-process: a server and a command-line import on the same directory would corrupt
 * it. A pid file makes the second one stop with a clear message instead.
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'sasaeai.pid');
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DataDirBusyError(
        `データフォルダ ${dir} は別のプロセス（PID ${pid}）が使っています。サーバーを止めてから実行するか、DATABASE_URL で PostgreSQL を使ってください。`,
      );
    }
  } catch (e) {
    if (e instanceof DataDirBusyError) throw e;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
