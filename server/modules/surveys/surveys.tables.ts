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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';
import { areas } from '../areas/areas.tables';
import { residents } from '../residents/residents.tables';

/**
 * A survey a town runs with one of the shipped instruments (ニーズ調査, 基本チェックリスト,
 * 興味・関心チェックシート), pinned to the instrument's version. Threshold changes are the town's own
 * setting for this survey; results are always computed with the thresholds in force.
 */
export const surveys = pgTable(
  'surveys',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    instrument: text('instrument').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    /** { ruleKey: threshold } */
    thresholds: jsonb('thresholds').notNull().default(sql`'{}'::jsonb`),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
export type SurveyRow = typeof surveys.$inferSelect;

/**
 * One person's answers (要配慮個人情報), stored as a vector in the order of the questionnaire's items; sex and age are
 * kept beside them for banding, and the area for the by-area view.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    respondentNo: text('respondent_no').notNull().default(''),
    residentId: uuid('resident_id'),
    areaId: uuid('area_id'),
    sex: char('sex', { length: 1 }),
    age: smallint('age'),
    answeredOn: date('answered_on', { mode: 'string' }),
    mode: text('mode').notNull(),
    /** One text per item of the instrument version, in its order (domain/answer-vector). */
    answers: text('answers').array().notNull(),
    /** [hits, blanks, BMI] per rule of the instrument, before thresholds (domain/survey-instruments `tallies`). */
    tallies: smallint('tallies').array().notNull(),
    importId: uuid('import_id'),
    enteredBy: text('entered_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.surveyId], foreignColumns: [surveys.tenantId, surveys.id] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    // ON DELETE SET NULL (resident_id) is added in the migration (erasure keeps the answers, anonymous).
    foreignKey({ columns: [t.tenantId, t.residentId], foreignColumns: [residents.tenantId, residents.id] }),
    index('survey_responses_survey_idx').on(t.tenantId, t.surveyId, t.areaId),
    uniqueIndex('survey_responses_number_idx')
      .on(t.tenantId, t.surveyId, t.respondentNo)
      .where(sql`${t.respondentNo} <> ''`),
    check('survey_responses_sex_check', sql`${t.sex} in ('1', '2')`),
  ],
);
export type SurveyResponseRow = typeof surveyResponses.$inferSelect;

/** A file of answers on its way in: previewed, remapped, then committed all at once or not at all. */
export const surveyImports = pgTable(
  'survey_imports',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    fileName: text('file_name').notNull(),
    encoding: text('encoding').notNull(),
    status: text('status').notNull(),
    /**
     * The file as CSV text (an xlsx sheet is converted, keeping its row numbers), kept until commit so
     * that what was checked is what is written; emptied once committed.
     */
    content: text('content').notNull(),
    /**
     * The rows exactly as they will be written (checked, normalised, answer vectors built), as JSON,
     * when the file has no error; the commit writes these and checks nothing twice.
     */
    planned: text('planned'),
    headerRows: smallint('header_rows').notNull(),
    columns: jsonb('columns').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.surveyId], foreignColumns: [surveys.tenantId, surveys.id] }),
  ],
);
