import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { PopulationImport } from '../../../contracts/areas';
import { CsvSyntaxError, parseCsvWithLines } from '../../../domain/csv';
import { agingRate } from '../../../domain/population';
import { type PopulationPlan, planPopulationImport } from '../../../domain/population-import';
import { type PopulationTable, readPopulationTable } from '../../../domain/population-table';
import { decodeBytes, ENCODING_LABELS, type TextEncodingName } from '../../../domain/text-encoding';
import { recordAudit } from '../../core/audit';
import { actorId, inTransaction, type TenantContext } from '../../core/context';
import { AppError, conflict, notFound } from '../../core/errors';
import { areasPolicy } from './areas.policy';
import { areasChanged, loadTenantAreas } from './areas.service';
import { areaStatistics, areas, populationImports } from './areas.tables';

type ImportRow = typeof populationImports.$inferSelect;

interface Analysis {
  table: PopulationTable | null;
  plan: PopulationPlan;
}

/** Reads the file text and matches it to the tenant's areas as they are now. */
async function analyse(ctx: TenantContext, text: string, defaultAsOf: string | null): Promise<Analysis> {
  let table: PopulationTable;
  try {
    table = readPopulationTable(parseCsvWithLines(text), defaultAsOf ? { defaultAsOf } : undefined);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    const issue = { line: e.line, column: null, message: e.message };
    return {
      table: null,
      plan: {
        rows: [],
        matched: [],
        toCreate: [],
        municipalityRows: 0,
        totals: [],
        errors: [issue],
        warnings: [],
      },
    };
  }
  const all = await loadTenantAreas(ctx);
  return { table, plan: planPopulationImport(table, all, ctx.tenantId) };
}

function summarise(
  id: string,
  fileName: string,
  encoding: TextEncodingName,
  a: Analysis,
): Omit<PopulationImport, 'status' | 'committedAt' | 'canCommit'> {
  const { table, plan } = a;
  return {
    id,
    fileName,
    encoding,
    encodingLabel: ENCODING_LABELS[encoding],
    formatLabel: table?.formatLabel ?? '読み取れませんでした',
    rowCount: table?.records.length ?? 0,
    asOfDates: plan.totals.map((t) => t.asOf),
    matched: plan.matched,
    toCreate: plan.toCreate,
    municipalityRows: plan.municipalityRows,
    totals: plan.totals.map((t) => ({ ...t, agingRate: agingRate(t) })),
    columns: table?.columns ?? [],
    unusedColumns: table?.unusedColumns ?? [],
    errors: plan.errors,
    warnings: plan.warnings,
  };
}

function toImport(row: ImportRow): PopulationImport {
  const summary = row.summary as Omit<PopulationImport, 'status' | 'committedAt' | 'canCommit'>;
  return {
    ...summary,
    status: row.status as PopulationImport['status'],
    canCommit: row.status === 'previewed',
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

/** `SET col = excluded.col` for an upsert of many rows. Keeps a manually entered 要介護認定者数. */
function excluded(columns: string[]) {
  const camel = (c: string) => c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase());
  return Object.fromEntries(columns.map((c) => [camel(c), sql.raw(`excluded.${c}`)]));
}

/**
 * Step 1: decode (encoding sniffed), parse and match the file, and keep it for the commit.
 * Nothing is written to the statistics yet. A file with any error is kept as `rejected`.
 */
export async function previewPopulationImport(
  ctx: TenantContext,
  input: { fileName: string; asOf?: string; bytes: Uint8Array },
): Promise<PopulationImport> {
  areasPolicy.importStatistics(ctx);
  const { text, encoding } = decodeBytes(input.bytes);
  const analysis = await analyse(ctx, text, input.asOf ?? null);
  const id = randomUUID();
  const ok = analysis.plan.errors.length === 0 && analysis.plan.rows.length > 0;
  if (analysis.plan.errors.length === 0 && analysis.plan.rows.length === 0) {
    analysis.plan.errors.push({
      line: null,
      column: null,
      message: 'ファイルに人口のデータ行がありません。',
    });
  }
  const summary = summarise(id, input.fileName, encoding, analysis);
  const [row] = await ctx.db
    .insert(populationImports)
    .values({
      tenantId: ctx.tenantId,
      id,
      fileName: input.fileName,
      encoding,
      status: ok ? 'previewed' : 'rejected',
      content: ok ? text : null,
      defaultAsOf: input.asOf ?? null,
      summary,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    })
    .returning();
  return toImport(row!);
}

async function loadImport(ctx: TenantContext, id: string): Promise<ImportRow> {
  const [row] = await ctx.db
    .select()
    .from(populationImports)
    .where(and(eq(populationImports.tenantId, ctx.tenantId), eq(populationImports.id, id)));
  if (!row) throw notFound('取り込み');
  return row;
}

export async function getPopulationImport(ctx: TenantContext, id: string): Promise<PopulationImport> {
  areasPolicy.importStatistics(ctx);
  return toImport(await loadImport(ctx, id));
}

/**
 * Step 2: writes exactly the previewed file, all rows or none. The file is matched again against
 * the areas as they are now; if someone changed the areas in between and that breaks a row,
 * nothing is written and the new problems are returned.
 */
export async function commitPopulationImport(ctx: TenantContext, id: string) {
  areasPolicy.importStatistics(ctx);
  try {
    return await commitInTransaction(ctx, id);
  } finally {
    // New 地区 may have been created.
    areasChanged(ctx.tenantId);
  }
}

async function commitInTransaction(ctx: TenantContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const job = await loadImport(tx, id);
    if (job.status === 'committed') throw conflict(toImport(job), 'このファイルはすでに保存されています。');
    if (job.status !== 'previewed' || job.content == null) {
      throw new AppError(
        422,
        'validation_failed',
        'エラーのあるファイルは保存できません。ファイルを直して読み込み直してください。',
      );
    }
    const analysis = await analyse(tx, job.content, job.defaultAsOf);
    if (analysis.plan.errors.length > 0) {
      throw new AppError(
        422,
        'validation_failed',
        '確認のあとで地域の設定が変わったため、保存できませんでした。もう一度読み込んで確認してください。',
        analysis.plan.errors
          .slice(0, 50)
          .map((e) => ({ path: e.line ? `line.${e.line}` : '', message: e.message })),
      );
    }
    // Claim the job first: a second commit of the same preview waits on this row and then fails.
    const claimed = await tx.db
      .update(populationImports)
      .set({ status: 'committed', committedAt: tx.now(), content: null })
      .where(
        and(
          eq(populationImports.tenantId, tx.tenantId),
          eq(populationImports.id, id),
          eq(populationImports.status, 'previewed'),
        ),
      )
      .returning();
    if (claimed.length === 0)
      throw conflict(toImport(await loadImport(tx, id)), 'このファイルはすでに保存されています。');

    const root = (await loadTenantAreas(tx)).find((a) => a.layer === 1);
    const created = new Map(analysis.plan.toCreate.map((name) => [name, randomUUID()] as const));
    const newAreas = [...created].map(([name, newId], i) => ({
      tenantId: tx.tenantId,
      id: newId,
      parentId: root?.id ?? null,
      layer: 3,
      name,
      kind: '地区',
      townNames: [name],
      sortOrder: i,
      createdAt: tx.now(),
      updatedAt: tx.now(),
    }));
    const statValues = analysis.plan.rows.map((r) => ({
      tenantId: tx.tenantId,
      areaId: 'areaId' in r.target ? r.target.areaId : created.get(r.target.create)!,
      asOf: r.asOf,
      ...r.values,
      bands: r.bands,
      source: job.fileName,
      importId: job.id,
      updatedAt: tx.now(),
    }));
    // Multi-row statements: a city of 2,000 町丁 is a handful of round trips, not thousands.
    for (let i = 0; i < newAreas.length; i += 500)
      await tx.db.insert(areas).values(newAreas.slice(i, i + 500));
    for (let i = 0; i < statValues.length; i += 500) {
      await tx.db
        .insert(areaStatistics)
        .values(statValues.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [areaStatistics.tenantId, areaStatistics.areaId, areaStatistics.asOf],
          set: excluded([
            'total',
            'male',
            'female',
            'aged65',
            'aged75',
            'households',
            'bands',
            'source',
            'import_id',
            'updated_at',
          ]),
        });
    }
    await recordAudit(tx, {
      entity: 'population_import',
      entityId: id,
      action: 'commit',
      detail: { fileName: job.fileName, rows: analysis.plan.rows.length, createdAreas: created.size },
    });
    return { ...toImport(claimed[0]!), createdAreas: created.size, savedRows: analysis.plan.rows.length };
  });
}
