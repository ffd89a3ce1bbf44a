import { normalizeText } from './text';

/** 層: 1 = 市町村全域, 2 = 日常生活圏域, 3 = 地区・小学校区・町内会 … */
export type Layer = 1 | 2 | 3;

export const LAYER_LABELS: Record<Layer, string> = {
  1: '第1層（市町村全域）',
  2: '第2層（日常生活圏域）',
  3: '第3層（地区・小学校区・町内会など）',
};

export const LAYER_SHORT: Record<Layer, string> = { 1: '第1層', 2: '第2層', 3: '第3層' };

/** Kinds of area municipalities use; kept as data so that a town's own word can be added. */
export const AREA_KINDS = [
  '市町村全域',
  '日常生活圏域',
  '中学校区',
  '小学校区',
  '地区',
  '町内会・自治会',
  '行政区',
  'その他',
] as const;

export interface AreaNode {
  id: string;
  parentId: string | null;
  layer: number;
  validFromFy?: number | null;
  validToFy?: number | null;
}

/**
 * Why a layer/parent combination is not allowed, or null when it is. A tenant has exactly one
 * 第1層 (the municipality itself); every other area sits under an area of a smaller layer number.
 */
export function placementProblem(layer: number, parent: AreaNode | null): string | null {
  if (layer === 1) return parent ? '第1層は市町村全域なので、上位の地域は持てません。' : null;
  if (!parent) return '上位の地域を選んでください。';
  if (parent.layer >= layer)
    return `${layer === 2 ? '第2層' : '第3層'}の地域は、より上の層の地域の下に置いてください。`;
  return null;
}

/** Whether an area is in use in a 年度. */
export function isValidInFy(area: Pick<AreaNode, 'validFromFy' | 'validToFy'>, fy: number): boolean {
  return (
    (area.validFromFy == null || area.validFromFy <= fy) && (area.validToFy == null || area.validToFy >= fy)
  );
}

/** Children lists, built once per request. */
export function childrenIndex<A extends AreaNode>(areas: readonly A[]): Map<string | null, A[]> {
  const index = new Map<string | null, A[]>();
  for (const a of areas) {
    const list = index.get(a.parentId);
    if (list) list.push(a);
    else index.set(a.parentId, [a]);
  }
  return index;
}

/** The roots and everything below them. */
export function subtreeIds(areas: readonly AreaNode[], roots: readonly string[]): Set<string> {
  const index = childrenIndex(areas);
  const out = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const child of index.get(id) ?? []) stack.push(child.id);
  }
  return out;
}

/** Areas in tree order with their depth; areas whose parent is not listed become roots. */
export function areaTree<A extends AreaNode>(areas: readonly A[]): { area: A; depth: number }[] {
  const ids = new Set(areas.map((a) => a.id));
  const rooted = areas.map((a) => ({
    ...a,
    parentId: a.parentId && ids.has(a.parentId) ? a.parentId : null,
  }));
  const index = childrenIndex(rooted);
  const byId = new Map(areas.map((a) => [a.id, a]));
  const out: { area: A; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const child of index.get(parent) ?? []) {
      out.push({ area: byId.get(child.id)!, depth });
      walk(child.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Ancestors from the root down to (not including) the area. */
export function ancestorsOf<A extends AreaNode>(areas: readonly A[], id: string): A[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const path: A[] = [];
  let current = byId.get(id);
  const seen = new Set<string>();
  while (current?.parentId && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    const parent = byId.get(current.parentId);
    if (!parent) break;
    path.unshift(parent);
    current = parent;
  }
  return path;
}

const KANJI_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 as a number (丁目 numbers never go higher). */
function kanjiNumber(s: string): number {
  if (!s.includes('十')) return KANJI_DIGITS[s] ?? 0;
  const [tens, ones] = s.split('十') as [string, string];
  return (tens ? (KANJI_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (KANJI_DIGITS[ones] ?? 0) : 0);
}

/**
 * Key for matching 町丁 names: NFKC, no spaces, 丁目 numbers as digits. 「塩上町１丁目」,
 * 「塩上町1丁目」 and 「塩上町一丁目」 all match.
 */
export function townKey(name: string): string {
  return normalizeText(name)
    .replace(/\s+/g, '')
    .replace(/([一二三四五六七八九十]+)丁目/g, (_, n: string) => `${kanjiNumber(n)}丁目`);
}

/**
 * The area whose 町丁 appears in an address: the longest 町丁 name found wins (扇町1丁目 over
 * 扇町), then the deepest area. Null when no 町丁 of any area is in the address.
 */
export function areaForAddress<A extends AreaNode & { townNames: readonly string[] }>(
  address: string,
  areas: readonly A[],
): A | null {
  const key = townKey(address);
  if (!key) return null;
  const index = townIndex(areas);
  let best: { area: A; length: number } | null = null;
  for (const [town, hit] of index) {
    if (!('area' in hit) || town.length === 0 || !key.includes(town)) continue;
    // A 町丁 must not continue with more of a longer name: 本町 must not match inside 本町田.
    const after = key[key.indexOf(town) + town.length];
    if (
      after &&
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(after) &&
      !/[0-9丁番号の]/.test(after)
    )
      continue;
    if (!best || town.length > best.length) best = { area: hit.area, length: town.length };
  }
  return best?.area ?? null;
}

/**
 * Finds, for each 町丁 name, the deepest area that lists it. Two areas of the same depth listing
 * the same 町丁 make it ambiguous, which the caller must report rather than guess.
 */
export function townIndex<A extends AreaNode & { townNames: readonly string[] }>(
  areas: readonly A[],
): Map<string, { area: A } | { ambiguous: A[] }> {
  const depth = new Map<string, number>();
  const byId = new Map(areas.map((a) => [a.id, a]));
  const depthOf = (a: A): number => {
    const known = depth.get(a.id);
    if (known !== undefined) return known;
    const parent = a.parentId ? byId.get(a.parentId) : undefined;
    const d = parent && parent.id !== a.id ? depthOf(parent) + 1 : 0;
    depth.set(a.id, d);
    return d;
  };
  const index = new Map<string, { area: A } | { ambiguous: A[] }>();
  for (const area of areas) {
    for (const name of area.townNames) {
      const key = townKey(name);
      const existing = index.get(key);
      if (!existing) {
        index.set(key, { area });
        continue;
      }
      const current = 'area' in existing ? [existing.area] : existing.ambiguous;
      const d = depthOf(area);
      const dCurrent = depthOf(current[0]!);
      if (d > dCurrent) index.set(key, { area });
      else if (d === dCurrent) index.set(key, { ambiguous: [...current, area] });
    }
  }
  return index;
}
