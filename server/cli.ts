import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../contracts/areas';
import { type ImportMapping, RESOURCE_EXPORT_FORMATS } from '../contracts/resources';
import { normalizeLocalGovCode } from '../domain/local-gov-code';
import { isRole } from '../domain/roles';
import { type Config, loadConfig } from './core/config';
import type { BaseContext, TenantContext } from './core/context';
import { type Database, openDatabase } from './core/db';
import { AppError } from './core/errors';
import { seedDemoTown } from './db/seed/demo-town';
import { upgradeData } from './db/upgrade';
import { startServer } from './main';
import { addMembership, createUser } from './modules/accounts';
import {
  commitPopulationImport,
  exportAreas,
  exportPopulation,
  previewPopulationImport,
} from './modules/areas';
import { commitImport, exportResources, previewImport, remapImport } from './modules/resources';
import { createTenant, getTenant, listTenants } from './modules/tenants';

/*
 * `sasaeai` — the command line for IT staff. Each command calls the same services as the HTTP API,
 * acting as the system. With --json, exactly one JSON object (counts, errors) goes to stdout.
 */

const USAGE = `使い方: sasaeai <コマンド> [オプション]

  serve [--port 3000] [--host 127.0.0.1] [--demo]      サーバーを起動する
  migrate                                              データベースを最新の形にする
  seed demo                                            デモ用の架空の町を読み込む
  tenants add <団体コード> [--insurer-number <番号>]     団体（市町村）を登録する
  tenants list                                         団体の一覧
  users add --email <メール> --name <名前> [--system-admin] [--tenant <コード> --role <役割>]
                                                       利用者を作る（パスワードは環境変数 SASAEAI_PASSWORD）
  import population <ファイル> --tenant <コード> [--as-of YYYY-MM-DD] [--dry-run]
                                                       人口統計（地域・年齢別人口）を取り込む
  import resources <ファイル> --tenant <コード> [--mapping 保存した割り当て] [--category 分類コード]
                 [--kind formal|informal] [--source 元データの名前] [--dry-run]
                                                       地域資源の一覧（CSV・xlsx・GeoJSON・HSDS）を取り込む
  export <areas|population|resources> --tenant <コード> [--format csv|json|geojson|xlsx|hsds] [--out ファイル|-]
                                                       地域・人口統計・地域資源を書き出す

どのコマンドも --json をつけると、結果をひとつの JSON として標準出力に出します。
データベースは DATABASE_URL（PostgreSQL）か SASAEAI_DATA_DIR（PGlite、既定 ./data/pglite）で選びます。`;

class UsageError extends Error {}

const system = { kind: 'system' as const, label: 'cli' as const };

function baseContext(database: Database): BaseContext {
  return { db: database.db, actor: system, requestId: `cli-${process.pid}`, now: () => new Date() };
}

function tenantOf(value: string | undefined): string {
  if (!value) throw new UsageError('--tenant <団体コード> を指定してください。');
  const r = normalizeLocalGovCode(value);
  if (!r.ok) throw new UsageError(`--tenant：${r.message}`);
  return r.code;
}

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await upgradeData(database, { applied: await database.migrate() });
    return await fn(database);
  } finally {
    await database.close();
  }
}

type Summary = Record<string, unknown> & { ok: boolean };

export async function run(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      host: { type: 'string' },
      tenant: { type: 'string' },
      'insurer-number': { type: 'string' },
      'as-of': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'system-admin': { type: 'boolean', default: false },
      mapping: { type: 'string' },
      category: { type: 'string' },
      kind: { type: 'string' },
      source: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const json = values.json;
  const say = (text: string) => {
    if (!json) out(`${text}\n`);
  };
  const [command, sub, arg] = positionals;
  const config = loadConfig(process.env, {
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(values.demo ? { demo: true } : {}),
  });

  const finish = (summary: Summary): number => {
    if (json) out(`${JSON.stringify(summary)}\n`);
    return summary.ok ? 0 : 1;
  };

  try {
    if (!command || values.help) {
      out(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    switch (command) {
      case 'serve': {
        const server = await startServer(config);
        if (json)
          out(`${JSON.stringify({ ok: true, url: `${server.url}/app/`, engine: server.database.engine })}\n`);
        const stop = async () => {
          await server.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return await new Promise<number>(() => {});
      }
      case 'migrate':
        return finish(
          await withDatabase(config, async (db) => {
            say(`マイグレーションを適用しました（${db.engine}）。`);
            return { ok: true, engine: db.engine };
          }),
        );
      case 'seed': {
        if (sub !== 'demo') throw new UsageError('seed demo と指定してください。');
        return finish(
          await withDatabase(config, async (db) => {
            const seeded = await seedDemoTown(db);
            say(
              seeded
                ? 'デモ用の架空の町「ささえ町」を読み込みました。'
                : 'デモ用の町はすでに読み込まれています。',
            );
            return { ok: true, seeded };
          }),
        );
      }
      case 'tenants':
        return finish(await withDatabase(config, (db) => tenantsCommand(db, sub, arg, values, say)));
      case 'users':
        return finish(await withDatabase(config, (db) => usersCommand(db, sub, values, say)));
      case 'import': {
        if (sub !== 'population' && sub !== 'resources') {
          throw new UsageError(
            'import population <ファイル> または import resources <ファイル> と指定してください。',
          );
        }
        if (!arg) throw new UsageError('取り込むファイルを指定してください。');
        const tenantId = tenantOf(values.tenant);
        if (sub === 'resources') {
          return finish(await withDatabase(config, (db) => importResources(db, tenantId, arg, values, say)));
        }
        return finish(
          await withDatabase(config, (db) =>
            importPopulation(db, tenantId, arg, values['as-of'], values['dry-run'], say),
          ),
        );
      }
      case 'export': {
        const kind = [...EXPORT_KINDS, 'resources' as const].find((k) => k === sub);
        if (!kind)
          throw new UsageError(
            `export の種類は ${[...EXPORT_KINDS, 'resources'].join(' / ')} のどれかです。`,
          );
        const formats: readonly string[] = kind === 'resources' ? RESOURCE_EXPORT_FORMATS : EXPORT_FORMATS;
        const format = formats.find((f) => f === values.format);
        if (!format) throw new UsageError(`--format は ${formats.join(' / ')} のどれかです。`);
        const tenantId = tenantOf(values.tenant);
        return finish(
          await withDatabase(config, async (db) => {
            const ctx: TenantContext = { ...baseContext(db), tenantId };
            await getTenant(ctx);
            const file =
              kind === 'resources'
                ? await exportResources(ctx, format as (typeof RESOURCE_EXPORT_FORMATS)[number])
                : kind === 'areas'
                  ? await exportAreas(ctx, format as (typeof EXPORT_FORMATS)[number])
                  : await exportPopulation(ctx, format as (typeof EXPORT_FORMATS)[number]);
            const body = typeof file.body === 'string' ? file.body : Buffer.from(file.body);
            if (values.out === '-') {
              out(typeof body === 'string' ? body : body.toString('utf8'));
              return { ok: true, fileName: file.fileName, bytes: Buffer.byteLength(body) };
            }
            const target = path.resolve(values.out ?? file.fileName);
            writeFileSync(target, body);
            say(`${target} に書き出しました。`);
            return { ok: true, file: target, bytes: Buffer.byteLength(body) };
          }),
        );
      }
      default:
        throw new UsageError(`知らないコマンドです：${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      if (json) out(`${JSON.stringify({ ok: false, error: { code: 'usage', message: e.message } })}\n`);
      else process.stderr.write(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof AppError) {
      const error = { code: e.code, message: e.message, fields: e.fields ?? [] };
      if (json) out(`${JSON.stringify({ ok: false, error })}\n`);
      else
        process.stderr.write(
          `${[e.message, ...(e.fields ?? []).map((f) => `  - ${f.message}`)].join('\n')}\n`,
        );
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    if (json) out(`${JSON.stringify({ ok: false, error: { code: 'internal', message } })}\n`);
    else process.stderr.write(`${message}\n`);
    return 1;
  }
}

type Values = Record<string, string | boolean | undefined>;

async function tenantsCommand(
  db: Database,
  sub: string | undefined,
  arg: string | undefined,
  values: Values,
  say: (s: string) => void,
): Promise<Summary> {
  const ctx = baseContext(db);
  if (sub === 'list') {
    const list = await listTenants(ctx);
    for (const t of list) say(`${t.code}  ${t.prefecture}${t.name}${t.fictional ? '（架空の町）' : ''}`);
    return { ok: true, tenants: list.map((t) => ({ code: t.code, name: t.name, prefecture: t.prefecture })) };
  }
  if (sub === 'add') {
    if (!arg) throw new UsageError('tenants add <団体コード> と指定してください。');
    const t = await createTenant(ctx, {
      code: arg,
      insurerNumber: typeof values['insurer-number'] === 'string' ? values['insurer-number'] : undefined,
    });
    say(`${t.prefecture}${t.name}（${t.code}）を登録しました。`);
    return { ok: true, tenant: { code: t.code, name: t.name, prefecture: t.prefecture } };
  }
  throw new UsageError('tenants add または tenants list と指定してください。');
}

async function usersCommand(
  db: Database,
  sub: string | undefined,
  values: Values,
  say: (s: string) => void,
): Promise<Summary> {
  if (sub !== 'add') throw new UsageError('users add と指定してください。');
  const email = values.email;
  const name = values.name;
  if (typeof email !== 'string' || typeof name !== 'string')
    throw new UsageError('--email と --name を指定してください。');
  const password = process.env.SASAEAI_PASSWORD;
  if (!password) throw new UsageError('パスワードを環境変数 SASAEAI_PASSWORD で渡してください。');
  const ctx = baseContext(db);
  const user = await createUser(ctx, {
    email,
    displayName: name,
    password,
    systemAdmin: Boolean(values['system-admin']),
  });
  let membership: { tenant: string; role: string } | null = null;
  if (values.tenant || values.role) {
    const role = String(values.role ?? '');
    if (!isRole(role))
      throw new UsageError('--role は insurer_staff / sc1 / sc2 / council_member / reader のどれかです。');
    const tenantId = tenantOf(values.tenant as string | undefined);
    await addMembership({ ...ctx, tenantId }, { userId: user.id, role, areaIds: [] });
    membership = { tenant: tenantId, role };
  }
  say(`${user.email} を作成しました。`);
  return { ok: true, user, membership };
}

async function importPopulation(
  db: Database,
  tenantId: string,
  file: string,
  asOf: string | undefined,
  dryRun: boolean,
  say: (s: string) => void,
): Promise<Summary> {
  const ctx: TenantContext = { ...baseContext(db), tenantId };
  await getTenant(ctx);
  const bytes = new Uint8Array(readFileSync(file));
  const preview = await previewPopulationImport(ctx, { fileName: path.basename(file), asOf, bytes });
  say(`ファイル：${preview.fileName}（${preview.encodingLabel}、${preview.formatLabel}）`);
  say(`データ行：${preview.rowCount}件、基準日：${preview.asOfDates.join('、') || 'なし'}`);
  for (const t of preview.totals) {
    say(
      `  ${t.asOf}：総人口 ${t.total.toLocaleString('ja-JP')}人、65歳以上 ${t.aged65?.toLocaleString('ja-JP') ?? '—'}人、高齢化率 ${t.agingRate?.toFixed(1) ?? '—'}%`,
    );
  }
  for (const w of preview.warnings) say(`注意：${w.message}`);
  for (const e of preview.errors) say(`エラー：${e.message}`);
  const base = {
    fileName: preview.fileName,
    encoding: preview.encoding,
    rows: preview.rowCount,
    matched: preview.matched.length,
    toCreate: preview.toCreate.length,
    totals: preview.totals,
    errors: preview.errors,
    warnings: preview.warnings,
  };
  if (!preview.canCommit) {
    say('エラーがあるため、何も保存していません。');
    return { ok: false, dryRun, committed: false, ...base };
  }
  if (dryRun) {
    say('確認だけ行いました（--dry-run）。保存していません。');
    return { ok: true, dryRun, committed: false, ...base };
  }
  const done = await commitPopulationImport(ctx, preview.id);
  say(`保存しました：統計 ${done.savedRows}件、新しい地区 ${done.createdAreas}件。`);
  return {
    ok: true,
    dryRun,
    committed: true,
    createdAreas: done.createdAreas,
    savedRows: done.savedRows,
    ...base,
  };
}

async function importResources(
  db: Database,
  tenantId: string,
  file: string,
  values: Values,
  say: (s: string) => void,
): Promise<Summary> {
  const ctx: TenantContext = { ...baseContext(db), tenantId };
  await getTenant(ctx);
  const bytes = new Uint8Array(readFileSync(file));
  let preview = await previewImport(ctx, {
    fileName: path.basename(file),
    bytes,
    preset: typeof values.mapping === 'string' ? values.mapping : undefined,
  });
  // Options given on the command line override the suggested (or saved) mapping.
  const overrides: Partial<ImportMapping> = {};
  if (typeof values.category === 'string') overrides.defaultCategory = values.category;
  if (values.kind === 'formal' || values.kind === 'informal') overrides.defaultKind = values.kind;
  if (typeof values.source === 'string') overrides.sourceSystem = values.source;
  if (Object.keys(overrides).length > 0 && preview.status === 'previewed') {
    preview = await remapImport(ctx, preview.id, {
      mapping: { ...preview.mapping, ...overrides },
      savePresetAs: null,
    });
  }
  say(
    `ファイル：${preview.fileName}（${preview.formatLabel}${preview.encodingLabel ? `、${preview.encodingLabel}` : ''}）`,
  );
  say(
    `行数：${preview.rowCount}、追加 ${preview.counts.added}、変更 ${preview.counts.changed}、変わらない ${preview.counts.unchanged}、終了 ${preview.counts.removed}`,
  );
  for (const w of preview.warnings.slice(0, 20)) say(`注意：${w.message}`);
  for (const e of preview.errors.slice(0, 50)) say(`エラー：${e.message}`);
  const base = {
    fileName: preview.fileName,
    format: preview.format,
    encoding: preview.encoding,
    rows: preview.rowCount,
    counts: preview.counts,
    mapping: preview.mapping,
    errors: preview.errors,
    warnings: preview.warnings,
  };
  if (!preview.canCommit) {
    say('エラーがあるため、何も保存していません。');
    return { ok: false, dryRun: Boolean(values['dry-run']), committed: false, ...base };
  }
  if (values['dry-run']) {
    say('確認だけ行いました（--dry-run）。保存していません。');
    return { ok: true, dryRun: true, committed: false, ...base };
  }
  const done = await commitImport(ctx, preview.id, { wait: true });
  if (done.status !== 'committed')
    return { ok: false, dryRun: false, committed: false, ...base, errors: done.errors };
  say('保存しました。');
  return { ok: true, dryRun: false, committed: true, ...base };
}
