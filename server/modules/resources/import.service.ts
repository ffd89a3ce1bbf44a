import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { toFieldErrors } from '../../../contracts/http';
import { type ImportMapping, type ResourceImport, ResourceInput } from '../../../contracts/resources';
import { townKey } from '../../../domain/areas';
import { CsvSyntaxError, parseCsvWithLines } from '../../../domain/csv';
import {
  type ImportField,
  kanaToHiragana,
  type MappedRow,
  type RowIssue,
  readEligibility,
  readFees,
  readPhone,
  readRow,
  readStatus,
  suggestMapping,
} from '../../../domain/resource-import';
import { decodeBytes, ENCODING_LABELS, type TextEncodingName } from '../../../domain/text-encoding';
import { recordAudit } from '../../core/audit';
import { actorId, inTransaction, type TenantContext } from '../../core/context';
import { AppError, conflict, notFound } from '../../core/errors';
import { looksLikeXlsx, readXlsxLines } from '../../core/spreadsheet';
import { resourcesPolicy } from './resources.policy';
import { loadWorld, type ParsedInput, prepareResource, type World } from './resources.service';
import {
  locations,
  organizations,
  resourceImportPresets,
  resourceImports,
  resourceRevisions,
  serviceAtLocations,
  services,
} from './resources.tables';
import { resolveCategory } from './taxonomy.service';

/*
 * Importing a town's resource lists: CSV (any of the encodings towns use), xlsx, GeoJSON points
 * with free-form properties, HSDS JSON. Preview first with a mapping (suggested, or a saved
 * preset), then commit everything or nothing. A re-import finds its records again by source id.
 */

type Format = 'csv' | 'xlsx' | 'geojson' | 'hsds';
const FORMAT_LABELS: Record<Format, string> = {
  csv: 'CSV',
  xlsx: 'Excel（xlsx）',
  geojson: 'GeoJSON（点の一覧）',
  hsds: 'HSDS 3.0 JSON',
};

interface Table {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

interface ParsedFile {
  format: Format;
  encoding: TextEncodingName | null;
  table: Table;
  /** Mapping the format implies (HSDS has fixed names). */
  mapping?: Record<string, ImportField>;
  errors: RowIssue[];
}

// ---------------------------------------------------------------------------------------------
// Files → tables

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const [head, ...rows] = await readXlsxLines(bytes);
  return { headers: head?.cells.map((h) => h.trim()) ?? [], rows };
}

function readGeoJson(json: { features?: unknown[] }): { table: Table; errors: RowIssue[] } {
  const features = Array.isArray(json.features) ? json.features : [];
  const keys: string[] = [];
  const errors: RowIssue[] = [];
  for (const f of features) {
    const props = (f as { properties?: Record<string, unknown> }).properties ?? {};
    for (const k of Object.keys(props)) if (!keys.includes(k)) keys.push(k);
  }
  const headers = [...keys, '緯度', '経度'];
  const rows = features.map((f, i) => {
    const feature = f as {
      properties?: Record<string, unknown>;
      geometry?: { type?: string; coordinates?: unknown };
    };
    const props = feature.properties ?? {};
    const line = i + 1;
    let lat = '';
    let lon = '';
    if (feature.geometry?.type === 'Point' && Array.isArray(feature.geometry.coordinates)) {
      lon = String(feature.geometry.coordinates[0] ?? '');
      lat = String(feature.geometry.coordinates[1] ?? '');
    } else if (feature.geometry) {
      errors.push({
        line,
        column: null,
        message: `${line}件目：点（Point）ではない地物です（${feature.geometry.type ?? '不明'}）。`,
      });
    }
    return {
      line,
      cells: [
        ...keys.map((k) =>
          props[k] === null || props[k] === undefined
            ? ''
            : typeof props[k] === 'object'
              ? JSON.stringify(props[k])
              : String(props[k]),
        ),
        lat,
        lon,
      ],
    };
  });
  return { table: { headers, rows }, errors };
}

const HSDS_HEADERS: [string, ImportField][] = [
  ['id', 'sourceId'],
  ['name', 'name'],
  ['description', 'description'],
  ['taxonomy_term', 'category'],
  ['organization', 'organization'],
  ['location_name', 'locationName'],
  ['address', 'address'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['phone', 'phone'],
  ['url', 'url'],
  ['email', 'email'],
  ['schedule', 'schedule'],
  ['fees_description', 'fees'],
  ['eligibility_description', 'eligibility'],
  ['application_process', 'applicationProcess'],
  ['status', 'status'],
];

/** The parts of an HSDS service the importer reads; everything is optional in files from elsewhere. */
interface HsdsIn {
  id?: string;
  name?: string;
  description?: string;
  url?: string;
  email?: string;
  status?: string;
  fees_description?: string;
  eligibility_description?: string;
  application_process?: string;
  organization?: { name?: string };
  phones?: { number?: string }[];
  schedules?: { description?: string }[];
  attributes?: { taxonomy_term?: { code?: string; name?: string } }[];
  taxonomy_terms?: { code?: string; name?: string }[];
  locations?: HsdsLocationIn[];
  service_at_locations?: { location?: HsdsLocationIn }[];
}
interface HsdsLocationIn {
  name?: string;
  latitude?: number | null;
  longitude?: number | null;
  addresses?: { state_province?: string; city?: string; address_1?: string; address_2?: string }[];
}

/** HSDS services (a list, a page of `contents`, or a bare array) flattened into the columns above. */
function readHsds(json: unknown): Table {
  const list = Array.isArray(json)
    ? json
    : Array.isArray((json as { contents?: unknown }).contents)
      ? (json as { contents: unknown[] }).contents
      : Array.isArray((json as { services?: unknown }).services)
        ? (json as { services: unknown[] }).services
        : [json];
  const rows = list.map((raw, i) => {
    const s = raw as HsdsIn;
    const sal = s.service_at_locations?.[0]?.location ?? s.locations?.[0] ?? null;
    const address = sal?.addresses?.[0];
    const term = s.attributes?.find((a) => a.taxonomy_term)?.taxonomy_term ?? s.taxonomy_terms?.[0];
    const values: Record<string, string> = {
      id: s.id ?? '',
      name: s.name ?? '',
      description: s.description ?? '',
      taxonomy_term: term?.code ?? term?.name ?? '',
      organization: s.organization?.name ?? '',
      location_name: sal?.name ?? '',
      address: address
        ? [address.state_province, address.city, address.address_1, address.address_2]
            .filter(Boolean)
            .join('')
        : '',
      latitude: sal?.latitude != null ? String(sal.latitude) : '',
      longitude: sal?.longitude != null ? String(sal.longitude) : '',
      phone: s.phones?.[0]?.number ?? '',
      url: s.url ?? '',
      email: s.email ?? '',
      schedule: (s.schedules ?? [])
        .map((x) => x.description ?? '')
        .filter(Boolean)
        .join('／'),
      fees_description: s.fees_description ?? '',
      eligibility_description: s.eligibility_description ?? '',
      application_process: s.application_process ?? '',
      status: s.status ?? '',
    };
    return { line: i + 1, cells: HSDS_HEADERS.map(([h]) => values[h] ?? '') };
  });
  return { headers: HSDS_HEADERS.map(([h]) => h), rows };
}

/** Reads any supported file into a table; the format is told by the content, not the name. */
export async function readFile(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  if (looksLikeXlsx(fileName, bytes)) {
    try {
      return { format: 'xlsx', encoding: null, table: await readXlsx(bytes), errors: [] };
    } catch {
      return {
        format: 'xlsx',
        encoding: null,
        table: { headers: [], rows: [] },
        errors: [
          {
            line: null,
            column: null,
            message: 'Excel ファイルとして読めませんでした（xlsx 形式で保存し直してください）。',
          },
        ],
      };
    }
  }
  const { text, encoding } = decodeBytes(bytes);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return {
        format: 'geojson',
        encoding,
        table: { headers: [], rows: [] },
        errors: [{ line: null, column: null, message: 'JSON として読めませんでした。' }],
      };
    }
    if ((json as { type?: string }).type === 'FeatureCollection') {
      const { table, errors } = readGeoJson(json as { features?: unknown[] });
      return { format: 'geojson', encoding, table, errors };
    }
    return {
      format: 'hsds',
      encoding,
      table: readHsds(json),
      mapping: Object.fromEntries(HSDS_HEADERS),
      errors: [],
    };
  }
  try {
    const [head, ...rows] = parseCsvWithLines(text);
    return {
      format: 'csv',
      encoding,
      table: { headers: head?.cells.map((h) => h.trim()) ?? [], rows },
      errors: [],
    };
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return {
      format: 'csv',
      encoding,
      table: { headers: [], rows: [] },
      errors: [{ line: e.line, column: null, message: e.message }],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Rows → resources

export interface PlannedRow {
  line: number;
  sourceId: string;
  fingerprint: string;
  input: ParsedInput;
  organizationName: string;
  change: 'added' | 'changed' | 'unchanged';
  existingId: string | null;
}

export interface Plan {
  rows: PlannedRow[];
  removed: { id: string; name: string }[];
  errors: RowIssue[];
  warnings: RowIssue[];
}

/** Builds the resource for one mapped row, reporting what the contract refuses, by line and column. */
function rowToInput(
  r: MappedRow,
  mapping: ImportMapping,
  w: World,
  columnOf: (field: ImportField) => string | null,
): { input: ParsedInput | null; errors: RowIssue[]; warnings: RowIssue[] } {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const where = (field: ImportField) => `${r.line}行目「${columnOf(field) ?? field}」`;
  const term = r.categoryText ? resolveCategory(r.categoryText, w.terms) : null;
  const category = term?.code ?? mapping.defaultCategory;
  if (!category) {
    errors.push({
      line: r.line,
      column: columnOf('category'),
      message: r.categoryText
        ? `${where('category')}：「${r.categoryText}」に当たる分類がありません。全行共通の分類を選ぶか、分類に言いかえを加えてください。`
        : `${r.line}行目：分類がありません。全行共通の分類を選んでください。`,
    });
  }
  const status = readStatus(r.status);
  if (!status)
    warnings.push({
      line: r.line,
      column: columnOf('status'),
      message: `${where('status')}：「${r.status}」は分からないので「活動中」にします。`,
    });
  const phone = r.phone ? readPhone(r.phone) : null;
  if (r.phone && !phone)
    warnings.push({
      line: r.line,
      column: columnOf('phone'),
      message: `${where('phone')}：電話番号として読めないので、説明に残します（${r.phone}）。`,
    });
  const url = /^https?:\/\/\S+$/.test(r.url) ? r.url : '';
  if (r.url && !url)
    warnings.push({
      line: r.line,
      column: columnOf('url'),
      message: `${where('url')}：URL として読めないので使いません（${r.url}）。`,
    });
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email) ? r.email : '';
  const area = r.area ? w.areas.find((a) => townKey(a.name) === townKey(r.area)) : undefined;
  if (r.area && !area)
    warnings.push({
      line: r.line,
      column: columnOf('area'),
      message: `${where('area')}：「${r.area}」という地域がないので、場所から地域を決めます。`,
    });
  const hasPlace = Boolean(r.address || r.locationName || r.latitude !== null);
  const raw = {
    name: r.name,
    kana: kanaToHiragana(r.kana),
    description: [r.description, r.phone && !phone ? `電話：${r.phone}` : ''].filter(Boolean).join('\n'),
    status: status ?? 'active',
    kind: mapping.defaultKind,
    // A missing category is reported above; a placeholder keeps the contract from saying it twice.
    categories: [category ?? 'missing'],
    eligibility: readEligibility(r.eligibility),
    capacity: r.capacity,
    applicationProcess: r.applicationProcess,
    fees: readFees(r.fees),
    schedules: r.scheduleText ? [{ text: r.scheduleText }] : [],
    location: hasPlace
      ? { name: r.locationName, address: r.address, latitude: r.latitude, longitude: r.longitude }
      : null,
    areaIds: area ? [area.id] : [],
    phones: phone ? [{ number: phone.number, description: phone.description, public: true }] : [],
    url,
    email,
    notes: r.notes,
  };
  const parsed = ResourceInput.safeParse(raw);
  if (!parsed.success) {
    for (const f of toFieldErrors(ResourceInput, parsed.error)) {
      errors.push({ line: r.line, column: null, message: `${r.line}行目 ${f.message}` });
    }
  }
  return { input: errors.length === 0 && parsed.success ? parsed.data : null, errors, warnings };
}

const fingerprintOf = (cells: readonly string[]) =>
  createHash('sha1').update(JSON.stringify(cells)).digest('hex');

/** Reads every row with the mapping and compares with what this source imported before. */
export async function planImport(
  ctx: TenantContext,
  table: Table,
  mapping: ImportMapping,
  w: World,
): Promise<Plan> {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const columns = mapping.columns as Record<string, ImportField>;
  const columnOf = (field: ImportField) => Object.entries(columns).find(([, f]) => f === field)?.[0] ?? null;
  if (!columnOf('name'))
    errors.push({
      line: null,
      column: null,
      message: '「名称」に割り当てた列がありません。名称の列を選んでください。',
    });
  if (table.rows.length === 0)
    errors.push({ line: null, column: null, message: 'ファイルにデータの行がありません。' });

  const existing = await ctx.db
    .select({
      id: services.id,
      name: services.name,
      sourceId: services.sourceId,
      fingerprint: services.sourceFingerprint,
      status: services.status,
    })
    .from(services)
    .where(and(eq(services.tenantId, ctx.tenantId), eq(services.sourceSystem, mapping.sourceSystem)));
  const bySource = new Map(existing.map((e) => [e.sourceId!, e]));

  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => !c.trim())) continue;
    const read = readRow(line, table.headers, cells, columns);
    // Without an id column, name + address identify a record across re-imports.
    const sourceId = read.row.sourceId ?? `${townKey(read.row.name)}|${townKey(read.row.address)}`;
    const earlier = seen.get(sourceId);
    if (earlier !== undefined) {
      errors.push({
        line,
        column: columnOf('sourceId'),
        message: `${line}行目：ID「${read.row.sourceId ?? read.row.name}」が${earlier}行目と重複しています。`,
      });
      continue;
    }
    seen.set(sourceId, line);
    errors.push(...read.errors);
    warnings.push(...read.warnings);
    if (read.errors.length) continue;
    const built = rowToInput(read.row, mapping, w, columnOf);
    errors.push(...built.errors);
    warnings.push(...built.warnings);
    if (!built.input) continue;
    const fingerprint = fingerprintOf(cells);
    const prior = bySource.get(sourceId);
    rows.push({
      line,
      sourceId,
      fingerprint,
      input: built.input,
      organizationName: read.row.organization,
      change: !prior
        ? 'added'
        : prior.fingerprint === fingerprint && prior.status !== 'defunct'
          ? 'unchanged'
          : 'changed',
      existingId: prior?.id ?? null,
    });
  }
  const removed = mapping.markMissingDefunct
    ? existing
        .filter((e) => !seen.has(e.sourceId!) && e.status !== 'defunct')
        .map((e) => ({ id: e.id, name: e.name }))
    : [];
  return { rows, removed, errors, warnings };
}

// ---------------------------------------------------------------------------------------------
// Jobs

type JobRow = typeof resourceImports.$inferSelect;
const progress = new Map<string, { done: number; total: number }>();
const progressKey = (tenant: string, id: string) => `${tenant}:${id}`;

function summarise(plan: Plan, table: Table) {
  return {
    rowCount: table.rows.length,
    counts: {
      added: plan.rows.filter((r) => r.change === 'added').length,
      changed: plan.rows.filter((r) => r.change === 'changed').length,
      unchanged: plan.rows.filter((r) => r.change === 'unchanged').length,
      removed: plan.removed.length,
    },
    preview: plan.rows.slice(0, 200).map((r) => ({
      line: r.line,
      change: r.change,
      name: r.input.name,
      category: r.input.categories[0] ?? '',
      address: r.input.location?.address ?? '',
      schedule: r.input.schedules.map((s) => ('text' in s ? s.text : '')).join('／'),
      scheduleNeedsReview: false,
    })),
    errors: plan.errors.slice(0, 500),
    warnings: plan.warnings.slice(0, 500),
  };
}

function toImport(job: JobRow): ResourceImport {
  const summary = job.summary as Omit<
    ResourceImport,
    | 'id'
    | 'fileName'
    | 'format'
    | 'formatLabel'
    | 'encoding'
    | 'encodingLabel'
    | 'status'
    | 'canCommit'
    | 'mapping'
    | 'progress'
    | 'committedAt'
  >;
  const format = job.format as Format;
  return {
    id: job.id,
    fileName: job.fileName,
    format,
    formatLabel: FORMAT_LABELS[format],
    encoding: job.encoding,
    encodingLabel: job.encoding ? ENCODING_LABELS[job.encoding as TextEncodingName] : null,
    status: job.status as ResourceImport['status'],
    canCommit: job.status === 'previewed',
    mapping: job.mapping as ImportMapping,
    progress: progress.get(progressKey(job.tenantId, job.id)) ?? null,
    committedAt: job.committedAt?.toISOString() ?? null,
    ...summary,
  };
}

async function loadJob(ctx: TenantContext, id: string): Promise<JobRow> {
  const [job] = await ctx.db
    .select()
    .from(resourceImports)
    .where(and(eq(resourceImports.tenantId, ctx.tenantId), eq(resourceImports.id, id)));
  if (!job) throw notFound('取り込み');
  return job;
}

async function presetMapping(ctx: TenantContext, name: string | undefined): Promise<ImportMapping | null> {
  if (!name) return null;
  const [p] = await ctx.db
    .select()
    .from(resourceImportPresets)
    .where(and(eq(resourceImportPresets.tenantId, ctx.tenantId), eq(resourceImportPresets.name, name)));
  if (!p) throw new AppError(422, 'validation_failed', `保存した割り当て「${name}」が見つかりません。`);
  return p.mapping as ImportMapping;
}

const sampleOf = (table: Table) => table.rows.slice(0, 5).map((r) => r.cells.map((c) => c.slice(0, 80)));

/** Step 1: read the file, suggest (or apply a preset's) mapping, and preview. Nothing is saved yet. */
export async function previewImport(
  ctx: TenantContext,
  input: { fileName: string; bytes: Uint8Array; preset?: string; mapping?: ImportMapping },
): Promise<ResourceImport> {
  resourcesPolicy.writeTenantWide(ctx, '地域資源の取り込み');
  const file = await readFile(input.fileName, input.bytes);
  const w = await loadWorld(ctx);
  const mapping: ImportMapping = input.mapping ??
    (await presetMapping(ctx, input.preset)) ?? {
      columns: file.mapping ?? suggestMapping(file.table.headers),
      defaultCategory: null,
      defaultKind: 'formal',
      sourceSystem: input.fileName.replace(/\.[^.]+$/, ''),
      markMissingDefunct: false,
    };
  const plan = file.errors.length
    ? { rows: [], removed: [], errors: file.errors, warnings: [] }
    : await planImport(ctx, file.table, mapping, w);
  const ok = plan.errors.length === 0 && plan.rows.length > 0;
  const [job] = await ctx.db
    .insert(resourceImports)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      fileName: input.fileName,
      format: file.format,
      encoding: file.encoding,
      status: file.errors.length ? 'rejected' : 'previewed',
      table: file.errors.length ? null : file.table,
      mapping,
      summary: {
        headers: file.table.headers,
        sample: sampleOf(file.table),
        ...summarise(plan, file.table),
        canCommitNow: ok,
      },
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    })
    .returning();
  return withCommitFlag(toImport(job!));
}

/** A preview with errors stays a preview (the mapping can still be fixed) but cannot be committed. */
function withCommitFlag(imp: ResourceImport): ResourceImport {
  return { ...imp, canCommit: imp.status === 'previewed' && imp.errors.length === 0 && imp.rowCount > 0 };
}

/** Re-reads the kept file with another mapping, optionally saving it as a named preset. */
export async function remapImport(
  ctx: TenantContext,
  id: string,
  input: { mapping: ImportMapping; savePresetAs: string | null },
): Promise<ResourceImport> {
  resourcesPolicy.writeTenantWide(ctx, '地域資源の取り込み');
  const job = await loadJob(ctx, id);
  if (job.status !== 'previewed' || !job.table)
    throw conflict(toImport(job), 'この取り込みはもう割り当てを変えられません。');
  const table = job.table as Table;
  const plan = await planImport(ctx, table, input.mapping, await loadWorld(ctx));
  if (input.savePresetAs) {
    await ctx.db
      .insert(resourceImportPresets)
      .values({
        tenantId: ctx.tenantId,
        name: input.savePresetAs,
        mapping: input.mapping,
        updatedAt: ctx.now(),
      })
      .onConflictDoUpdate({
        target: [resourceImportPresets.tenantId, resourceImportPresets.name],
        set: { mapping: input.mapping, updatedAt: ctx.now() },
      });
  }
  const [updated] = await ctx.db
    .update(resourceImports)
    .set({
      mapping: input.mapping,
      summary: { headers: table.headers, sample: sampleOf(table), ...summarise(plan, table) },
    })
    .where(and(eq(resourceImports.tenantId, ctx.tenantId), eq(resourceImports.id, id)))
    .returning();
  return withCommitFlag(toImport(updated!));
}

export async function getImport(ctx: TenantContext, id: string): Promise<ResourceImport> {
  resourcesPolicy.writeTenantWide(ctx, '地域資源の取り込み');
  return withCommitFlag(toImport(await loadJob(ctx, id)));
}

export async function listPresets(ctx: TenantContext) {
  resourcesPolicy.read(ctx);
  const rows = await ctx.db
    .select()
    .from(resourceImportPresets)
    .where(eq(resourceImportPresets.tenantId, ctx.tenantId));
  return rows.map((r) => ({
    name: r.name,
    mapping: r.mapping as ImportMapping,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Files up to this many rows are committed within the request; larger ones in the background. */
const INLINE_ROWS = 2_000;

/**
 * Step 2: all rows or none. Everything slow (readings, places, search text) is prepared before the
 * transaction, so the transaction itself is a handful of multi-row statements and other users are
 * not kept waiting (PGlite serves one statement at a time).
 */
export async function commitImport(
  ctx: TenantContext,
  id: string,
  opts: { wait?: boolean } = {},
): Promise<ResourceImport> {
  resourcesPolicy.writeTenantWide(ctx, '地域資源の取り込み');
  const job = await loadJob(ctx, id);
  if (job.status === 'committed' || job.status === 'running')
    throw conflict(toImport(job), 'この取り込みはすでに保存されたか、保存している途中です。');
  if (job.status !== 'previewed' || !job.table) {
    throw new AppError(
      422,
      'validation_failed',
      'エラーのあるファイルは保存できません。ファイルを直して読み込み直してください。',
    );
  }
  const table = job.table as Table;
  const mapping = job.mapping as ImportMapping;
  const w = await loadWorld(ctx);
  const plan = await planImport(ctx, table, mapping, w);
  if (plan.errors.length > 0) {
    throw new AppError(
      422,
      'validation_failed',
      'エラーのある行があるため保存できません。割り当てかファイルを直してください。',
      plan.errors.slice(0, 50).map((e) => ({ path: e.line ? `line.${e.line}` : '', message: e.message })),
    );
  }
  const claimed = await ctx.db
    .update(resourceImports)
    .set({ status: 'running' })
    .where(
      and(
        eq(resourceImports.tenantId, ctx.tenantId),
        eq(resourceImports.id, id),
        eq(resourceImports.status, 'previewed'),
      ),
    )
    .returning();
  if (claimed.length === 0)
    throw conflict(
      toImport(await loadJob(ctx, id)),
      'この取り込みはすでに保存されたか、保存している途中です。',
    );

  const key = progressKey(ctx.tenantId, id);
  progress.set(key, { done: 0, total: plan.rows.length });
  const work = runImport(ctx, job, plan, w, (done) => progress.set(key, { done, total: plan.rows.length }))
    .then(async () => {
      await ctx.db
        .update(resourceImports)
        .set({ status: 'committed', committedAt: ctx.now(), table: null })
        .where(and(eq(resourceImports.tenantId, ctx.tenantId), eq(resourceImports.id, id)));
    })
    .catch(async (e: unknown) => {
      console.error(`[import ${id}]`, e);
      await ctx.db
        .update(resourceImports)
        .set({
          status: 'failed',
          summary: {
            ...(job.summary as object),
            errors: [
              {
                line: null,
                column: null,
                message: '保存の途中で問題が起きたため、何も保存していません。もう一度お試しください。',
              },
            ],
          },
        })
        .where(and(eq(resourceImports.tenantId, ctx.tenantId), eq(resourceImports.id, id)));
    })
    .finally(() => progress.delete(key));
  if (opts.wait || plan.rows.length <= INLINE_ROWS) await work;
  return withCommitFlag(toImport(await loadJob(ctx, id)));
}

async function runImport(
  ctx: TenantContext,
  job: JobRow,
  plan: Plan,
  w: World,
  onProgress: (done: number) => void,
) {
  const mapping = job.mapping as ImportMapping;
  const verifiedBy = `取り込み（${job.fileName}）`;
  const todo = plan.rows.filter((r) => r.change !== 'unchanged');
  const orgNames = [...new Set(todo.map((r) => r.organizationName).filter(Boolean))];
  const existingOrgs = orgNames.length
    ? await ctx.db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.tenantId, ctx.tenantId), inArray(organizations.name, orgNames)))
    : [];
  const orgIds = new Map(existingOrgs.map((o) => [o.name, o.id]));
  const newOrgs = orgNames.filter((n) => !orgIds.has(n)).map((name) => ({ id: randomUUID(), name }));
  for (const o of newOrgs) orgIds.set(o.name, o.id);

  // Existing places and versions of the records being changed.
  const changedIds = todo.map((r) => r.existingId).filter((x): x is string => Boolean(x));
  const priorPlaces = new Map<string, string>();
  const priorRevision = new Map<string, number>();
  for (let i = 0; i < changedIds.length; i += 1000) {
    const ids = changedIds.slice(i, i + 1000);
    for (const p of await ctx.db
      .select({ serviceId: serviceAtLocations.serviceId, locationId: serviceAtLocations.locationId })
      .from(serviceAtLocations)
      .where(
        and(eq(serviceAtLocations.tenantId, ctx.tenantId), inArray(serviceAtLocations.serviceId, ids)),
      )) {
      priorPlaces.set(p.serviceId, p.locationId);
    }
    for (const r of await ctx.db
      .select({
        serviceId: resourceRevisions.serviceId,
        n: sql<number>`max(${resourceRevisions.revision})::int`,
      })
      .from(resourceRevisions)
      .where(and(eq(resourceRevisions.tenantId, ctx.tenantId), inArray(resourceRevisions.serviceId, ids)))
      .groupBy(resourceRevisions.serviceId)) {
      priorRevision.set(r.serviceId, r.n);
    }
  }

  const now = ctx.now();
  const serviceRows: (typeof services.$inferInsert)[] = [];
  const locationRows: (typeof locations.$inferInsert)[] = [];
  const links: (typeof serviceAtLocations.$inferInsert)[] = [];
  const revisions: (typeof resourceRevisions.$inferInsert)[] = [];
  let done = 0;
  for (const r of todo) {
    const serviceId = r.existingId ?? randomUUID();
    const input = { ...r.input, organizationId: r.organizationName ? orgIds.get(r.organizationName)! : null };
    const prepared = await prepareResource(
      input,
      w,
      r.organizationName ? { name: r.organizationName } : null,
    );
    let locationId: string | null = null;
    if (prepared.place) {
      locationId = (r.existingId && priorPlaces.get(r.existingId)) || randomUUID();
      locationRows.push({
        tenantId: ctx.tenantId,
        id: locationId,
        createdAt: now,
        updatedAt: now,
        ...prepared.place,
      });
      links.push({ tenantId: ctx.tenantId, id: randomUUID(), serviceId, locationId });
    }
    serviceRows.push({
      tenantId: ctx.tenantId,
      id: serviceId,
      ...prepared.values,
      lastVerifiedAt: now,
      lastVerifiedBy: verifiedBy,
      sourceSystem: mapping.sourceSystem,
      sourceId: r.sourceId,
      sourceFingerprint: r.fingerprint,
      createdAt: now,
      updatedAt: now,
    });
    revisions.push({
      tenantId: ctx.tenantId,
      serviceId,
      revision: (priorRevision.get(serviceId) ?? 0) + 1,
      action: r.existingId ? 'import-update' : 'import',
      at: now,
      actorId: actorId(ctx.actor),
      actorLabel: verifiedBy,
      snapshot: {
        ...input,
        schedules: prepared.values.schedules.map((rule) => ({ rule })),
        location: input.location && locationId ? { ...input.location, id: locationId } : null,
      },
    });
    if (++done % 100 === 0) onProgress(done);
  }
  onProgress(done);

  const excluded = (cols: string[]) =>
    Object.fromEntries(
      cols.map((c) => [c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase()), sql.raw(`excluded.${c}`)]),
    );
  await inTransaction(ctx, async (tx) => {
    const batch = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
    };
    await batch(newOrgs, (c) =>
      tx.db.insert(organizations).values(
        c.map((o) => ({
          tenantId: tx.tenantId,
          id: o.id,
          name: o.name,
          kind: 'その他',
          createdAt: now,
          updatedAt: now,
        })),
      ),
    );
    await batch(locationRows, (c) =>
      tx.db
        .insert(locations)
        .values(c)
        .onConflictDoUpdate({
          target: [locations.tenantId, locations.id],
          set: excluded([
            'name',
            'address',
            'postal_code',
            'latitude',
            'longitude',
            'area_id',
            'area_source',
            'updated_at',
          ]),
        }),
    );
    await batch(serviceRows, (c) =>
      tx.db
        .insert(services)
        .values(c)
        .onConflictDoUpdate({
          target: [services.tenantId, services.id],
          set: {
            ...excluded([
              'organization_id',
              'name',
              'kana',
              'description',
              'status',
              'kind',
              'categories',
              'area_ids',
              'effective_area_ids',
              'eligibility',
              'capacity',
              'application_process',
              'fees',
              'free',
              'schedules',
              'weekday_mask',
              'schedule_needs_review',
              'phones',
              'url',
              'email',
              'notes',
              'search_text',
              'last_verified_at',
              'last_verified_by',
              'source_fingerprint',
              'updated_at',
            ]),
            version: sql`${services.version} + 1`,
          },
        }),
    );
    await batch(links, (c) =>
      tx.db
        .insert(serviceAtLocations)
        .values(c)
        .onConflictDoUpdate({
          target: [serviceAtLocations.tenantId, serviceAtLocations.serviceId],
          set: { locationId: sql.raw('excluded.location_id') },
        }),
    );
    await batch(revisions, (c) => tx.db.insert(resourceRevisions).values(c));
    if (plan.removed.length) {
      const ids = plan.removed.map((r) => r.id);
      await tx.db
        .update(services)
        .set({ status: 'defunct', version: sql`${services.version} + 1`, updatedAt: now })
        .where(and(eq(services.tenantId, tx.tenantId), inArray(services.id, ids)));
    }
    await recordAudit(tx, {
      entity: 'resource_import',
      entityId: job.id,
      action: 'commit',
      detail: {
        fileName: job.fileName,
        added: plan.rows.filter((r) => r.change === 'added').length,
        changed: plan.rows.filter((r) => r.change === 'changed').length,
        removed: plan.removed.length,
      },
    });
  });
}
