import type { PublicResource } from '../../../contracts/portal';
import { ancestorsOf, LAYER_LABELS, type Layer, subtreeIds } from '../../../domain/areas';
import type { Boundary } from '../../../domain/geojson';
import { GROUP_LOOK, PORTAL_GROUPS, type PortalGroup } from '../../../domain/life-support-taxonomy';
import { activityMonth, monthDays, type YearMonth } from '../../../domain/print-calendar';
import { toSortReading } from '../../../domain/print-kana';
import { MARKER_SHAPES, type MarkerShape } from '../../../domain/print-map';
import type { ScheduleRule } from '../../../domain/schedule';
import { hasKanji } from '../../../domain/search-text';
import { notFound } from '../../core/errors';
import { readingsOf } from '../../core/reading';
import { type AreaRow, latestAreaSnapshot } from '../areas';
import { type PublicDirectory, publicResources } from '../resources';
import { type BookletData, bookletSections, type PaperSize, wholeTownName } from './booklet.data';
import type { CalendarData, CalendarRow } from './calendar.pdf';
import type { SheetCategory, SheetData } from './sheet.pdf';

/*
 * Reading what each printed item needs, through the public directory only (public resources,
 * public fields): the data is then handed to a PDF worker. Unknown areas and categories are a 404.
 */

type Term = PublicDirectory['terms'][number];

/** An area a resident may choose: one in use this 年度; the 第1層 means the whole town (null). */
export function chosenArea(dir: PublicDirectory, id: string | undefined): AreaRow | null {
  if (!id) return null;
  const area = dir.currentAreas.find((a) => a.id === id);
  if (!area) throw notFound('地域');
  return area.layer === 1 ? null : area;
}

export function chosenCategory(dir: PublicDirectory, code: string | undefined): Term | null {
  if (!code) return null;
  const term = dir.terms.find((t) => t.code === code);
  if (!term) throw notFound('分類');
  return term;
}

/** The area's name, or 町全体 (市全体 …) for the whole municipality. */
export function scopeName(dir: PublicDirectory, area: AreaRow | null): string {
  return area?.name ?? wholeTownName(dir.tenant.name);
}

/**
 * Readings for the index: the kana staff typed, else the dictionary's reading of the name (the
 * dictionary is loaded only when some name has kanji and no kana).
 */
async function readingsFor(resources: readonly PublicResource[]): Promise<Map<string, string>> {
  const needDictionary = resources.filter((r) => !r.kana && hasKanji(r.name)).map((r) => r.name);
  const dictionary = needDictionary.length > 0 ? await readingsOf(needDictionary) : new Map<string, string>();
  return new Map(resources.map((r) => [r.id, toSortReading(r.kana || dictionary.get(r.name) || r.name)]));
}

export async function bookletData(
  dir: PublicDirectory,
  o: { area: AreaRow | null; size: PaperSize; large: boolean },
): Promise<BookletData> {
  const resources = await publicResources(dir, { area: o.area?.id });
  const readings = await readingsFor(resources);
  const { sections, index } = bookletSections(resources, dir.terms, readings);
  return {
    tenant: dir.tenant,
    scopeName: scopeName(dir, o.area),
    scopeLayer: o.area ? LAYER_LABELS[o.area.layer as Layer] : null,
    today: dir.today,
    size: o.size,
    large: o.large,
    sections,
    index,
    total: resources.length,
  };
}

/** The top-level category of a resource's first category (for grouping and colours). */
function topTerm(code: string | undefined, terms: readonly Term[]): Term | null {
  let term = terms.find((t) => t.code === code);
  for (let i = 0; term?.parentCode && i < 10; i++)
    term = terms.find((t) => t.code === term!.parentCode) ?? term;
  return term ?? null;
}

export async function calendarData(
  dir: PublicDirectory,
  o: { month: YearMonth; area: AreaRow | null; category: Term | null },
): Promise<CalendarData> {
  const resources = (await publicResources(dir, { area: o.area?.id, category: o.category?.code })).filter(
    (r) => r.schedules.length > 0,
  );
  const days = monthDays(o.month);
  const tops = dir.terms.filter((t) => !t.parentCode);
  const groups = new Map<string, { name: string; rows: CalendarRow[] }>();
  for (const t of tops) groups.set(t.code, { name: t.name, rows: [] });
  groups.set('', { name: 'その他', rows: [] });
  for (const r of resources) {
    const month = activityMonth(
      r.schedules.map((s) => s.rule as unknown as ScheduleRule),
      days,
    );
    const top = topTerm(r.categories[0]?.code, dir.terms);
    (groups.get(top?.code ?? '') ?? groups.get('')!).rows.push({
      name: r.name,
      place: r.location?.name || null,
      schedule: r.schedules.map((s) => s.description).join('、'),
      phone: r.phones[0]?.number ?? null,
      paused: r.status === 'temporarily closed',
      cells: Object.fromEntries(month.cells),
      determined: month.determined,
    });
  }
  return {
    tenant: dir.tenant,
    month: o.month,
    scope: scopeName(dir, o.area),
    category: o.category?.name ?? null,
    today: dir.today,
    days,
    groups: [...groups.values()].filter((g) => g.rows.length > 0),
  };
}

const GROUP_ORDER = [...PORTAL_GROUPS.map((g) => g.code), 'other'] as const;

function lookOf(term: Term | null): { color: string; shape: MarkerShape } {
  const group = (term?.portalGroup ?? 'other') as PortalGroup | 'other';
  const look = GROUP_LOOK[group] ?? GROUP_LOOK.other;
  const i = Math.max(0, GROUP_ORDER.indexOf(group));
  return { color: look.color, shape: MARKER_SHAPES[i % MARKER_SHAPES.length]! };
}

export async function sheetData(dir: PublicDirectory, areaId: string): Promise<SheetData> {
  const area = dir.areas.find((a) => a.id === areaId);
  if (!area) throw notFound('地域');
  const [stats, resources] = await Promise.all([
    latestAreaSnapshot(dir.ctx, area.id),
    publicResources(dir, { area: area.layer === 1 ? undefined : area.id }),
  ]);
  const inside = subtreeIds(dir.areas, [area.id]);
  const tops = dir.terms.filter((t) => !t.parentCode);
  const counts = new Map<string, SheetCategory>(
    tops.map((t) => [t.code, { name: t.name, ...lookOf(t), inside: 0, fromAbove: 0 }]),
  );
  const points: SheetData['points'] = [];
  const groups = new Set<string>();
  for (const r of resources) {
    const top = topTerm(r.categories[0]?.code, dir.terms);
    const isInside = area.layer === 1 || r.areas.some((a) => inside.has(a.id));
    const c = top ? counts.get(top.code) : undefined;
    if (c) {
      if (isInside) c.inside++;
      else c.fromAbove++;
    }
    if (isInside && r.location?.latitude != null && r.location.longitude != null) {
      points.push({ latitude: r.location.latitude, longitude: r.location.longitude, ...lookOf(top) });
      groups.add(top?.portalGroup ?? 'other');
    }
  }
  const children = dir.areas.filter((a) => a.parentId === area.id);
  return {
    tenant: dir.tenant,
    today: dir.today,
    area: {
      name: area.name,
      layerLabel: LAYER_LABELS[area.layer as Layer],
      kind: area.kind,
      path: ancestorsOf(dir.areas, area.id).map((a) => a.name),
      contains: children.length > 0 ? children.map((a) => a.name) : area.townNames,
    },
    stats: stats && {
      asOf: stats.asOf,
      total: stats.total,
      aged65: stats.aged65,
      aged75: stats.aged75,
      households: stats.households,
      agingRate: stats.agingRate,
      rate75: stats.rate75,
    },
    categories: [...counts.values()],
    boundary: (area.boundary as Boundary | null) ?? null,
    inner: children.map((a) => a.boundary as Boundary | null).filter((b): b is Boundary => b !== null),
    points,
    legend: GROUP_ORDER.filter((g) => groups.has(g)).map((g) => ({
      label: GROUP_LOOK[g].label,
      ...lookOf({ portalGroup: g } as Term),
    })),
    strengths: area.strengths,
    concerns: area.concerns,
  };
}
