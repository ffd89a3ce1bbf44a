import ical, { ICalEventStatus, type ICalLuxonDateTimeStub } from 'ical-generator';
import type { PublicResource } from '../../../contracts/portal';
import { addDays, type IsoDate } from '../../../domain/dates';
import { calendarPlan } from '../../../domain/opendata-ics';

/*
 * ICS feeds (RFC 5545) of a tenant's public resources: one VEVENT per schedule rule, recurring by
 * the stored RRULE in Japanese time. Calendar apps subscribe to these URLs and fetch them again now
 * and then, which is why holidays and closures are written as EXDATE for the coming year only.
 */

export const TZID = 'Asia/Tokyo';

/** Japan has kept +09:00 without daylight saving since 1951: one STANDARD block is the whole zone. */
export const TOKYO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * A wall-clock time in Japan in the shape ical-generator accepts for Luxon values. The library prints
 * native Dates through the server's local time-zone getters, so a server running in UTC would move
 * every event by nine hours; a value of this shape is printed by its own `toFormat`, exactly as given.
 */
function tokyoTime(date: IsoDate, time: string | null): ICalLuxonDateTimeStub {
  const hhmm = time ?? '00:00';
  const stub: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: 'fixed' },
    setZone: () => stub,
    toFormat: (fmt: string) => {
      if (fmt === 'yyyyLLdd') return date.replaceAll('-', '');
      if (fmt === 'HHmmss') return `${hhmm.replace(':', '')}00`;
      throw new Error(`unexpected format ${fmt}`);
    },
    toJSDate: () => new Date(`${date}T${hhmm}:00+09:00`),
    toJSON: () => `${date}T${hhmm}:00+09:00`,
  };
  return stub;
}

/** 'HH:MM' of an end, with 24:00 as the next day's midnight (RFC 5545 has no hour 24). */
function endOf(date: IsoDate, closesAt: string): ICalLuxonDateTimeStub {
  return closesAt === '24:00' ? tokyoTime(addDays(date, 1), '00:00') : tokyoTime(date, closesAt);
}

const exdateLine = (dates: IsoDate[], opensAt: string | null) =>
  opensAt === null
    ? `EXDATE;VALUE=DATE:${dates.map((d) => d.replaceAll('-', '')).join(',')}`
    : `EXDATE;TZID=${TZID}:${dates.map((d) => `${d.replaceAll('-', '')}T${opensAt.replace(':', '')}00`).join(',')}`;

export interface FeedOptions {
  /** X-WR-CALNAME: 「ささえ町 北部圏域の集いの場・活動」 */
  name: string;
  description: string;
  /** Today in Japan: where the recurrences start and the EXDATE horizon is measured from. */
  today: IsoDate;
  /** Absolute URL of a resource's public page. */
  pageUrl: (id: string) => string;
  /** The feed's own URL (written as URL and SOURCE of the calendar). */
  feedUrl: string;
}

/** A calendar in Japanese time with its name; the feeds below add their events to it. */
function newCalendar(o: { name: string; description: string; feedUrl?: string; product: string }) {
  const cal = ical({
    name: o.name,
    description: o.description,
    prodId: { company: 'sasaeai', product: o.product, language: 'JA' },
    ...(o.feedUrl ? { url: o.feedUrl } : {}),
    // Subscribers fetch again once a day (REFRESH-INTERVAL and X-PUBLISHED-TTL).
    ttl: 24 * 60 * 60,
    // No zone name on the calendar itself: DTSTAMP stays in UTC as RFC 5545 wants; events carry TZID.
    timezone: { name: null, generator: (tz) => (tz === TZID ? TOKYO_VTIMEZONE : null) },
  });
  cal.x('X-WR-TIMEZONE', TZID);
  return cal;
}

/** One dated event (a meeting): a day, and a time in Japan when known. */
export interface DatedEvent {
  /** Stable across downloads, so that a calendar updates the event instead of adding a copy. */
  uid: string;
  date: IsoDate;
  startsAt: string | null;
  endsAt: string | null;
  summary: string;
  description: string;
  location: string;
  updatedAt: Date;
  cancelled: boolean;
}

/**
 * Dated events (a council's meetings) as ICS, with the same Japanese-time handling as the resource
 * feeds. A cancelled meeting stays in as STATUS:CANCELLED, so that a calendar that had it drops it.
 */
export function buildEventsFeed(
  events: readonly DatedEvent[],
  o: { name: string; description: string; product: string },
): string {
  const cal = newCalendar(o);
  for (const e of events) {
    const allDay = e.startsAt === null;
    cal.createEvent({
      id: e.uid,
      start: tokyoTime(e.date, e.startsAt),
      ...(e.startsAt !== null && e.endsAt !== null ? { end: endOf(e.date, e.endsAt) } : {}),
      allDay,
      timezone: TZID,
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
      summary: e.summary,
      description: e.description,
      ...(e.location ? { location: { title: e.location } } : {}),
      ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  }
  return cal.toString();
}

/** Only what runs now goes into a calendar: 休止中 resources show their notice on the pages instead. */
export function buildFeed(resources: readonly PublicResource[], o: FeedOptions): string {
  const cal = newCalendar({ ...o, product: 'opendata' });

  for (const r of resources) {
    if (r.status !== 'active') continue;
    r.schedules.forEach((s, i) => {
      const result = calendarPlan(s.rule, o.today);
      if (!result.ok) return;
      const plan = result.plan;
      const allDay = plan.opensAt === null;
      const page = o.pageUrl(r.id);
      const phone = r.phones[0];
      const loc = r.location;
      const event = cal.createEvent({
        // Stable across fetches, so that a calendar updates the event instead of adding a copy.
        id: `${r.id}-${i + 1}@sasaeai`,
        start: tokyoTime(plan.start, plan.opensAt),
        ...(plan.opensAt !== null && plan.closesAt !== null ? { end: endOf(plan.start, plan.closesAt) } : {}),
        allDay,
        timezone: TZID,
        stamp: new Date(r.updatedAt),
        lastModified: new Date(r.updatedAt),
        summary: r.name,
        description: [
          s.description,
          r.feeText ? `料金：${r.feeText}` : '',
          phone ? `電話：${phone.number}${phone.description ? `（${phone.description}）` : ''}` : '',
          `くわしくは：${page}`,
        ]
          .filter(Boolean)
          .join('\n'),
        url: page,
        categories: r.categories.map((c) => ({ name: c.name })),
        ...(loc
          ? {
              location: {
                title: loc.address ? `${loc.name}（${loc.address}）` : loc.name,
                ...(loc.latitude !== null && loc.longitude !== null
                  ? { geo: { lat: loc.latitude, lon: loc.longitude } }
                  : {}),
              },
            }
          : {}),
      });
      // The stored RRULE and the EXDATE lines go in as written; the library's own repeating options
      // cannot say 第2水曜日 (BYDAY=2WE) and would print EXDATE through the server's time zone.
      event.repeating(
        [
          `RRULE:${plan.rrule}`,
          ...(plan.exdates.length > 0 ? [exdateLine(plan.exdates, plan.opensAt)] : []),
        ].join('\n'),
      );
    });
  }
  return cal.toString();
}
