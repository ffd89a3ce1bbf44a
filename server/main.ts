import { serve } from '@hono/node-server';
import { createApp } from './app';
import { type Config, loadConfig } from './core/config';
import { type Database, openDatabase } from './core/db';
import { seedDemoTown } from './db/seed/demo-town';
import { upgradeData } from './db/upgrade';

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database (PGlite unless DATABASE_URL), migrates (and upgrades data), seeds the demo town if asked, serves. */
export async function startServer(
  config: Config = loadConfig(),
  log = console.error,
  /** The server's clock; only the browser journeys move it (to follow a referral over two weeks). */
  now: () => Date = () => new Date(),
): Promise<RunningServer> {
  const started = Date.now();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await upgradeData(database, { applied: await database.migrate(), now });
  if (config.demo && (await seedDemoTown(database, now)))
    log('デモ用の架空の町「ささえ町」を読み込みました。');
  const { app } = createApp({ database, config, now });
  // Requests whose client went away still run to the end; the database closes only after them.
  let inflight = 0;
  let drained: (() => void) | null = null;
  const fetch = async (request: Request, env: unknown) => {
    inflight++;
    try {
      return await app.fetch(request, env as never);
    } finally {
      if (--inflight === 0) drained?.();
    }
  };
  const server = serve({ fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const where = database.engine === 'pglite' ? `PGlite（${config.dataDir}）` : 'PostgreSQL';
  log(`ささえあい を ${url}/app/ で起動しました（データベース：${where}、${Date.now() - started} ms）。`);
  return {
    url,
    database,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (inflight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, 10_000).unref();
        });
      }
      await database.close();
    },
  };
}
