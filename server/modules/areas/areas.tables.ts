import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';

/**
 * Areas by 層: 第1層 the whole municipality, 第2層 日常生活圏域, 第3層 地区/小学校区/町内会.
 * Areas change between plan periods, so they carry a validity by 年度 instead of being deleted.
 */
export const areas = pgTable(
  'areas',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    layer: smallint('layer').notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    kind: text('kind').notNull(),
    /** First 年度 (April start year) the area is in use; null = always. */
    validFromFy: integer('valid_from_fy'),
    /** Last 年度 it is in use; null = still in use. */
    validToFy: integer('valid_to_fy'),
    /** 町丁 names the area contains; population rows are mapped onto areas through them. */
    townNames: text('town_names').array().notNull().default(sql`'{}'::text[]`),
    /** GeoJSON Polygon or MultiPolygon (WGS84). */
    boundary: jsonb('boundary'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** わがまちこんなとこシート: the area's strengths (お宝) as the SC sees them, in her words. */
    strengths: text('strengths').notNull().default(''),
    /** …and what worries her about it (気になること). About the area, never about a person. */
    concerns: text('concerns').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('areas_parent_idx').on(t.tenantId, t.parentId),
    check('areas_layer_check', sql`${t.layer} in (1, 2, 3)`),
    check(
      'areas_validity_check',
      sql`${t.validToFy} is null or ${t.validFromFy} is null or ${t.validToFy} >= ${t.validFromFy}`,
    ),
  ],
);

/**
 * Population statistics of an area on a date. 高齢化率 is never stored: it is derived from
 * aged65 / total wherever it is shown.
 */
export const areaStatistics = pgTable(
  'area_statistics',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    areaId: uuid('area_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    total: integer('total').notNull(),
    male: integer('male'),
    female: integer('female'),
    aged65: integer('aged65'),
    aged75: integer('aged75'),
    households: integer('households'),
    /** 要介護認定者数, where the municipality knows it. */
    careCertified: integer('care_certified'),
    /** 5-year bands as read from the file: [{ from, to, male, female, total }]. */
    bands: jsonb('bands'),
    /** Where the figures came from (file name or 手入力). */
    source: text('source').notNull(),
    importId: uuid('import_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.areaId, t.asOf] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }).onDelete(
      'cascade',
    ),
    index('area_statistics_date_idx').on(t.tenantId, t.asOf),
    check('area_statistics_nonnegative', sql`${t.total} >= 0`),
  ],
);

/**
 * A population file on its way in: previewed first, committed in one transaction, or rejected.
 * The decoded text is kept until commit so that what was previewed is exactly what is written.
 */
export const populationImports = pgTable(
  'population_imports',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    fileName: text('file_name').notNull(),
    encoding: text('encoding').notNull(),
    status: text('status').notNull(),
    content: text('content'),
    defaultAsOf: date('default_as_of', { mode: 'string' }),
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
