import type { Resource, ResourceInput, ScheduleRule } from '../../../contracts/resources';
import type { IsoDate } from '../../../domain/dates';
import {
  buildRule,
  type ScheduleRule as DomainRule,
  describeSchedule,
  nextOccurrences,
  parseJapaneseSchedule,
  type ScheduleParts,
  type Weekday,
} from '../../../domain/schedule';
import { parseRrule } from '../../../domain/schedule-rrule';

/*
 * What the resource form holds: text exactly as typed, so that nothing is lost when the server
 * says no, and the pure conversions between it, the saved Resource and the request body.
 */

export type Freq = ScheduleParts['freq'];

export interface PartsDraft {
  freq: Freq;
  weekdays: number[];
  /** 1..5, -1 = 最終. */
  ordinals: number[];
  /** 「10, 25, 末」 */
  monthDays: string;
  dtstart: string;
  opensAt: string;
  closesAt: string;
  allYear: boolean;
  months: number[];
  closedOnHolidays: boolean;
  note: string;
}

export interface ScheduleDraft {
  key: string;
  mode: 'text' | 'parts';
  text: string;
  parts: PartsDraft;
  /** The rule as saved; sent back unchanged while the text was not edited. */
  original: ScheduleRule | null;
}

export interface FeeDraft {
  key: string;
  label: string;
  amount: string;
  note: string;
}
export interface PhoneDraft {
  key: string;
  number: string;
  description: string;
  public: boolean;
}
export interface ContactDraft {
  key: string;
  name: string;
  title: string;
  phone: string;
  email: string;
  public: boolean;
}

export interface OrganizationChoice {
  id: string;
  name: string;
  kind: string;
}

export interface ResourceFormValues {
  name: string;
  kana: string;
  alternateName: string;
  description: string;
  status: string;
  kind: string;
  sogoType: string;
  categories: string[];
  organization: OrganizationChoice | null;
  eligibilityKinds: string[];
  eligibilityDescription: string;
  capacity: string;
  applicationProcess: string;
  free: boolean;
  feeDescription: string;
  feeOptions: FeeDraft[];
  schedules: ScheduleDraft[];
  locationId: string | null;
  placeName: string;
  address: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  /** '' = found by the server from the boundary or the address. */
  areaId: string;
  accessibility: string;
  transportation: string;
  areaIds: string[];
  phones: PhoneDraft[];
  contacts: ContactDraft[];
  url: string;
  email: string;
  notes: string;
  nextCheckDue: string;
}

/** A rule as the contract types it (weekdays as numbers) read with the domain's functions. */
export const asRule = (rule: ScheduleRule): DomainRule => rule as DomainRule;

let counter = 0;
/** Keys for list rows, so that React keeps each row's inputs when one above is removed. */
export const newKey = () => `k${++counter}`;

export const EMPTY_PARTS: PartsDraft = {
  freq: 'weekly',
  weekdays: [],
  ordinals: [],
  monthDays: '',
  dtstart: '',
  opensAt: '',
  closesAt: '',
  allYear: true,
  months: [],
  closedOnHolidays: false,
  note: '',
};

export function newSchedule(mode: 'text' | 'parts' = 'text'): ScheduleDraft {
  return { key: newKey(), mode, text: '', parts: { ...EMPTY_PARTS }, original: null };
}

export function emptyValues(): ResourceFormValues {
  return {
    name: '',
    kana: '',
    alternateName: '',
    description: '',
    status: 'active',
    kind: 'informal',
    sogoType: '',
    categories: [],
    organization: null,
    eligibilityKinds: ['anyone'],
    eligibilityDescription: '',
    capacity: '',
    applicationProcess: '',
    free: true,
    feeDescription: '',
    feeOptions: [],
    schedules: [newSchedule()],
    locationId: null,
    placeName: '',
    address: '',
    postalCode: '',
    latitude: '',
    longitude: '',
    areaId: '',
    accessibility: '',
    transportation: '',
    areaIds: [],
    phones: [],
    contacts: [],
    url: '',
    email: '',
    notes: '',
    nextCheckDue: '',
  };
}

/** The builder's parts read back from a rule, as far as the rule can be expressed with them. */
export function partsFromRule(rule: ScheduleRule | DomainRule): PartsDraft {
  const base: PartsDraft = {
    ...EMPTY_PARTS,
    weekdays: [...rule.weekdays],
    opensAt: rule.opensAt ?? '',
    closesAt: rule.closesAt ?? '',
    dtstart: rule.dtstart ?? '',
    allYear: rule.months === null,
    months: rule.months ?? [],
    closedOnHolidays: rule.closedOnHolidays,
    note: rule.note ?? '',
  };
  const shape = rule.rrule ? parseRrule(rule.rrule) : null;
  if (!shape) return base;
  if (shape.freq === 'DAILY') return { ...base, freq: 'daily', weekdays: [] };
  if (shape.freq === 'WEEKLY')
    return {
      ...base,
      freq: shape.interval === 2 ? 'biweekly' : 'weekly',
      weekdays: shape.byday.map((b) => b.wd),
    };
  if (shape.bymonthday.length > 0)
    return {
      ...base,
      freq: 'monthly-day',
      weekdays: [],
      monthDays: shape.bymonthday.map((d) => (d === -1 ? '末' : String(d))).join(', '),
    };
  const ordinals = [...new Set(shape.byday.map((b) => b.n).filter((n): n is number => n !== null))];
  return {
    ...base,
    freq: 'monthly-weekday',
    weekdays: [...new Set(shape.byday.map((b) => b.wd))],
    ordinals,
  };
}

export function scheduleFromRule(rule: ScheduleRule): ScheduleDraft {
  return {
    key: newKey(),
    mode: 'text',
    text: rule.source || describeSchedule(asRule(rule)),
    parts: partsFromRule(rule),
    original: rule,
  };
}

/** 「10, 25, 末」 → [10, 25, -1]; unreadable words become NaN so that buildRule names them. */
export function parseMonthDays(text: string): number[] {
  return text
    .normalize('NFKC')
    .split(/[,、，\s・]+/)
    .map((t) => t.replace(/日$/, '').trim())
    .filter(Boolean)
    .map((t) => (t === '末' || t === '末日' ? -1 : /^\d{1,2}$/.test(t) ? Number(t) : Number.NaN));
}

export function rulePartsOf(p: PartsDraft): ScheduleParts {
  return {
    freq: p.freq,
    weekdays: p.weekdays as Weekday[],
    ordinals: p.ordinals,
    monthDays: parseMonthDays(p.monthDays),
    dtstart: p.dtstart || null,
    opensAt: p.opensAt || null,
    closesAt: p.closesAt || null,
    months: p.allYear ? null : p.months,
    closedOnHolidays: p.closedOnHolidays,
    note: p.note || null,
  };
}

export interface SchedulePreview {
  /** What is sent; null for an empty text (the schedule is left out). */
  input: { text: string } | { rule: ScheduleRule } | null;
  /** The rule as it will be read, for the live reading. */
  rule: DomainRule | null;
  reading: string;
  nextDates: IsoDate[];
  /** The builder's message for impossible parts. */
  error: string | null;
}

/** What a schedule draft sends and how it reads, live, as the coordinator types or chooses. */
export function previewSchedule(d: ScheduleDraft, today: IsoDate): SchedulePreview {
  if (d.mode === 'parts') {
    try {
      const rule = buildRule(rulePartsOf(d.parts));
      return {
        input: { rule },
        rule,
        reading: describeSchedule(rule),
        nextDates: nextOccurrences(rule, today, 3),
        error: null,
      };
    } catch (e) {
      if (e instanceof RangeError)
        return { input: null, rule: null, reading: '', nextDates: [], error: e.message };
      throw e;
    }
  }
  const text = d.text.trim();
  if (!text) return { input: null, rule: null, reading: '', nextDates: [], error: null };
  const original = d.original ? asRule(d.original) : null;
  const unchanged = original !== null && text === (original.source || describeSchedule(original)).trim();
  const rule = unchanged && original ? original : parseJapaneseSchedule(text);
  return {
    input: unchanged && original ? { rule: original } : { text },
    rule,
    reading: describeSchedule(rule),
    nextDates: nextOccurrences(rule, today, 3),
    error: null,
  };
}

export function valuesFromResource(r: Resource): ResourceFormValues {
  const loc = r.location;
  const locationAreas = new Set(loc?.areaId ? [loc.areaId] : []);
  return {
    name: r.name,
    kana: r.kana,
    alternateName: r.alternateName,
    description: r.description,
    status: r.status,
    kind: r.kind,
    sogoType: r.sogoType ?? '',
    categories: r.categories.map((c) => c.code),
    organization: r.organization,
    eligibilityKinds: [...r.eligibility.kinds],
    eligibilityDescription: r.eligibility.description,
    capacity: r.capacity === null ? '' : String(r.capacity),
    applicationProcess: r.applicationProcess,
    free: r.fees.free,
    feeDescription: r.fees.description,
    feeOptions: r.fees.options.map((o) => ({
      key: newKey(),
      label: o.label,
      amount: o.amount === null ? '' : String(o.amount),
      note: o.note,
    })),
    schedules: r.schedules.map((s) => scheduleFromRule(s.rule)),
    locationId: loc?.id ?? null,
    placeName: loc?.name ?? '',
    address: loc?.address ?? '',
    postalCode: loc?.postalCode ?? '',
    latitude: loc?.latitude == null ? '' : String(loc.latitude),
    longitude: loc?.longitude == null ? '' : String(loc.longitude),
    // The area found automatically stays automatic: moving the place finds it again.
    areaId: '',
    accessibility: loc?.accessibility ?? '',
    transportation: loc?.transportation ?? '',
    // Areas served besides the place's own (the place's area is added by the server).
    areaIds: r.areas.filter((a) => !locationAreas.has(a.id)).map((a) => a.id),
    phones: r.phones.map((p) => ({ key: newKey(), ...p })),
    contacts: r.contacts.map((c) => ({ key: newKey(), ...c })),
    url: r.url,
    email: r.email,
    notes: r.notes,
    nextCheckDue: r.nextCheckDue ?? '',
  };
}

/** A number as typed (全角 too), or the text itself so that the contract names the problem. */
function numberOrText(s: string): number | string | null {
  const t = s.normalize('NFKC').replace(/,/g, '').trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

export function hasPlace(v: ResourceFormValues): boolean {
  return Boolean(
    v.locationId ||
      v.placeName.trim() ||
      v.address.trim() ||
      v.postalCode.trim() ||
      v.latitude.trim() ||
      v.longitude.trim() ||
      v.areaId ||
      v.accessibility.trim() ||
      v.transportation.trim(),
  );
}

/** The request body built from the form, plus what the builder could not make into a rule. */
export function inputFromValues(
  v: ResourceFormValues,
  today: IsoDate,
): { body: ResourceInput; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const schedules: NonNullable<ResourceInput['schedules']> = [];
  v.schedules.forEach((d, i) => {
    const p = previewSchedule(d, today);
    if (p.error) problems.push({ path: `schedules.${i}`, message: `日時（${i + 1}件目）：${p.error}` });
    else if (p.input) schedules.push(p.input);
  });
  const body = {
    name: v.name,
    kana: v.kana,
    alternateName: v.alternateName,
    description: v.description,
    status: v.status,
    kind: v.kind,
    sogoType: v.sogoType || null,
    categories: v.categories,
    organizationId: v.organization?.id ?? null,
    eligibility: { kinds: v.eligibilityKinds, description: v.eligibilityDescription },
    capacity: numberOrText(v.capacity),
    applicationProcess: v.applicationProcess,
    fees: {
      free: v.free,
      description: v.feeDescription,
      options: v.feeOptions
        .filter((o) => o.label.trim() || o.amount.trim() || o.note.trim())
        .map((o) => ({ label: o.label, amount: numberOrText(o.amount), note: o.note })),
    },
    schedules,
    location: hasPlace(v)
      ? {
          id: v.locationId,
          name: v.placeName,
          address: v.address,
          postalCode: v.postalCode,
          latitude: numberOrText(v.latitude),
          longitude: numberOrText(v.longitude),
          areaId: v.areaId || null,
          accessibility: v.accessibility,
          transportation: v.transportation,
        }
      : null,
    areaIds: v.areaIds,
    phones: v.phones
      .filter((p) => p.number.trim() || p.description.trim())
      .map((p) => ({ number: p.number, description: p.description, public: p.public })),
    contacts: v.contacts
      .filter((c) => c.name.trim() || c.phone.trim() || c.email.trim() || c.title.trim())
      .map((c) => ({ name: c.name, title: c.title, phone: c.phone, email: c.email, public: c.public })),
    url: v.url.trim(),
    email: v.email.trim(),
    notes: v.notes,
    nextCheckDue: v.nextCheckDue || null,
  };
  // Values that do not fit the types (a word typed for a number) stay as typed for the schema to name.
  return { body: body as unknown as ResourceInput, problems };
}

/** Name and place as the duplicate check sees them. */
export function similarityKey(v: ResourceFormValues): string {
  return [v.name.trim(), v.latitude.trim(), v.longitude.trim()].join('|');
}

export function pointOf(v: ResourceFormValues): { latitude: number; longitude: number } | null {
  const lat = numberOrText(v.latitude);
  const lon = numberOrText(v.longitude);
  return typeof lat === 'number' && typeof lon === 'number' ? { latitude: lat, longitude: lon } : null;
}
