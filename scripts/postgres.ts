import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';

/** A PostgreSQL 15 cluster in a temporary directory, on 127.0.0.1, stopped and removed at exit. */
export function throwawayPostgres(settings: string[] = []): { url: string; stop: () => void } | string {
  if (!existsSync(path.join(PGBIN, 'initdb'))) return `PostgreSQL が見つかりません（${PGBIN}）。`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sasaeai-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', path.join(PGBIN, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(path.join(PGBIN, cmd), args, { encoding: 'utf8' });
  if (asRoot) spawnSync('chown', ['postgres:postgres', dir]);
  const port = String(54000 + (process.pid % 1000));
  const init = run('initdb', [
    '-D',
    `${dir}/data`,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  if (init.status !== 0) return `initdb に失敗しました：${init.stderr}`;
  const start = run('pg_ctl', [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/log`,
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200 ${settings.map((x) => `-c ${x}`).join(' ')}`,
    'start',
  ]);
  if (start.status !== 0) return `PostgreSQL を起動できませんでした：${start.stderr}`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run('pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
