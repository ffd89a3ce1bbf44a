import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';

/*
 * 地域資源, shaped like HSDS 3.0: organization (主体), service (the resource), location and
 * service_at_location as tables; a service's schedules, cost options, phones and contacts as JSON
 * documents on it (they are never queried on their own). Columns the search filters on are
 * derived on save: search_text, weekday_mask, effective_area_ids, free.
 */

export const organizations = pgTable(
  'organizations',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    website: text('website').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('organizations_name_idx').on(t.tenantId, t.name),
  ],
);

export const locations = pgTable(
  'locations',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    name: text('name').notNull().default(''),
    address: text('address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** The area the place is in (no FK: areas are another module's). */
    areaId: uuid('area_id'),
    /** How areaId was found: manual, boundary (point in polygon), town (町丁 in the address). */
    areaSource: text('area_source'),
    accessibility: text('accessibility').notNull().default(''),
    transportation: text('transportation').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('locations_area_idx').on(t.tenantId, t.areaId)],
);

export const services = pgTable(
  'services',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id'),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    alternateName: text('alternate_name').notNull().default(''),
    description: text('description').notNull().default(''),
    status: text('status').notNull(),
    kind: text('kind').notNull(),
    sogoType: text('sogo_type'),
    /** Taxonomy term codes. */
    categories: text('categories').array().notNull(),
    /** Areas it explicitly serves. */
    areaIds: uuid('area_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** areaIds plus the area of its place: what the area filter matches. */
    effectiveAreaIds: uuid('effective_area_ids').array().notNull().default(sql`'{}'::uuid[]`),
    eligibility: jsonb('eligibility').notNull(),
    capacity: integer('capacity'),
    applicationProcess: text('application_process').notNull().default(''),
    fees: jsonb('fees').notNull(),
    free: boolean('free').notNull(),
    schedules: jsonb('schedules').notNull(),
    /** Bit n set = happens on weekday n (0 = Sunday). */
    weekdayMask: smallint('weekday_mask').notNull().default(0),
    scheduleNeedsReview: boolean('schedule_needs_review').notNull().default(false),
    phones: jsonb('phones').notNull(),
    contacts: jsonb('contacts').notNull(),
    url: text('url').notNull().default(''),
    email: text('email').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** Folded names, readings, category words, place and description: what the search matches. */
    searchText: text('search_text').notNull(),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
    lastVerifiedBy: text('last_verified_by'),
    nextCheckDue: date('next_check_due', { mode: 'string' }),
    /** Where an imported record came from, so that a re-import updates it. */
    sourceSystem: text('source_system'),
    sourceId: text('source_id'),
    /** Hash of the imported row: an identical row in a re-import is 'unchanged' and keeps staff edits. */
    sourceFingerprint: text('source_fingerprint'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // One GIN index over tenant, text, areas and categories: a search with any of these filters is
    // one bitmap index scan that intersects them all before touching a row (decision 0008).
    index('services_filter_idx').using(
      'gin',
      t.tenantId,
      sql`${t.searchText} gin_trgm_ops`,
      t.effectiveAreaIds,
      t.categories,
    ),
    index('services_check_idx').on(t.tenantId, t.nextCheckDue),
    index('services_updated_idx').on(t.tenantId, t.updatedAt),
    uniqueIndex('services_source_key')
      .on(t.tenantId, t.sourceSystem, t.sourceId)
      .where(sql`${t.sourceId} is not null`),
  ],
);

export const serviceAtLocations = pgTable(
  'service_at_locations',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    serviceId: uuid('service_id').notNull(),
    locationId: uuid('location_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('service_at_locations_service_key').on(t.tenantId, t.serviceId),
    index('service_at_locations_location_idx').on(t.tenantId, t.locationId),
    foreignKey({
      columns: [t.tenantId, t.serviceId],
      foreignColumns: [services.tenantId, services.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [locations.tenantId, locations.id] }),
  ],
);

/**
 * Which resources each transaction changed, written by triggers on services, service_at_locations,
 * locations and organizations (migration 0014) in the writing transaction itself, so that a search
 * index in any process can tell exactly which of its rows are out of date (decision 0015).
 */
export const resourceChanges = pgTable(
  'resource_changes',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    /** pg_current_xact_id() of the writing transaction. */
    xid: bigint('xid', { mode: 'number' }).notNull(),
    /** The changed resource; the nil UUID when one statement changed too many to list. */
    serviceId: uuid('service_id').notNull(),
    /** When the row was written; rows older than a day are pruned. */
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.xid, t.serviceId] })],
);

/** The tenant's copy of the life-support taxonomy, which it may extend. */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    code: text('code').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    parentCode: text('parent_code'),
    portalGroup: text('portal_group').notNull(),
    synonyms: text('synonyms').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    custom: boolean('custom').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.code] }),
    uniqueIndex('taxonomy_terms_id_key').on(t.tenantId, t.id),
  ],
);

/** Every saved state of a resource: who, when, what; the diff view and restore read these. */
export const resourceRevisions = pgTable(
  'resource_revisions',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    serviceId: uuid('service_id').notNull(),
    revision: integer('revision').notNull(),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.serviceId, t.revision] }),
    foreignKey({
      columns: [t.tenantId, t.serviceId],
      foreignColumns: [services.tenantId, services.id],
    }).onDelete('cascade'),
  ],
);

/** A resource list on its way in: previewed with a mapping, then committed in one transaction. */
export const resourceImports = pgTable(
  'resource_imports',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding'),
    status: text('status').notNull(),
    /** The file as a table: { headers, rows: [{ line, cells }] } — kept until commit. */
    table: jsonb('table'),
    mapping: jsonb('mapping').notNull(),
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const resourceImportPresets = pgTable(
  'resource_import_presets',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    name: text('name').notNull(),
    mapping: jsonb('mapping').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);
