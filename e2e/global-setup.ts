import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { tsImport } from 'tsx/esm/api';
import type { TestProject } from 'vitest/node';
import type * as ConfigModule from '../server/core/config';
import type { BaseContext } from '../server/core/context';
import type * as IdentityTables from '../server/core/identity.tables';
import type * as MainModule from '../server/main';
import type * as AccountsModule from '../server/modules/accounts';
import type * as TenantsModule from '../server/modules/tenants';
import { CHROMIUM } from './support';

/*
 * Builds the workspace when its sources changed, starts the real server (PGlite in a fresh data
 * directory, demo town seeded) on a free port, and gives the 保険者 demo user a second, real
 * tenant: 高松市 (372013), into which the journey imports 高松市's published population file.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A file holding how many milliseconds the server's clock runs ahead (see `e2e/clock.ts`). */
    clockFile: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist/web');

export const TAKAMATSU = { code: '372013', name: '高松市' } as const;
export const INSURER_EMAIL = 'hokensha@sasae.example';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.endsWith('.test.tsx') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The built workspace is older than any source it is made from (web, and the contracts and domain it imports). */
export function buildIsStale(): boolean {
  const index = path.join(DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'web')),
    newestMtime(path.join(ROOT, 'contracts')),
    newestMtime(path.join(ROOT, 'domain')),
    statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const message = `ブラウザーのテストには ${CHROMIUM} が必要です（apt-get install -y chromium fonts-noto-cjk）。`;
    // In CI a missing browser must fail the run; locally the caller decides whether to run e2e at all.
    throw new Error(process.env.CI === 'true' ? `CI: ${message}` : message);
  }

  if (buildIsStale()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }

  // The server is loaded the way `bin/sasaeai.mjs` runs it in production (Node + tsx), not through
  // Vite's module runner, whose ESM-first resolution differs for CommonJS packages such as rrule.
  const load = <T>(file: string) =>
    tsImport(new URL(file, import.meta.url).href, import.meta.url) as Promise<T>;
  const { startServer } = await load<typeof MainModule>('../server/main.ts');
  const { loadConfig } = await load<typeof ConfigModule>('../server/core/config.ts');
  const { users } = await load<typeof IdentityTables>('../server/core/identity.tables.ts');
  const { addMembership } = await load<typeof AccountsModule>('../server/modules/accounts/index.ts');
  const { createTenant } = await load<typeof TenantsModule>('../server/modules/tenants/index.ts');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sasaeai-e2e-'));
  // Journeys that span days (a referral followed for two weeks) move the server's clock through
  // this file; every other journey runs on the real time.
  const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'sasaeai-e2e-clock-')), 'offset');
  writeFileSync(clockFile, '0');
  const server = await startServer(
    // tiles: null — the network is closed here; maps draw boundaries and markers on a plain background.
    loadConfig(process.env, { port: 0, demo: true, dataDir, databaseUrl: null, webDist: DIST, tiles: null }),
    () => {},
    () => new Date(Date.now() + (Number(readFileSync(clockFile, 'utf8')) || 0)),
  );

  try {
    const ctx: BaseContext = {
      db: server.database.db,
      actor: { kind: 'system', label: 'test' },
      requestId: 'e2e',
      now: () => new Date(),
    };
    await createTenant(ctx, { code: TAKAMATSU.code });
    const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, INSURER_EMAIL));
    if (!user) throw new Error(`デモ用アカウント ${INSURER_EMAIL} がありません`);
    await addMembership(
      { ...ctx, tenantId: TAKAMATSU.code },
      { userId: user.id, role: 'insurer_staff', areaIds: [] },
    );
  } catch (e) {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }

  project.provide('baseUrl', server.url);
  project.provide('clockFile', clockFile);

  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(path.dirname(clockFile), { recursive: true, force: true });
  };
}
