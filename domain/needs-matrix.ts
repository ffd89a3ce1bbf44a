import { type AreaNode, ancestorsOf, subtreeIds } from './areas';

/*
 * Needs against resources by area and category: the table a 協議体 reads to see where something
 * is missing. Pure: the service loads the rows, this decides what each cell says.
 *
 * - A need counts in the row of the area at the chosen layer that contains where it was heard.
 * - A resource counts in a row when one of its areas lies inside that row's area (it is there).
 * - 空白 (gap): open needs in the cell and no resource of the category in the area, inside it, or
 *   in any area above it — a town-wide service reaches every 地区, so it closes the gap there.
 * - A resource without any area serves the whole town (the 第1層 area), as the registry shows it.
 * - Categories are the top-level terms; a need or resource filed under a sub-term (移動販売 under
 *   買い物支援) counts under its top-level term.
 */

export interface MatrixArea extends AreaNode {
  name: string;
  layer: number;
}

export interface MatrixTerm {
  code: string;
  name: string;
  parentCode: string | null;
  portalGroup: string;
}

export interface MatrixNeed {
  areaId: string;
  category: string;
  people: number;
}

export interface MatrixResource {
  categories: readonly string[];
  areaIds: readonly string[];
  capacity: number | null;
  weekdayMask: number;
}

export interface MatrixCellValue {
  areaId: string;
  category: string;
  openNeeds: number;
  people: number;
  resources: number;
  capacity: number | null;
  weekdays: number[];
  needsPer1000: number | null;
  resourcesPer1000: number | null;
  gap: boolean;
}

export interface MatrixResult {
  rows: {
    id: string;
    name: string;
    parentId: string | null;
    aged65: number | null;
    openNeeds: number;
    gaps: number;
  }[];
  categories: { code: string; name: string; group: string }[];
  cells: MatrixCellValue[];
}

/** The top-level term of a code (itself when it has no parent); unknown codes stay as they are. */
export function topLevelOf(terms: readonly MatrixTerm[]): (code: string) => string {
  const byCode = new Map(terms.map((t) => [t.code, t]));
  return (code) => {
    let t = byCode.get(code);
    for (let i = 0; t?.parentCode && i < 10; i++) t = byCode.get(t.parentCode) ?? undefined;
    return t?.code ?? code;
  };
}

const per1000 = (n: number, aged65: number | null) =>
  aged65 && aged65 > 0 ? Math.round((n / aged65) * 1000 * 10) / 10 : null;

export function needsAgainstResources(input: {
  areas: readonly MatrixArea[];
  layer: number;
  terms: readonly MatrixTerm[];
  needs: readonly MatrixNeed[];
  resources: readonly MatrixResource[];
  aged65: ReadonlyMap<string, number | null>;
}): MatrixResult {
  const { areas, layer, terms } = input;
  const top = topLevelOf(terms);
  const root = areas.find((a) => a.parentId === null);
  const rows = areas.filter((a) => a.layer === layer);
  const categories = terms
    .filter((t) => !t.parentCode)
    .map((t) => ({ code: t.code, name: t.name, group: t.portalGroup }));

  // Each area's row (the area at `layer` on its path), computed once.
  const rowOf = new Map<string, string>();
  for (const r of rows) for (const id of subtreeIds(areas, [r.id])) rowOf.set(id, r.id);

  const key = (area: string, cat: string) => `${area}\u0000${cat}`;
  const needs = new Map<string, { n: number; people: number }>();
  for (const n of input.needs) {
    const row = rowOf.get(n.areaId);
    if (!row) continue;
    const k = key(row, top(n.category));
    const c = needs.get(k) ?? { n: 0, people: 0 };
    c.n++;
    c.people += n.people;
    needs.set(k, c);
  }

  const inside = new Map<string, { n: number; capacity: number | null; mask: number }>();
  // Categories present per area id (for the gap test up the tree).
  const present = new Map<string, Set<string>>();
  for (const r of input.resources) {
    const cats = [...new Set(r.categories.map(top))];
    const areaIds = r.areaIds.length > 0 ? r.areaIds : root ? [root.id] : [];
    for (const a of areaIds) {
      const set = present.get(a) ?? new Set<string>();
      for (const c of cats) set.add(c);
      present.set(a, set);
    }
    const rowsHit = new Set(areaIds.flatMap((a) => (rowOf.has(a) ? [rowOf.get(a)!] : [])));
    for (const row of rowsHit)
      for (const c of cats) {
        const k = key(row, c);
        const v = inside.get(k) ?? { n: 0, capacity: null, mask: 0 };
        v.n++;
        if (r.capacity !== null) v.capacity = (v.capacity ?? 0) + r.capacity;
        v.mask |= r.weekdayMask;
        inside.set(k, v);
      }
  }

  const cells: MatrixCellValue[] = [];
  const summaries = rows.map((row) => {
    const aged65 = input.aged65.get(row.id) ?? null;
    const above = ancestorsOf(areas, row.id).map((a) => a.id);
    let open = 0;
    let gaps = 0;
    for (const cat of categories) {
      const n = needs.get(key(row.id, cat.code)) ?? { n: 0, people: 0 };
      const r = inside.get(key(row.id, cat.code)) ?? { n: 0, capacity: null, mask: 0 };
      const reachedFromAbove = above.some((a) => present.get(a)?.has(cat.code));
      const gap = n.n > 0 && r.n === 0 && !reachedFromAbove;
      open += n.n;
      if (gap) gaps++;
      if (n.n === 0 && r.n === 0) continue;
      cells.push({
        areaId: row.id,
        category: cat.code,
        openNeeds: n.n,
        people: n.people,
        resources: r.n,
        capacity: r.capacity,
        weekdays: [0, 1, 2, 3, 4, 5, 6].filter((d) => r.mask & (1 << d)),
        needsPer1000: per1000(n.people, aged65),
        resourcesPer1000: per1000(r.n, aged65),
        gap,
      });
    }
    return { id: row.id, name: row.name, parentId: row.parentId, aged65, openNeeds: open, gaps };
  });
  return { rows: summaries, categories, cells };
}
