import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { throwawayPostgres } from './postgres';

/*
 * `npm test`: the whole suite, in order — unit and web, server integration on PGlite, the same
 * server suite on PostgreSQL, then the browser journeys in Chromium.
 *
 * PostgreSQL comes from TEST_DATABASE_URL (CI starts one) or, failing that, a throwaway cluster
 * started here from /usr/lib/postgresql/15/bin. Under CI=true a missing PostgreSQL or Chromium
 * fails the run; elsewhere the step is reported as NOT RUN, loudly, with what to install.
 */

const CI = process.env.CI === 'true';
const CHROMIUM = '/usr/bin/chromium';
const only = process.argv[2];

interface Step {
  name: string;
  status: 'passed' | 'failed' | 'not run';
  seconds: number;
  note?: string;
}
const steps: Step[] = [];

function vitest(name: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  steps.push({ name, status: r.status === 0 ? 'passed' : 'failed', seconds: (Date.now() - started) / 1000 });
}

function notRun(name: string, why: string): void {
  steps.push({ name, status: CI ? 'failed' : 'not run', seconds: 0, note: why });
  console.log(`\n━━ ${name} ━━\n${CI ? '失敗' : '実行していません'}：${why}`);
}

function postgresStep(): void {
  const name = 'サーバー結合テスト（PostgreSQL）';
  let url = process.env.TEST_DATABASE_URL;
  let stop = () => {};
  if (!url) {
    const pg = throwawayPostgres();
    if (typeof pg === 'string') {
      notRun(
        name,
        `${pg} TEST_DATABASE_URL を設定するか、apt-get install postgresql-15 を実行してください。`,
      );
      return;
    }
    url = pg.url;
    stop = pg.stop;
  }
  try {
    vitest(name, ['--project', 'server'], { SASAEAI_TEST_ENGINE: 'postgres', TEST_DATABASE_URL: url });
  } finally {
    stop();
  }
}

function e2eStep(): void {
  const name = 'ブラウザでの通し確認（Chromium）';
  if (!existsSync(CHROMIUM)) {
    notRun(name, `${CHROMIUM} がありません。apt-get install chromium fonts-noto-cjk を実行してください。`);
    return;
  }
  vitest(name, ['--project', 'e2e']);
}

if (only === 'e2e') {
  e2eStep();
} else {
  vitest('単体テスト（domain・contracts・画面部品）', ['--project', 'unit', '--project', 'web']);
  vitest('サーバー結合テスト（PGlite）', ['--project', 'server']);
  postgresStep();
  e2eStep();
}

console.log('\n━━ まとめ ━━');
for (const s of steps) {
  const mark = s.status === 'passed' ? '✔' : s.status === 'failed' ? '✘' : '－';
  console.log(`${mark} ${s.name}  ${s.status}  ${s.seconds.toFixed(1)} s${s.note ? `  (${s.note})` : ''}`);
}
const failed = steps.some((s) => s.status === 'failed');
const skipped = steps.some((s) => s.status === 'not run');
if (skipped) console.log('\n注意：実行していない段階があります。CI（CI=true）ではこれは失敗になります。');
process.exit(failed ? 1 : 0);
