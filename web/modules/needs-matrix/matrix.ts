import type { EndpointOutput } from '../../../contracts/http';
import type { needsMatrix, needsMatrixCell } from '../../../contracts/needs';
import { fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { KANJI_DAYS } from '../../../domain/schedule-rrule';

/*
 * What the page says about the server's matrix, kept pure so that tests can read it without a
 * screen: which columns to show, how a cell reads in words, the 空白 summary, the map's classes
 * and the trend table.
 */

export type Matrix = EndpointOutput<typeof needsMatrix>;
export type MatrixArea = Matrix['areas'][number];
export type MatrixCategory = Matrix['categories'][number];
export type MatrixCell = Matrix['cells'][number];
export type CellDetail = EndpointOutput<typeof needsMatrixCell>;

export type Layer = '2' | '3';
export type MapMode = 'gaps' | 'per1000';

export const LAYER_CHOICES: { value: Layer; label: string; rows: string }[] = [
  { value: '2', label: '第2層（日常生活圏域）', rows: '圏域' },
  { value: '3', label: '第3層（地区）', rows: '地区' },
];

const key = (areaId: string, category: string) => `${areaId}\u0000${category}`;

/** Cells by area and category; a missing cell means nothing heard and nothing there. */
export function cellIndex(m: Pick<Matrix, 'cells'>): (areaId: string, category: string) => MatrixCell | null {
  const map = new Map(m.cells.map((c) => [key(c.areaId, c.category), c]));
  return (areaId, category) => map.get(key(areaId, category)) ?? null;
}

/**
 * The columns: categories with any need or resource in some row (or, `onlyNeeds`, with open needs
 * in some row), in the taxonomy's order.
 */
export function usedCategories(m: Pick<Matrix, 'categories' | 'cells'>, onlyNeeds = false): MatrixCategory[] {
  const used = new Set(m.cells.filter((c) => !onlyNeeds || c.openNeeds > 0).map((c) => c.category));
  return m.categories.filter((c) => used.has(c.code));
}

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/**
 * Weekdays the way a schedule is read: 「毎日」, 「月〜金」, 「火・金」, 「月〜水・土」.
 * Three or more days in a row become a range; the week starts on Monday.
 */
export function weekdaysText(days: readonly number[]): string {
  const set = new Set(days.filter((d) => d >= 0 && d <= 6));
  if (set.size === 0) return '';
  if (set.size === 7) return '毎日';
  const ordered = MONDAY_FIRST.filter((d) => set.has(d));
  const runs: number[][] = [];
  for (const d of ordered) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    if (last && prev !== undefined && MONDAY_FIRST.indexOf(d) === MONDAY_FIRST.indexOf(prev) + 1)
      last.push(d);
    else runs.push([d]);
  }
  return runs
    .flatMap((r) =>
      r.length >= 3 ? [`${KANJI_DAYS[r[0]!]}〜${KANJI_DAYS[r.at(-1)!]}`] : r.map((d) => KANJI_DAYS[d]!),
    )
    .join('・');
}

const COUNT = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const RATE = new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const countText = (n: number) => COUNT.format(n);
/** 「22.3」; null (65歳以上人口が分からない) → 「—」. */
export const rateText = (n: number | null) => (n === null ? '—' : RATE.format(n));

/** 「困りごと 2件（5人）」 or 「困りごと なし」. */
export function needsText(c: Pick<MatrixCell, 'openNeeds' | 'people'>): string {
  return c.openNeeds > 0
    ? `困りごと ${countText(c.openNeeds)}件（${countText(c.people)}人）`
    : '困りごと なし';
}

/** 「資源 2（定員20人・月〜土）」 or 「資源 なし」. */
export function resourcesText(c: Pick<MatrixCell, 'resources' | 'capacity' | 'weekdays'>): string {
  if (c.resources === 0) return '資源 なし';
  const extra = [
    c.capacity !== null ? `定員${countText(c.capacity)}人` : '',
    weekdaysText(c.weekdays),
  ].filter(Boolean);
  return `資源 ${countText(c.resources)}${extra.length > 0 ? `（${extra.join('・')}）` : ''}`;
}

/**
 * The figures per 1,000 people aged 65+ that say something (needs where there are needs, resources
 * where there are resources), or null when there are none or the area's population is not known.
 */
export function perThousandText(
  c: Pick<MatrixCell, 'openNeeds' | 'resources' | 'needsPer1000' | 'resourcesPer1000'>,
): string | null {
  const parts = [
    c.openNeeds > 0 && c.needsPer1000 !== null ? `困りごと${rateText(c.needsPer1000)}人` : '',
    c.resources > 0 && c.resourcesPer1000 !== null ? `資源${rateText(c.resourcesPer1000)}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `千人あたり ${parts.join('・')}` : null;
}

/**
 * Open needs here, nothing inside the area, and still not 空白: a resource of the town or of the
 * 圏域 above reaches it (the drill-down lists only the resources inside the area).
 */
export function reachedFromAbove(c: Pick<MatrixCell, 'openNeeds' | 'resources' | 'gap'>): boolean {
  return c.openNeeds > 0 && c.resources === 0 && !c.gap;
}

/** How many 空白 and where most of them are (ties by the order the server gives). */
export function gapSummary(m: Pick<Matrix, 'areas'>, top = 3): { total: number; worst: MatrixArea[] } {
  const total = m.areas.reduce((n, a) => n + a.gaps, 0);
  const worst = m.areas
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.gaps > 0)
    .sort((x, y) => y.a.gaps - x.a.gaps || x.i - y.i)
    .slice(0, top)
    .map(({ a }) => a);
  return { total, worst };
}

/** 「空白は3件あります。多いのは峰野地区（2件）、川上地区（1件）です。」 */
export function gapSentence(m: Pick<Matrix, 'areas'>): string {
  const { total, worst } = gapSummary(m);
  if (total === 0) return '空白はありません。';
  const list = worst.map((a) => `${a.name}（${countText(a.gaps)}件）`).join('、');
  return `空白は${countText(total)}件あります。多いのは${list}です。`;
}

/** What the period of the figures is, in words. */
export function periodText(fy: number | null): string {
  return fy === null
    ? '今、未対応の困りごと（把握した年度を問わない）'
    : `${fiscalYearLabel(fy)}に把握した困りごとのうち未対応のもの`;
}

/** This 年度 and the four before it, and any 年度 of the trend, newest first. */
export function fiscalYearChoices(trendYears: readonly number[], today = todayInTokyo()): number[] {
  const current = fiscalYearOf(today);
  const years = new Set([0, 1, 2, 3, 4].map((i) => current - i));
  for (const y of trendYears) if (y <= current) years.add(y);
  return [...years].sort((a, b) => b - a);
}

// ------------------------------------------------------------------------------------ the map

/** People with open needs per 1,000 aged 65+ in a row (all categories), or null when unknown. */
export function areaNeedsPer1000(m: Pick<Matrix, 'cells'>, area: MatrixArea): number | null {
  if (!area.aged65 || area.aged65 <= 0) return null;
  const people = m.cells.filter((c) => c.areaId === area.id).reduce((n, c) => n + c.people, 0);
  return Math.round((people / area.aged65) * 1000 * 10) / 10;
}

export function mapValue(m: Pick<Matrix, 'cells'>, area: MatrixArea, mode: MapMode): number | null {
  return mode === 'gaps' ? area.gaps : areaNeedsPer1000(m, area);
}

export interface MapClass {
  /** 0 (none) … 3 (most); -1 when the value is not known. */
  index: number;
  label: string;
  fill: string;
}

/** Light to dark, one hue: the darker, the more to look at. Text is never drawn on the fill alone. */
export const MAP_FILLS = ['#eef2f0', '#fcd9b3', '#f19a5b', '#b8430f'] as const;
export const MAP_UNKNOWN_FILL = '#ffffff';

/** The classes of the legend: 0 on its own, then three equal steps up to the largest value. */
export function mapClasses(values: readonly (number | null)[], mode: MapMode): MapClass[] {
  const known = values.filter((v): v is number => v !== null);
  const max = Math.max(0, ...known);
  const unit = mode === 'gaps' ? '件' : '人';
  const classes: MapClass[] = [{ index: 0, label: mode === 'gaps' ? '空白なし' : '0人', fill: MAP_FILLS[0] }];
  if (mode === 'gaps') {
    // Counts: 1件, 2件, 3件以上 — words that match the figures on the map.
    classes.push({ index: 1, label: '1件', fill: MAP_FILLS[1] });
    classes.push({ index: 2, label: '2件', fill: MAP_FILLS[2] });
    classes.push({ index: 3, label: '3件以上', fill: MAP_FILLS[3] });
  } else if (max > 0) {
    const step = Math.max(0.1, Math.ceil((max / 3) * 10) / 10);
    for (let i = 1; i <= 3; i++) {
      const from = i === 1 ? 0.1 : Math.round((step * (i - 1) + 0.1) * 10) / 10;
      const to = Math.round(step * i * 10) / 10;
      classes.push({
        index: i,
        label: i === 3 ? `${rateText(from)}${unit}以上` : `${rateText(from)}〜${rateText(to)}${unit}`,
        fill: MAP_FILLS[i]!,
      });
    }
  }
  if (known.length < values.length)
    classes.push({ index: -1, label: '65歳以上人口が分からない', fill: MAP_UNKNOWN_FILL });
  return classes;
}

/** The class a value falls in (see `mapClasses`). */
export function classOf(value: number | null, values: readonly (number | null)[], mode: MapMode): number {
  if (value === null) return -1;
  if (value <= 0) return 0;
  if (mode === 'gaps') return Math.min(3, value);
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const step = Math.max(0.1, Math.ceil((max / 3) * 10) / 10);
  return Math.min(3, Math.max(1, Math.ceil(Math.round((value / step) * 1000) / 1000)));
}

// ---------------------------------------------------------------------------------- the trend

export interface TrendTable {
  years: number[];
  rows: { code: string; name: string; counts: number[]; total: number }[];
  totals: number[];
  max: number;
}

/** Needs heard per 年度 by category, in the taxonomy's order; categories never heard are left out. */
export function trendTable(m: Pick<Matrix, 'trend' | 'categories'>): TrendTable {
  const years = [...new Set(m.trend.map((t) => t.fiscalYear))].sort((a, b) => a - b);
  const codes = [...new Set(m.trend.map((t) => t.category))];
  const order = new Map(m.categories.map((c, i) => [c.code, i]));
  codes.sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b));
  const count = new Map(m.trend.map((t) => [`${t.fiscalYear}:${t.category}`, t.needs]));
  const rows = codes.map((code) => {
    const counts = years.map((y) => count.get(`${y}:${code}`) ?? 0);
    return {
      code,
      name: m.categories.find((c) => c.code === code)?.name ?? code,
      counts,
      total: counts.reduce((a, b) => a + b, 0),
    };
  });
  const totals = years.map((_, i) => rows.reduce((n, r) => n + r.counts[i]!, 0));
  const max = Math.max(0, ...rows.flatMap((r) => r.counts));
  return { years, rows, totals, max };
}

/** 「令和8年度に把握した困りごとは15件（令和7年度は3件）。多いのは移動支援（3件）、買い物支援（3件）。」 */
export function trendSentence(t: TrendTable): string {
  if (t.years.length === 0) return 'まだ困りごとの記録はありません。';
  const last = t.years.length - 1;
  const year = t.years[last]!;
  const prev =
    last > 0 ? `（${fiscalYearLabel(t.years[last - 1]!)}は${countText(t.totals[last - 1]!)}件）` : '';
  const top = t.rows
    .filter((r) => r.counts[last]! > 0)
    .sort((a, b) => b.counts[last]! - a.counts[last]!)
    .slice(0, 3)
    .map((r) => `${r.name}（${countText(r.counts[last]!)}件）`);
  return `${fiscalYearLabel(year)}に把握した困りごとは${countText(t.totals[last]!)}件${prev}。${
    top.length > 0 ? `多いのは${top.join('、')}。` : ''
  }`;
}
