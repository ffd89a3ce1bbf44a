import { randomUUID } from 'node:crypto';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Resource,
  ResourceInput,
  ResourceQuery,
  ResourceSummary,
  ScheduleInput,
  ScheduleRule,
} from '../../../contracts/resources';
import { ancestorsOf, areaForAddress, subtreeIds } from '../../../domain/areas';
import { todayInTokyo } from '../../../domain/dates';
import { diffSnapshots } from '../../../domain/resource-diff';
import {
  addMonths,
  coordinateProblem,
  DEFAULT_CHECK_MONTHS,
  distanceMetres,
} from '../../../domain/resources';
import { describeSchedule, nextOccurrences, parseJapaneseSchedule } from '../../../domain/schedule';
import { hasKanji, NAME_END, queryTerms, searchDocument, wellFormed } from '../../../domain/search-text';
import { recordAudit } from '../../core/audit';
import {
  actorDisplayName,
  actorId,
  type BaseContext,
  inTransaction,
  type TenantContext,
} from '../../core/context';
import { conflict, fieldError, notFound, validationFailed } from '../../core/errors';
import { readingOf } from '../../core/reading';
import { type AreaRow, tenantAreas } from '../areas';
import { resourcesPolicy } from './resources.policy';
import {
  locations,
  organizations,
  resourceRevisions,
  serviceAtLocations,
  services,
} from './resources.tables';
import type { IndexEntry, IndexQuery } from './search-index';
import { changedSince, type IndexLoader, SearchIndexes } from './search-index.service';
import { type TermRow, tenantTerms, withDescendants } from './taxonomy.service';

type ServiceRow = typeof services.$inferSelect;
type LocationRow = typeof locations.$inferSelect;
type OrgRow = typeof organizations.$inferSelect;
export type ParsedInput = z.output<typeof ResourceInput>;

/** What a saved resource looked like: the form's fields with schedules as rules and the place resolved. */
export type Snapshot = Omit<ParsedInput, 'schedules' | 'location'> & {
  schedules: { rule: ScheduleRule }[];
  location: (NonNullable<ParsedInput['location']> & { id: string }) | null;
};

interface World {
  areas: AreaRow[];
  terms: TermRow[];
}

/** Areas and terms, from the read caches of their owners (they change rarely and are read on every search). */
async function world(ctx: TenantContext): Promise<World> {
  const [areas, terms] = await Promise.all([tenantAreas(ctx), tenantTerms(ctx)]);
  return { areas, terms };
}

// ---------------------------------------------------------------------------------------------
// Schedules

/** Parses free text, or takes a builder's rule, recomputing weekdays from the RRULE so filters stay honest. */
export function toRule(input: z.output<typeof ScheduleInput>): ScheduleRule {
  if ('text' in input) return parseJapaneseSchedule(input.text) as ScheduleRule;
  const rule = input.rule;
  const byday = /BYDAY=([^;]+)/.exec(rule.rrule ?? '')?.[1];
  if (!byday) return rule;
  const codes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  const weekdays = [
    ...new Set(byday.split(',').map((d) => codes.indexOf(d.replace(/^[+-]?\d+/, '')))),
  ].filter((d) => d >= 0);
  return { ...rule, weekdays: weekdays.sort() };
}

const weekdayMask = (rules: readonly ScheduleRule[]) =>
  rules.reduce((m, r) => r.weekdays.reduce((mm, d) => mm | (1 << d), m), 0);

function describe(rule: ScheduleRule): string {
  return describeSchedule(rule as never);
}

// ---------------------------------------------------------------------------------------------
// Places

/** The deepest area whose boundary contains the point. */
function areaByBoundary(lat: number, lon: number, areas: readonly AreaRow[]): AreaRow | null {
  let best: AreaRow | null = null;
  for (const a of areas) {
    if (!a.boundary || (best && best.layer >= a.layer)) continue;
    if (booleanPointInPolygon([lon, lat], a.boundary as never)) best = a;
  }
  return best;
}

/** Finds the area of a place: chosen by hand, else by boundary, else by the 町丁 in the address. */
export function locateArea(
  loc: { areaId: string | null; address: string; latitude: number | null; longitude: number | null },
  areas: readonly AreaRow[],
): { areaId: string | null; areaSource: string | null } {
  if (loc.areaId) return { areaId: loc.areaId, areaSource: 'manual' };
  if (loc.latitude !== null && loc.longitude !== null) {
    const hit = areaByBoundary(loc.latitude, loc.longitude, areas);
    if (hit) return { areaId: hit.id, areaSource: 'boundary' };
  }
  const byTown = loc.address ? areaForAddress(loc.address, areas) : null;
  return byTown ? { areaId: byTown.id, areaSource: 'town' } : { areaId: null, areaSource: null };
}

// ---------------------------------------------------------------------------------------------
// Search text

async function readingIfKanji(s: string): Promise<string | null> {
  return s && hasKanji(s) ? readingOf(s) : null;
}

export async function buildSearchText(
  input: Pick<ParsedInput, 'name' | 'kana' | 'alternateName' | 'description'> & { categories: string[] },
  terms: readonly TermRow[],
  org: { name: string } | null,
  loc: { name: string; address: string } | null,
): Promise<string> {
  // A term's ancestors count too: a 移動販売 is found by 買い物.
  const codes = new Set<string>();
  for (const c of input.categories) {
    for (
      let t = terms.find((x) => x.code === c);
      t && !codes.has(t.code);
      t = terms.find((x) => x.code === t!.parentCode)
    ) {
      codes.add(t.code);
    }
  }
  const cats = terms.filter((t) => codes.has(t.code));
  return searchDocument(
    [
      input.name,
      input.kana,
      await readingIfKanji(input.name),
      input.alternateName,
      await readingIfKanji(input.alternateName),
    ],
    [
      ...cats.flatMap((t) => [t.name, t.kana, ...t.synonyms]),
      org?.name,
      org ? await readingIfKanji(org.name) : null,
      loc?.name,
      loc ? await readingIfKanji(loc.name) : null,
      loc?.address,
      input.description.slice(0, 1000),
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

export function toLocation(l: LocationRow | null, areas: readonly AreaRow[]) {
  if (!l) return null;
  return {
    id: l.id,
    name: l.name,
    address: l.address,
    postalCode: l.postalCode,
    latitude: l.latitude,
    longitude: l.longitude,
    areaId: l.areaId,
    areaName: l.areaId ? (areas.find((a) => a.id === l.areaId)?.name ?? null) : null,
    accessibility: l.accessibility,
    transportation: l.transportation,
  };
}

/** The areas that say where a resource belongs: its place's area, else the areas it serves. */
const ownAreas = (s: { areaIds: string[] }, loc: { areaId: string | null } | null) =>
  loc?.areaId ? [loc.areaId] : s.areaIds;

export const isStale = (due: string | null, today: string) => due !== null && due < today;

export function feeText(fees: ParsedInput['fees']): string {
  if (fees.free && fees.options.length === 0)
    return fees.description ? `無料（${fees.description}）` : '無料';
  const options = fees.options.map(
    (o) =>
      `${o.label}${o.amount === null ? '' : ` ${o.amount.toLocaleString('ja-JP')}円`}${o.note ? `（${o.note}）` : ''}`,
  );
  return [fees.free ? '無料' : null, ...options, fees.description].filter(Boolean).join('、');
}

function toResource(
  s: ServiceRow,
  loc: LocationRow | null,
  org: OrgRow | null,
  w: World,
  ctx: TenantContext,
): Resource {
  const today = todayInTokyo(ctx.now());
  const rules = s.schedules as ScheduleRule[];
  return {
    id: s.id,
    name: s.name,
    kana: s.kana,
    alternateName: s.alternateName,
    description: s.description,
    status: s.status as Resource['status'],
    kind: s.kind as Resource['kind'],
    sogoType: s.sogoType as Resource['sogoType'],
    categories: s.categories.map((c) => ({ code: c, name: w.terms.find((t) => t.code === c)?.name ?? c })),
    organization: org ? { id: org.id, name: org.name, kind: org.kind } : null,
    eligibility: s.eligibility as Resource['eligibility'],
    capacity: s.capacity,
    applicationProcess: s.applicationProcess,
    fees: s.fees as Resource['fees'],
    schedules: rules.map((rule) => ({
      rule,
      description: describe(rule),
      nextDates: nextOccurrences(rule as never, today, 5),
    })),
    location: toLocation(loc, w.areas),
    areas: s.effectiveAreaIds
      .map((id) => w.areas.find((a) => a.id === id))
      .filter((a): a is AreaRow => Boolean(a))
      .map((a) => ({ id: a.id, name: a.name, layer: a.layer })),
    phones: s.phones as Resource['phones'],
    contacts: s.contacts as Resource['contacts'],
    url: s.url,
    email: s.email,
    notes: s.notes,
    lastVerifiedAt: s.lastVerifiedAt?.toISOString() ?? null,
    lastVerifiedBy: s.lastVerifiedBy,
    nextCheckDue: s.nextCheckDue,
    stale: isStale(s.nextCheckDue, today),
    sourceSystem: s.sourceSystem,
    sourceId: s.sourceId,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    canEdit: resourcesPolicy.canWrite(ctx, ownAreas(s, loc), w.areas),
  };
}

// How a resource meets its place and its 主体: left joins, as either may be missing.
const toItsPlace = and(
  eq(serviceAtLocations.tenantId, services.tenantId),
  eq(serviceAtLocations.serviceId, services.id),
);
const toThePlace = and(
  eq(locations.tenantId, serviceAtLocations.tenantId),
  eq(locations.id, serviceAtLocations.locationId),
);
const toItsOrganization = and(
  eq(organizations.tenantId, services.tenantId),
  eq(organizations.id, services.organizationId),
);

/** Services with their place and 主体 (a service has at most one place). */
export function servicesWithPlace(ctx: TenantContext) {
  return ctx.db
    .select({ s: services, loc: locations, org: organizations })
    .from(services)
    .leftJoin(serviceAtLocations, toItsPlace)
    .leftJoin(locations, toThePlace)
    .leftJoin(organizations, toItsOrganization);
}

async function loadRow(ctx: TenantContext, id: string) {
  const [row] = await servicesWithPlace(ctx).where(
    and(eq(services.tenantId, ctx.tenantId), eq(services.id, id)),
  );
  if (!row) throw notFound('地域資源');
  return row;
}

export async function getResource(ctx: TenantContext, id: string): Promise<Resource> {
  resourcesPolicy.read(ctx);
  const row = await loadRow(ctx, id);
  return toResource(row.s, row.loc, row.org, await world(ctx), ctx);
}

// ---------------------------------------------------------------------------------------------
// Saving

/** Checks references and turns the input into what is stored; every problem named by field. */
function checkReferences(input: ParsedInput, w: World, orgExists: boolean): void {
  const fields = [];
  for (const [i, c] of input.categories.entries()) {
    if (!w.terms.some((t) => t.code === c))
      fields.push({ path: `categories.${i}`, message: `分類：「${c}」という分類はありません。` });
  }
  if (input.organizationId && !orgExists)
    fields.push({ path: 'organizationId', message: '運営する主体：見つかりません。' });
  for (const [i, a] of input.areaIds.entries()) {
    if (!w.areas.some((x) => x.id === a))
      fields.push({ path: `areaIds.${i}`, message: '対象の地域：見つからない地域があります。' });
  }
  if (input.location) {
    const problem = coordinateProblem(input.location.latitude, input.location.longitude);
    if (problem) fields.push({ path: 'location.latitude', message: `緯度・経度：${problem}` });
    if (input.location.areaId && !w.areas.some((x) => x.id === input.location!.areaId)) {
      fields.push({ path: 'location.areaId', message: '場所の地域：見つかりません。' });
    }
  }
  if (fields.length) throw validationFailed(fields);
}

/** The place's stored columns, its area found from the boundary or the address when not chosen. */
function placeValues(loc: NonNullable<ParsedInput['location']>, w: World) {
  const { areaId, areaSource } = locateArea(loc, w.areas);
  return {
    name: loc.name,
    address: loc.address,
    postalCode: loc.postalCode,
    latitude: loc.latitude,
    longitude: loc.longitude,
    areaId,
    areaSource,
    accessibility: loc.accessibility,
    transportation: loc.transportation,
  };
}

/** Stores (or updates) the place and links it; returns the place as stored. */
async function savePlace(
  ctx: TenantContext,
  serviceId: string,
  loc: ParsedInput['location'],
  values: ReturnType<typeof placeValues> | null,
): Promise<LocationRow | null> {
  if (!loc || !values) {
    await ctx.db
      .delete(serviceAtLocations)
      .where(and(eq(serviceAtLocations.tenantId, ctx.tenantId), eq(serviceAtLocations.serviceId, serviceId)));
    return null;
  }
  let row: LocationRow | undefined;
  if (loc.id) {
    [row] = await ctx.db
      .update(locations)
      .set({ ...values, updatedAt: ctx.now() })
      .where(and(eq(locations.tenantId, ctx.tenantId), eq(locations.id, loc.id)))
      .returning();
    if (!row) throw fieldError('location.id', '場所：選んだ場所が見つかりません。');
  } else {
    [row] = await ctx.db
      .insert(locations)
      .values({
        tenantId: ctx.tenantId,
        id: randomUUID(),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
        ...values,
      })
      .returning();
  }
  await ctx.db
    .insert(serviceAtLocations)
    .values({ tenantId: ctx.tenantId, id: randomUUID(), serviceId, locationId: row!.id })
    .onConflictDoUpdate({
      target: [serviceAtLocations.tenantId, serviceAtLocations.serviceId],
      set: { locationId: row!.id },
    });
  return row!;
}

/**
 * Everything stored for a resource that follows from its input: schedules as rules, the place and
 * its area, the search columns. Shared by the form (one at a time) and imports (thousands).
 */
export async function prepareResource(input: ParsedInput, w: World, org: { name: string } | null) {
  const rules = input.schedules.map(toRule);
  const place = input.location ? placeValues(input.location, w) : null;
  const effectiveAreaIds = [...new Set([...input.areaIds, ...(place?.areaId ? [place.areaId] : [])])];
  const values = {
    organizationId: input.organizationId,
    name: input.name,
    kana: input.kana,
    alternateName: input.alternateName,
    description: input.description,
    status: input.status,
    kind: input.kind,
    sogoType: input.sogoType,
    categories: input.categories,
    areaIds: input.areaIds,
    effectiveAreaIds,
    eligibility: input.eligibility,
    capacity: input.capacity,
    applicationProcess: input.applicationProcess,
    fees: input.fees,
    free: input.fees.free,
    schedules: rules,
    weekdayMask: weekdayMask(rules),
    scheduleNeedsReview: rules.some((r) => r.needsReview),
    phones: input.phones,
    contacts: input.contacts,
    url: input.url,
    email: input.email,
    notes: input.notes,
    searchText: await buildSearchText(input, w.terms, org, place),
  };
  return { values, place, rules };
}

async function findOrg(ctx: TenantContext, id: string | null): Promise<OrgRow | null> {
  if (!id) return null;
  const [org] = await ctx.db
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantId, ctx.tenantId), eq(organizations.id, id)));
  return org ?? null;
}

async function nextRevision(ctx: TenantContext, serviceId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: sql<number>`coalesce(max(${resourceRevisions.revision}), 0)::int` })
    .from(resourceRevisions)
    .where(and(eq(resourceRevisions.tenantId, ctx.tenantId), eq(resourceRevisions.serviceId, serviceId)));
  return (r?.n ?? 0) + 1;
}

async function addRevision(ctx: TenantContext, serviceId: string, action: string, snapshot: Snapshot) {
  await ctx.db.insert(resourceRevisions).values({
    tenantId: ctx.tenantId,
    serviceId,
    revision: await nextRevision(ctx, serviceId),
    action,
    at: ctx.now(),
    actorId: actorId(ctx.actor),
    actorLabel: actorDisplayName(ctx.actor),
    snapshot,
  });
}

export interface SaveOptions {
  /** Import provenance. */
  source?: { system: string; id: string } | null;
  /** Who confirmed the content: defaults to the actor, now. */
  verifiedBy?: string;
  /** When it was confirmed, for records brought in from elsewhere (default: now). */
  verifiedAt?: Date;
  action?: string;
  /** Areas and terms already loaded (imports save thousands of rows). */
  world?: World;
}

/**
 * Creates or updates a resource, its place and its search columns in the caller's transaction,
 * and records the new state as a revision.
 */
export async function saveResource(
  ctx: TenantContext,
  id: string | null,
  input: ParsedInput,
  version: number | null,
  opts: SaveOptions = {},
): Promise<ServiceRow> {
  const w = opts.world ?? (await world(ctx));
  const org = await findOrg(ctx, input.organizationId);
  checkReferences(input, w, org !== null);
  const serviceId = id ?? randomUUID();
  const prepared = await prepareResource(input, w, org);

  let before: { s: ServiceRow; loc: LocationRow | null; org: OrgRow | null } | null = null;
  if (id) {
    const row = await loadRow(ctx, id);
    before = { s: row.s, loc: row.loc, org: row.org };
    // Moving a resource needs the right to both where it was and where it goes.
    resourcesPolicy.write(ctx, ownAreas(row.s, row.loc), w.areas);
  }
  resourcesPolicy.write(ctx, prepared.place?.areaId ? [prepared.place.areaId] : input.areaIds, w.areas);

  const today = todayInTokyo(ctx.now());
  const values = {
    ...prepared.values,
    nextCheckDue: input.nextCheckDue ?? before?.s.nextCheckDue ?? addMonths(today, DEFAULT_CHECK_MONTHS),
    updatedAt: ctx.now(),
  };
  const rules = prepared.rules;

  let row: ServiceRow | undefined;
  if (id && before) {
    [row] = await ctx.db
      .update(services)
      .set({ ...values, version: (version ?? before.s.version) + 1 })
      .where(
        and(
          eq(services.tenantId, ctx.tenantId),
          eq(services.id, id),
          eq(services.version, version ?? before.s.version),
        ),
      )
      .returning();
    if (!row) throw conflict(toResource(before.s, before.loc, before.org, w, ctx));
  } else {
    [row] = await ctx.db
      .insert(services)
      .values({
        tenantId: ctx.tenantId,
        id: serviceId,
        ...values,
        lastVerifiedAt: opts.verifiedAt ?? ctx.now(),
        lastVerifiedBy: opts.verifiedBy ?? actorDisplayName(ctx.actor),
        sourceSystem: opts.source?.system ?? null,
        sourceId: opts.source?.id ?? null,
        createdAt: ctx.now(),
      })
      .returning();
  }
  const place = await savePlace(ctx, serviceId, input.location, prepared.place);
  const snapshot: Snapshot = {
    ...input,
    schedules: rules.map((rule) => ({ rule })),
    location: input.location && place ? { ...input.location, id: place.id } : null,
  };
  await addRevision(ctx, serviceId, opts.action ?? (id ? 'update' : 'create'), snapshot);
  await recordAudit(ctx, {
    entity: 'resource',
    entityId: serviceId,
    action: opts.action ?? (id ? 'update' : 'create'),
  });
  return row!;
}

export async function createResource(ctx: TenantContext, input: ParsedInput): Promise<Resource> {
  resourcesPolicy.read(ctx);
  const id = await inTransaction(ctx, async (tx) => (await saveResource(tx, null, input, null)).id);
  return getResource(ctx, id);
}

export async function updateResource(
  ctx: TenantContext,
  id: string,
  input: ParsedInput & { version: number },
) {
  resourcesPolicy.read(ctx);
  await inTransaction(ctx, (tx) => saveResource(tx, id, input, input.version));
  return getResource(ctx, id);
}

/** 確認済み: the content was checked today; the next check is due in a year. */
export async function verifyResource(ctx: TenantContext, id: string, version: number): Promise<Resource> {
  resourcesPolicy.read(ctx);
  await inTransaction(ctx, async (tx) => {
    const w = await world(tx);
    const row = await loadRow(tx, id);
    resourcesPolicy.write(tx, ownAreas(row.s, row.loc), w.areas);
    const [updated] = await tx.db
      .update(services)
      .set({
        lastVerifiedAt: tx.now(),
        lastVerifiedBy: actorDisplayName(tx.actor),
        nextCheckDue: addMonths(todayInTokyo(tx.now()), DEFAULT_CHECK_MONTHS),
        version: version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(services.tenantId, tx.tenantId), eq(services.id, id), eq(services.version, version)))
      .returning();
    if (!updated) throw conflict(toResource(row.s, row.loc, row.org, w, tx));
    const [last] = await tx.db
      .select({ snapshot: resourceRevisions.snapshot })
      .from(resourceRevisions)
      .where(and(eq(resourceRevisions.tenantId, tx.tenantId), eq(resourceRevisions.serviceId, id)))
      .orderBy(desc(resourceRevisions.revision))
      .limit(1);
    await addRevision(tx, id, 'verify', last!.snapshot as Snapshot);
    await recordAudit(tx, { entity: 'resource', entityId: id, action: 'verify' });
  });
  return getResource(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// History

const ACTION_LABELS: Record<string, string> = {
  create: '登録',
  update: '変更',
  verify: '確認済みにした',
  restore: '以前の内容に戻した',
  import: '取り込み',
  'import-update': '取り込みで更新',
  'import-defunct': '取り込み元から消えたため終了にした',
};

export async function listRevisions(ctx: TenantContext, id: string) {
  resourcesPolicy.read(ctx);
  await loadRow(ctx, id);
  const w = await world(ctx);
  const rows = await ctx.db
    .select()
    .from(resourceRevisions)
    .where(and(eq(resourceRevisions.tenantId, ctx.tenantId), eq(resourceRevisions.serviceId, id)))
    .orderBy(asc(resourceRevisions.revision));
  const orgIds = [
    ...new Set(
      rows.map((r) => (r.snapshot as Snapshot).organizationId).filter((x): x is string => Boolean(x)),
    ),
  ];
  const orgs = orgIds.length
    ? await ctx.db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.tenantId, ctx.tenantId), inArray(organizations.id, orgIds)))
    : [];
  const names = {
    category: (c: string) => w.terms.find((t) => t.code === c)?.name ?? c,
    area: (a: string) => w.areas.find((x) => x.id === a)?.name ?? '（削除された地域）',
    organization: (o: string) => orgs.find((x) => x.id === o)?.name ?? '（不明な主体）',
  };
  const revisions = rows.map((r, i) => ({
    revision: r.revision,
    action: r.action,
    actionLabel: ACTION_LABELS[r.action] ?? r.action,
    at: r.at.toISOString(),
    by: r.actorLabel,
    changes: diffSnapshots(
      i === 0 ? null : (rows[i - 1]!.snapshot as Record<string, unknown>),
      r.snapshot as Record<string, unknown>,
      names,
      (rule) => describe(rule as ScheduleRule),
    ),
  }));
  return revisions.reverse();
}

/** Puts an earlier state back, as a new revision (nothing in the history is lost). */
export async function restoreRevision(ctx: TenantContext, id: string, revision: number, version: number) {
  resourcesPolicy.read(ctx);
  await inTransaction(ctx, async (tx) => {
    const [rev] = await tx.db
      .select()
      .from(resourceRevisions)
      .where(
        and(
          eq(resourceRevisions.tenantId, tx.tenantId),
          eq(resourceRevisions.serviceId, id),
          eq(resourceRevisions.revision, revision),
        ),
      );
    if (!rev) throw notFound('履歴');
    const snap = rev.snapshot as Snapshot;
    await saveResource(tx, id, snap as unknown as ParsedInput, version, { action: 'restore' });
  });
  return getResource(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Search

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A folded word in the search text. Trigrams need three characters: a shorter word (ごみ, 体操 as
 * typed) is written so that the planner does not try the trigram index with it — that would read
 * the whole index — and is checked on the rows the other filters leave.
 */
function textCondition(form: string): SQL {
  return [...form].length >= 3
    ? sql`${services.searchText} like ${`%${likeEscape(form)}%`}`
    : sql`strpos(${services.searchText}, ${form}) > 0`;
}

/** Areas a filter on `areaId` covers: the area, what lies below it, and what lies above it. */
function areaFilterIds(areaId: string, areas: readonly AreaRow[]): string[] {
  return [...subtreeIds(areas, [areaId]), ...ancestorsOf(areas, areaId).map((a) => a.id)];
}

/**
 * What a query's words must match: each word as typed or as its reading, folded. Shared by staff
 * search and the public HSDS API so that both find the same.
 */
export async function textConditions(query: string): Promise<{ terms: string[][]; conditions: SQL[] }> {
  const text = wellFormed(query);
  const r = await readings(text);
  const terms = queryTerms(text, (word) => r.get(word));
  return { terms, conditions: terms.map((forms) => sql`(${sql.join(forms.map(textCondition), sql` or `)})`) };
}

async function readings(q: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const w of q.normalize('NFKC').split(/\s+/)) if (w && hasKanji(w)) out.set(w, await readingOf(w));
  return out;
}

type Q = z.output<typeof ResourceQuery>;

/** What residents may see: running, or paused for a while (said so on the page). */
export const PUBLIC_STATUSES = ['active', 'temporarily closed'] as const;

/** What the public portal adds to a search: only public statuses, and a set of categories (a 大分類). */
export interface PublicScope {
  publicOnly?: boolean;
  anyOfCategories?: string[];
}

type Filters = Omit<Q, 'page' | 'perPage' | 'sort'>;

/**
 * A query's filters checked and resolved against the tenant's areas and terms — the one reading of
 * them that both the SQL (`conditions`) and the in-memory index (`indexQuery`) are built from.
 */
async function resolveFilters(ctx: TenantContext, q: Filters, w: World) {
  if (q.area && !w.areas.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
  if (q.category && !w.terms.some((t) => t.code === q.category))
    throw fieldError('category', '分類：見つかりません。');
  return {
    text: q.q ? await textConditions(q.q) : { terms: [], conditions: [] },
    areaIds: q.area ? areaFilterIds(q.area, w.areas) : null,
    categories: q.category ? withDescendants(q.category, w.terms) : null,
    today: todayInTokyo(ctx.now()),
  };
}

/** WHERE conditions for a query; every one starts from the tenant. */
async function conditions(ctx: TenantContext, q: Filters, w: World, scope: PublicScope = {}) {
  const { publicOnly = false } = scope;
  const { text, areaIds, categories, today } = await resolveFilters(ctx, q, w);
  const where: SQL[] = [eq(services.tenantId, ctx.tenantId), ...text.conditions];
  if (areaIds) where.push(sql`${services.effectiveAreaIds} && ${sql.param(areaIds)}::uuid[]`);
  if (categories) where.push(sql`${services.categories} && ${sql.param(categories)}::text[]`);
  if (scope.anyOfCategories) {
    where.push(sql`${services.categories} && ${sql.param(scope.anyOfCategories)}::text[]`);
  }
  if (q.weekday !== undefined) where.push(sql`(${services.weekdayMask} & ${1 << q.weekday}) <> 0`);
  if (q.free === 'true') where.push(eq(services.free, true));
  if (q.free === 'false') where.push(eq(services.free, false));
  if (q.sogoType) where.push(eq(services.sogoType, q.sogoType));
  if (q.kind) where.push(eq(services.kind, q.kind));
  if (publicOnly) where.push(inArray(services.status, [...PUBLIC_STATUSES]));
  else where.push(q.status ? eq(services.status, q.status) : sql`${services.status} <> 'defunct'`);
  if (q.stale === 'true') where.push(sql`${services.nextCheckDue} < ${today}`);
  if (q.stale === 'false')
    where.push(sql`(${services.nextCheckDue} is null or ${services.nextCheckDue} >= ${today})`);
  return { where: and(...where)!, terms: text.terms, today };
}

/** The same query for the in-memory index: every condition of `conditions`, and the page. */
async function indexQuery(ctx: TenantContext, q: Q, w: World, scope: PublicScope = {}): Promise<IndexQuery> {
  const { text, areaIds, categories, today } = await resolveFilters(ctx, q, w);
  const status: IndexQuery['status'] = scope.publicOnly
    ? { in: PUBLIC_STATUSES }
    : q.status
      ? { in: [q.status] }
      : { not: 'defunct' };
  return {
    terms: text.terms,
    ...(areaIds ? { areaIds: new Set(areaIds) } : {}),
    ...(categories ? { categories: new Set(categories) } : {}),
    ...(scope.anyOfCategories ? { anyOfCategories: new Set(scope.anyOfCategories) } : {}),
    ...(q.weekday !== undefined ? { weekday: q.weekday } : {}),
    ...(q.free ? { free: q.free === 'true' } : {}),
    ...(q.sogoType ? { sogoType: q.sogoType } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    status,
    ...(q.stale ? { stale: q.stale === 'true' } : {}),
    today,
    sort: q.sort,
    offset: (q.page - 1) * q.perPage,
    limit: q.perPage,
  };
}

const summaryColumns = {
  s: {
    id: services.id,
    name: services.name,
    kana: services.kana,
    status: services.status,
    kind: services.kind,
    sogoType: services.sogoType,
    categories: services.categories,
    capacity: services.capacity,
    lastVerifiedAt: services.lastVerifiedAt,
    nextCheckDue: services.nextCheckDue,
    version: services.version,
    schedules: services.schedules,
    fees: services.fees,
    free: services.free,
    phones: services.phones,
    areaIds: services.areaIds,
    scheduleNeedsReview: services.scheduleNeedsReview,
  },
  loc: locations,
  org: { id: organizations.id, name: organizations.name, kind: organizations.kind },
};

/** Resources with their place and 主体; `total` (count over the whole filter) is selected too. */
function summaryQuery(ctx: TenantContext) {
  return ctx.db
    .select({ ...summaryColumns, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(services)
    .leftJoin(serviceAtLocations, toItsPlace)
    .leftJoin(locations, toThePlace)
    .leftJoin(organizations, toItsOrganization);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];
/** A list row as a search returns it: the resource, its place and 主体. */
export type ListRow = Omit<SummaryRow, 'total'>;

function toSummary(r: ListRow, w: World, ctx: TenantContext, today: string): ResourceSummary {
  const rules = r.s.schedules as ScheduleRule[];
  const phones = r.s.phones as { number: string; public: boolean }[];
  return {
    id: r.s.id,
    name: r.s.name,
    kana: r.s.kana,
    status: r.s.status as ResourceSummary['status'],
    kind: r.s.kind as ResourceSummary['kind'],
    sogoType: r.s.sogoType as ResourceSummary['sogoType'],
    categories: r.s.categories.map((c) => ({ code: c, name: w.terms.find((t) => t.code === c)?.name ?? c })),
    organization: r.org?.id ? { id: r.org.id, name: r.org.name, kind: r.org.kind } : null,
    location: toLocation(r.loc, w.areas),
    capacity: r.s.capacity,
    lastVerifiedAt: r.s.lastVerifiedAt?.toISOString() ?? null,
    nextCheckDue: r.s.nextCheckDue,
    stale: isStale(r.s.nextCheckDue, today),
    version: r.s.version,
    canEdit: resourcesPolicy.canWrite(ctx, ownAreas(r.s, r.loc), w.areas),
    scheduleText: rules.map(describe).join('／'),
    free: r.s.free,
    feeText: feeText(r.s.fees as ParsedInput['fees']),
    phone: phones.find((p) => p.public)?.number ?? null,
    needsReview: r.s.scheduleNeedsReview,
  };
}

/**
 * The page query of a search in SQL (filters, ranking, the total alongside), not yet run: the path
 * inside a transaction and for tenants too large to hold in memory, the reference the in-memory
 * index is tested against, and what the benchmark times as "SQL". Readings and names are ordered
 * by code point (collate "C") on every engine, whatever the database's locale, so that PGlite,
 * PostgreSQL and the index agree.
 */
export async function searchQuery(ctx: TenantContext, q: Q, w: World, scope: PublicScope = {}) {
  const { where, terms, today } = await conditions(ctx, q, w, scope);
  const first = terms[0]?.[0];
  // A name or its reading starting with the word first, then one containing it, then other text;
  // fresh before stale; then by reading. The forms of the name are the text's first word, each
  // ending in NAME_END (searchDocument).
  const head = sql`split_part(${services.searchText}, ' ', 1)`;
  const relevance = first
    ? sql<number>`case when ${NAME_END} || ${head} like ${`%${NAME_END}${likeEscape(first)}%`} then 0 when ${head} like ${`%${likeEscape(first)}%`} then 1 else 2 end`
    : null;
  const staleLast = sql`case when ${services.nextCheckDue} < ${today} then 1 else 0 end`;
  const kana = sql`${services.kana} collate "C"`;
  const name = sql`${services.name} collate "C"`;
  const order =
    q.sort === 'name'
      ? [asc(kana), asc(name)]
      : q.sort === 'stale'
        ? [sql`${services.nextCheckDue} asc nulls last`, asc(kana)]
        : q.sort === 'updated'
          ? [desc(services.updatedAt)]
          : [...(relevance ? [asc(relevance)] : []), asc(staleLast), asc(kana), asc(name)];
  // The total rides along with the page (one scan instead of two).
  const query = summaryQuery(ctx)
    .where(where)
    .orderBy(...order, asc(services.id))
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage);
  return { query, where, today };
}

/** What the search index keeps of a resource: the list row plus the columns its filters and order use. */
const indexColumns = {
  ...summaryColumns,
  x: {
    searchText: services.searchText,
    areaIds: services.effectiveAreaIds,
    weekdayMask: services.weekdayMask,
    // Microseconds, exact in a double: Date would round updated_at to milliseconds.
    updatedAtUs: sql<number>`(extract(epoch from ${services.updatedAt}) * 1000000)::float8`.mapWith(Number),
  },
};

interface IndexRow extends ListRow {
  x: { searchText: string; areaIds: string[]; weekdayMask: number; updatedAtUs: number };
}

function toEntry({ s, loc, org, x }: IndexRow): IndexEntry<ListRow> {
  return {
    id: s.id,
    searchText: x.searchText,
    kana: s.kana,
    name: s.name,
    categories: s.categories,
    areaIds: x.areaIds,
    weekdayMask: x.weekdayMask,
    status: s.status,
    free: s.free,
    sogoType: s.sogoType,
    kind: s.kind,
    nextCheckDue: s.nextCheckDue,
    updatedAtUs: x.updatedAtUs,
    row: { s, loc, org },
  };
}

/** Reads the search index's rows: a whole tenant, or in one statement what changed since a snapshot. */
export const indexLoader: IndexLoader<ListRow> = {
  async all(db, tenantId) {
    const rows = await db
      .select(indexColumns)
      .from(services)
      .leftJoin(serviceAtLocations, toItsPlace)
      .leftJoin(locations, toThePlace)
      .leftJoin(organizations, toItsOrganization)
      .where(eq(services.tenantId, tenantId));
    return rows.map(toEntry);
  },
  async changed(db, tenantId, since) {
    const changed = changedSince(db, tenantId, since);
    const rows = await db
      .with(changed)
      .select({
        ...indexColumns,
        snapshot: sql<string>`pg_current_snapshot()::text`,
        changedId: sql<string>`${changed.serviceId}::text`,
      })
      .from(changed)
      .leftJoin(services, and(eq(services.tenantId, tenantId), eq(services.id, changed.serviceId)))
      .leftJoin(serviceAtLocations, toItsPlace)
      .leftJoin(locations, toThePlace)
      .leftJoin(organizations, toItsOrganization);
    return {
      // No row: the changes were pruned away meanwhile (a day old); nothing left to patch.
      snapshot: rows[0]?.snapshot ?? since,
      ids: rows.map((r) => r.changedId),
      entries: rows.flatMap(({ s, loc, org, x }) => (s && x ? [toEntry({ s, loc, org, x })] : [])),
    };
  },
};

/** Each tenant's resources in memory, current before every search (decision 0015). */
export const searchIndexes = new SearchIndexes(indexLoader);

/**
 * One page of a search and the total: from the tenant's in-memory index when it can be used,
 * else from SQL. Both give the same rows in the same order (search-index.test.ts).
 */
export async function searchPage(
  ctx: TenantContext,
  q: Q,
  w: World,
  scope: PublicScope = {},
): Promise<{ total: number; rows: ListRow[]; today: string }> {
  const iq = await indexQuery(ctx, q, w, scope);
  const hit = await searchIndexes.use(ctx, (index) => index.search(iq));
  if (hit) return { ...hit, today: iq.today };
  const { query, where, today } = await searchQuery(ctx, q, w, scope);
  const rows = await query;
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(services).where(where);
    total = count?.n ?? 0;
  }
  return { total, rows, today };
}

/** Tenant-scoped search: Japanese text (folded, readings, synonyms) plus filters, ranked. */
export async function searchResources(ctx: TenantContext, q: Q) {
  resourcesPolicy.read(ctx);
  const w = await world(ctx);
  const { total, rows, today } = await searchPage(ctx, q, w);
  return { total, page: q.page, perPage: q.perPage, items: rows.map((r) => toSummary(r, w, ctx, today)) };
}

/** Points for the map, with the same filters as the list. */
export async function resourcePoints(ctx: TenantContext, q: Omit<Q, 'page' | 'perPage' | 'sort'>) {
  resourcesPolicy.read(ctx);
  const w = await world(ctx);
  const { where, today } = await conditions(ctx, q, w);
  const rows = await summaryQuery(ctx).where(where).limit(20_000);
  const points = [];
  let withoutLocation = 0;
  for (const r of rows) {
    if (r.loc?.latitude == null || r.loc.longitude == null) {
      withoutLocation++;
      continue;
    }
    points.push({
      id: r.s.id,
      name: r.s.name,
      latitude: r.loc.latitude,
      longitude: r.loc.longitude,
      category: r.s.categories[0] ?? '',
      stale: isStale(r.s.nextCheckDue, today),
    });
  }
  return { points, withoutLocation };
}

/** Likely duplicates: a similar name (trigram similarity) near the same place, or anywhere when no place is known. */
export async function similarResources(
  ctx: TenantContext,
  q: { name: string; latitude?: number; longitude?: number; exclude?: string },
) {
  resourcesPolicy.read(ctx);
  const similarity = sql<number>`similarity(${services.name}, ${q.name})`;
  const rows = await ctx.db
    .select({
      id: services.id,
      name: services.name,
      address: locations.address,
      lat: locations.latitude,
      lon: locations.longitude,
      similarity,
    })
    .from(services)
    .leftJoin(serviceAtLocations, toItsPlace)
    .leftJoin(locations, toThePlace)
    .where(
      and(
        eq(services.tenantId, ctx.tenantId),
        sql`${similarity} >= 0.3`,
        sql`${services.status} <> 'defunct'`,
      ),
    )
    .orderBy(desc(similarity))
    .limit(20);
  const candidates = rows
    .filter((r) => r.id !== q.exclude)
    .map((r) => ({
      id: r.id,
      name: r.name,
      address: r.address ?? '',
      distanceMetres:
        q.latitude !== undefined && q.longitude !== undefined && r.lat !== null && r.lon !== null
          ? Math.round(distanceMetres({ lat: q.latitude, lon: q.longitude }, { lat: r.lat, lon: r.lon }))
          : null,
      similarity: Number(r.similarity),
    }))
    // Near (within 500 m), or where distance cannot be told: then only clearly similar names.
    .filter((c) => (c.distanceMetres === null ? c.similarity >= 0.5 : c.distanceMetres <= 500));
  return { candidates };
}

/** The 要確認 queue: overdue first (most overdue first), then due within 30 days, then schedules to check. */
export async function reviewQueue(ctx: TenantContext, q: { area?: string; limit: number }) {
  resourcesPolicy.read(ctx);
  const w = await world(ctx);
  const today = todayInTokyo(ctx.now());
  const soon = addMonths(today, 1);
  const where: SQL[] = [
    eq(services.tenantId, ctx.tenantId),
    sql`${services.status} <> 'defunct'`,
    sql`(${services.nextCheckDue} <= ${soon} or ${services.scheduleNeedsReview})`,
  ];
  if (q.area)
    where.push(sql`${services.effectiveAreaIds} && ${sql.param(areaFilterIds(q.area, w.areas))}::uuid[]`);
  const rows = await summaryQuery(ctx)
    .where(and(...where))
    .orderBy(sql`${services.nextCheckDue} asc nulls last`, asc(services.kana))
    .limit(q.limit);
  const day = 86_400_000;
  const items = rows.map((r) => {
    const due = r.s.nextCheckDue;
    const daysOverdue = due && due < today ? Math.round((Date.parse(today) - Date.parse(due)) / day) : null;
    const reasons: string[] = [];
    if (daysOverdue !== null) reasons.push(`確認期限を${daysOverdue}日過ぎています`);
    else if (due && due <= soon) reasons.push('30日以内に確認期限が来ます');
    if (r.s.scheduleNeedsReview) reasons.push('日時の書き方に確認が必要です');
    return { ...toSummary(r, w, ctx, today), daysOverdue, reasons };
  });
  return {
    overdue: items.filter((i) => i.daysOverdue !== null).length,
    dueSoon: items.filter((i) => i.daysOverdue === null && i.nextCheckDue && i.nextCheckDue <= soon).length,
    items,
  };
}

export type { World };
export { world as loadWorld };

/**
 * Rebuilds the search text of the resources a change touches (a term's synonyms, a 主体's name),
 * so that new words are found at once.
 */
export async function reindexResources(
  ctx: TenantContext,
  where: { category?: string; organizationId?: string; olderForm?: true },
) {
  const w = await world(ctx);
  const cond = [eq(services.tenantId, ctx.tenantId)];
  if (where.olderForm) cond.push(sql`strpos(${services.searchText}, ${NAME_END}) = 0`);
  if (where.category) cond.push(sql`${services.categories} @> ${sql.param([where.category])}::text[]`);
  if (where.organizationId) cond.push(eq(services.organizationId, where.organizationId));
  const rows = await servicesWithPlace(ctx).where(and(...cond));
  for (const r of rows) {
    const searchText = await buildSearchText(r.s, w.terms, r.org, r.loc);
    await ctx.db
      .update(services)
      .set({ searchText })
      .where(and(eq(services.tenantId, ctx.tenantId), eq(services.id, r.s.id)));
  }
  return rows.length;
}

/**
 * The tenant's resources that are not 廃止, with what the needs-against-resources view counts.
 * `schedule` (the rules in words) is made only when asked, for the few a drill-down shows.
 */
export async function resourceCoverage(ctx: TenantContext) {
  resourcesPolicy.read(ctx);
  const rows = await ctx.db
    .select({
      id: services.id,
      name: services.name,
      categories: services.categories,
      areaIds: services.effectiveAreaIds,
      capacity: services.capacity,
      weekdayMask: services.weekdayMask,
      schedules: services.schedules,
    })
    .from(services)
    .where(and(eq(services.tenantId, ctx.tenantId), sql`${services.status} <> 'defunct'`))
    .orderBy(asc(services.kana), asc(services.name));
  return rows.map((r) => ({
    ...r,
    schedule: () => (r.schedules as ScheduleRule[]).map(describe).join('、'),
  }));
}

/** Names of this tenant's resources by id (unknown ids are left out: the caller decides what that means). */
export async function resourceNames(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(and(eq(services.tenantId, ctx.tenantId), inArray(services.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Rebuilds, in every tenant, the search texts written before the forms of a name were marked with
 * NAME_END (they would still be found, but a name's reading would rank as other text). Runs after
 * the migrations; a database with none left costs one scan.
 */
export async function refreshOlderSearchTexts(ctx: BaseContext): Promise<number> {
  const res = (await ctx.db.execute(
    sql`select distinct ${services.tenantId} as tenant from ${services} where strpos(${services.searchText}, ${NAME_END}) = 0`,
  )) as unknown as { rows: { tenant: string }[] };
  let n = 0;
  for (const { tenant } of res.rows)
    n += await reindexResources({ ...ctx, tenantId: tenant }, { olderForm: true });
  return n;
}
