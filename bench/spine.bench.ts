import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { throwawayPostgres } from '../scripts/postgres';
import { DEMO_PASSWORD, DEMO_TENANT } from '../server/db/seed/demo-accounts';

/*
 * `npm run bench` — the spine's benchmarks. Every figure is printed next to a baseline measured in
 * the same run on the same machine, as a ratio:
 *   1. cold start (empty data directory: migrate + load the demo town) to the first served page,
 *      against a warm start of the same server on the data it just created;
 *   2. requests/s and p99 latency of the area list (authenticated, demo town, PGlite) against the
 *      bare health endpoint, 50 connections each.
 * Part 2 runs on PostgreSQL too: BENCH_DATABASE_URL, or a throwaway cluster started here from
 * /usr/lib/postgresql/15/bin when that exists.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

export function ensureBuilt() {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
}

interface Server {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `sasaeai serve --demo` in its own process and resolves when the first page is served. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<{ server: Server; ms: number }> {
  const started = performance.now();
  const proc = spawn(process.execPath, ['bin/sasaeai.mjs', 'serve', '--demo', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`${url}/app/`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  return {
    ms,
    server: {
      url,
      proc,
      stop: () =>
        new Promise<void>((resolve) => {
          proc.once('exit', () => resolve());
          proc.kill('SIGTERM');
        }),
    },
  };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'hokensha@sasae.example', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return /sasaeai_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, total: r.requests.total };
}

async function throughput(label: string, env: NodeJS.ProcessEnv, port: number) {
  const { server } = await startServer(env, port);
  try {
    const cookie = await login(server.url);
    const list = await fetch(`${server.url}/api/t/${DEMO_TENANT.code}/areas`, { headers: { cookie } });
    const areas = ((await list.json()) as { areas: unknown[] }).areas.length;
    await load(`${server.url}/api/health`); // warm-up, not counted
    const health = await load(`${server.url}/api/health`);
    const areaList = await load(`${server.url}/api/t/${DEMO_TENANT.code}/areas`, { cookie });
    console.log(
      `\n[${label}] ${CONNECTIONS} connections, ${DURATION} s each (area list: ${areas} areas with statistics)`,
    );
    console.table({
      'GET /api/health (baseline)': { 'requests/s': Math.round(health.rps), 'p99 ms': health.p99 },
      'GET /api/t/{tenant}/areas': { 'requests/s': Math.round(areaList.rps), 'p99 ms': areaList.p99 },
    });
    console.log(
      `[${label}] area list / health: requests/s ratio ${(areaList.rps / health.rps).toFixed(3)}, p99 ratio ${(areaList.p99 / Math.max(health.p99, 1)).toFixed(1)}×`,
    );
  } finally {
    await server.stop();
  }
}

/** Start-up and area-list throughput (issue: the spine). */
export async function spineBench() {
  ensureBuilt();

  const dir = mkdtempSync(path.join(os.tmpdir(), 'sasaeai-bench-'));
  try {
    const env = { SASAEAI_DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' };
    const cold = await startServer(env, 3901);
    await cold.server.stop();
    const warm = await startServer(env, 3901);
    await warm.server.stop();
    console.log('\n[start-up] to the first served page (/app/), demo town, PGlite');
    console.table({
      'cold: empty data dir (migrate + demo town)': { ms: Math.round(cold.ms) },
      'warm: same data, restart (baseline)': { ms: Math.round(warm.ms) },
    });
    console.log(`[start-up] cold / warm ratio ${(cold.ms / warm.ms).toFixed(2)}×`);

    await throughput('PGlite', env, 3902);
    let url = process.env.BENCH_DATABASE_URL;
    let stop = () => {};
    if (!url) {
      const pg = throwawayPostgres();
      if (typeof pg === 'string') console.log(`\n[PostgreSQL] skipped: ${pg}`);
      else ({ url, stop } = pg);
    }
    try {
      if (url) await throughput('PostgreSQL', { DATABASE_URL: url }, 3903);
    } finally {
      stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
