// Statistics arithmetic for areas (第1層 市町村 → 第2層 日常生活圏域 → 第3層 地区). A nullable figure
// stays null when any part of it is unknown: a partial sum shown as a total would mislead planners.

/** Figures for one area at one date; null means not known. */
export interface StatValues {
  total: number;
  male: number | null;
  female: number | null;
  aged65: number | null;
  aged75: number | null;
  households: number | null;
  careCertified: number | null;
}

/** 高齢化率 in percent (unrounded); null when the total is 0 or the 65+ count is unknown. */
export function agingRate(v: Pick<StatValues, 'total' | 'aged65'>): number | null {
  return v.total === 0 || v.aged65 === null ? null : (v.aged65 / v.total) * 100;
}

/** Share of people aged 75 and over in percent (unrounded); null when the total is 0 or the 75+ count is unknown. */
export function rate75(v: Pick<StatValues, 'total' | 'aged75'>): number | null {
  return v.total === 0 || v.aged75 === null ? null : (v.aged75 / v.total) * 100;
}

/** A percentage for display, rounded half-up: 28.8 → '28.8%'; null → '—'. */
export function formatPercent(rate: number | null, digits = 1): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const f = 10 ** digits;
  // toPrecision(15) drops the binary noise that would turn 1.005 × 100 into 100.49999…, so halves round up
  // as they do on paper; rounding the magnitude keeps negative values symmetric.
  const scaled = Number((Math.abs(rate) * f).toPrecision(15));
  const rounded = (Math.sign(rate) * Math.round(scaled)) / f;
  return `${rounded.toFixed(digits)}%`;
}

const COUNT_FORMAT = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

/** A head count for display: 418186 → '418,186'; null → '—'. */
export function formatCount(n: number | null): string {
  return n === null ? '—' : COUNT_FORMAT.format(n);
}

type NullableKey = Exclude<keyof StatValues, 'total'>;
const NULLABLE_KEYS: readonly NullableKey[] = [
  'male',
  'female',
  'aged65',
  'aged75',
  'households',
  'careCertified',
];

/** Sum of several areas' figures; a nullable figure is null if it is null for any of them. */
export function sumStats(list: StatValues[]): StatValues {
  const out: StatValues = {
    total: 0,
    male: 0,
    female: 0,
    aged65: 0,
    aged75: 0,
    households: 0,
    careCertified: 0,
  };
  for (const v of list) {
    out.total += v.total;
    for (const k of NULLABLE_KEYS) {
      const a = out[k];
      const b = v[k];
      out[k] = a === null || b === null ? null : a + b;
    }
  }
  return out;
}

/** An area's own figures at a date. */
export interface StatRow extends StatValues {
  areaId: string;
  asOf: string;
}

/** An area's figures at a date: its own, or the sum of those of its children that had figures then. */
export interface Snapshot extends StatValues {
  asOf: string;
  source: 'own' | 'children';
  coveredChildren: number;
  totalChildren: number;
}

function pick(v: StatValues): StatValues {
  return {
    total: v.total,
    male: v.male,
    female: v.female,
    aged65: v.aged65,
    aged75: v.aged75,
    households: v.households,
    careCertified: v.careCertified,
  };
}

/**
 * Per area, one snapshot for every date found anywhere in its subtree, sorted by date: the area's own row
 * when it has one, else the sum of its direct children's (rolled-up) snapshots at that date, with how many
 * children were covered. Rows for unknown areas are ignored; of two rows for the same area and date the later wins.
 * Each area is visited once and handles only the dates of its subtree, so the cost is linear in areas × dates.
 */
export function rollupStatistics(
  areas: { id: string; parentId: string | null }[],
  rows: StatRow[],
): Map<string, Snapshot[]> {
  const ids = new Set(areas.map((a) => a.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const a of areas) children.set(a.id, []);
  for (const a of areas) {
    // A parent outside the list (e.g. another tenant's) makes the area a root of this forest.
    if (a.parentId !== null && ids.has(a.parentId) && a.parentId !== a.id)
      children.get(a.parentId)!.push(a.id);
    else roots.push(a.id);
  }

  const own = new Map<string, Map<string, StatValues>>();
  for (const r of rows) {
    if (!ids.has(r.areaId)) continue;
    let byDate = own.get(r.areaId);
    if (!byDate) {
      byDate = new Map();
      own.set(r.areaId, byDate);
    }
    byDate.set(r.asOf, pick(r));
  }

  const rolled = new Map<string, Map<string, Snapshot>>();
  // Iterative post-order: a tree from real data can be deep enough, or malformed enough, to make recursion unsafe.
  const stack: { id: string; expanded: boolean }[] = roots.map((id) => ({ id, expanded: false }));
  const visited = new Set<string>();
  while (stack.length > 0) {
    const top = stack.pop()!;
    const kids = children.get(top.id)!;
    if (!top.expanded) {
      if (visited.has(top.id)) continue;
      visited.add(top.id);
      stack.push({ id: top.id, expanded: true });
      for (const k of kids) stack.push({ id: k, expanded: false });
      continue;
    }
    const covered = new Map<string, StatValues[]>();
    for (const k of kids) {
      for (const [asOf, snap] of rolled.get(k)!) {
        const list = covered.get(asOf);
        if (list) list.push(snap);
        else covered.set(asOf, [snap]);
      }
    }
    const mine = own.get(top.id);
    const result = new Map<string, Snapshot>();
    const dates = new Set([...covered.keys(), ...(mine?.keys() ?? [])]);
    for (const asOf of dates) {
      const fromChildren = covered.get(asOf) ?? [];
      const ownValues = mine?.get(asOf);
      const v = ownValues ?? sumStats(fromChildren);
      // Fields are copied one by one: object spread is an order of magnitude slower here and this runs per area × date.
      result.set(asOf, {
        total: v.total,
        male: v.male,
        female: v.female,
        aged65: v.aged65,
        aged75: v.aged75,
        households: v.households,
        careCertified: v.careCertified,
        asOf,
        source: ownValues ? 'own' : 'children',
        coveredChildren: fromChildren.length,
        totalChildren: kids.length,
      });
    }
    rolled.set(top.id, result);
  }

  if (visited.size !== ids.size) {
    throw new Error('地域の親子関係が循環しています');
  }
  const out = new Map<string, Snapshot[]>();
  for (const a of areas) {
    const snaps = [...rolled.get(a.id)!.values()].sort((x, y) =>
      x.asOf < y.asOf ? -1 : x.asOf > y.asOf ? 1 : 0,
    );
    out.set(a.id, snaps);
  }
  return out;
}
