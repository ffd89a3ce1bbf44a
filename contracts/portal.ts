import { z } from 'zod';
import { PORTAL_GROUPS, type PortalGroup } from '../domain/life-support-taxonomy';
import { IsoDateString, IsoDateTime, Uuid } from './http';
import { Location, ScheduleRule } from './resources';

/*
 * The public portal (/t/{団体コード}): what residents see and what its query strings may say.
 * Only public fields exist here — no internal notes, no private phones or contacts, no version —
 * so nothing private can reach a page, a PDF, a feed or an open-data file built from them.
 */

/** A query value that is not understood is dropped (the page still answers), never a 500. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** 「いつ」: this week, or a weekday ('0' = 日曜 … '6' = 土曜); one radio group on the form. */
export const PORTAL_WHEN = ['this-week', '0', '1', '2', '3', '4', '5', '6'] as const;

export const PortalSearchQuery = z.object({
  q: lenient(z.string().trim().max(100)),
  /** A 大分類 button (集う・買い物 …). */
  group: lenient(z.enum(PORTAL_GROUPS.map((g) => g.code) as [PortalGroup, ...PortalGroup[]])),
  /** A category code of the tenant's taxonomy. */
  category: lenient(z.string().trim().min(1).max(40)),
  /** An area id (地区・圏域). */
  area: lenient(Uuid),
  /** An address or 町丁 name typed by the resident; turned into an area. */
  place: lenient(z.string().trim().max(100)),
  when: lenient(z.enum(PORTAL_WHEN)),
  free: lenient(z.literal('1')),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type PortalSearchQuery = z.output<typeof PortalSearchQuery>;

export const PublicSchedule = z.object({
  rule: ScheduleRule,
  /** 「毎月第2水曜日 10時〜12時」 */
  description: z.string(),
  nextDates: z.array(IsoDateString),
});

export const PublicResource = z.object({
  id: Uuid,
  name: z.string(),
  kana: z.string(),
  alternateName: z.string(),
  description: z.string(),
  status: z.enum(['active', 'temporarily closed']),
  kind: z.enum(['formal', 'informal']),
  categories: z.array(z.object({ code: z.string(), name: z.string() })),
  organizationName: z.string().nullable(),
  eligibility: z.string(),
  capacity: z.number().int().nullable(),
  applicationProcess: z.string(),
  free: z.boolean(),
  /** 「無料」「30分300円、60分600円」 */
  feeText: z.string(),
  schedules: z.array(PublicSchedule),
  location: Location.omit({ id: true }).nullable(),
  /** Every area it counts for: where it stands and the areas it serves. */
  areas: z.array(z.object({ id: Uuid, name: z.string(), layer: z.number().int() })),
  phones: z.array(z.object({ number: z.string(), description: z.string() })),
  contacts: z.array(z.object({ name: z.string(), title: z.string(), phone: z.string(), email: z.string() })),
  url: z.string(),
  email: z.string(),
  lastVerifiedAt: IsoDateTime.nullable(),
  nextCheckDue: IsoDateString.nullable(),
  /** Past its check date: the page says when it was last confirmed. */
  stale: z.boolean(),
  updatedAt: IsoDateTime,
});
export type PublicResource = z.infer<typeof PublicResource>;
