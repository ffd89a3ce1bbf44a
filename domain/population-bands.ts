import type { AgeBand } from './population-table';

export interface BandCount {
  band: AgeBand;
  male: number | null;
  female: number | null;
  total: number;
}

const layout = (b: readonly BandCount[]) => b.map((x) => `${x.band.from}-${x.band.to ?? ''}`).join(',');

/** Sums band tables that share one layout; null when any is missing or they differ. */
export function sumBands(list: readonly (readonly BandCount[] | null)[]): BandCount[] | null {
  const first = list[0];
  if (!first || list.some((b) => !b || layout(b) !== layout(first))) return null;
  return first.map((x, i) => {
    const cells = list.map((b) => b![i]!);
    const add = (k: 'male' | 'female') =>
      cells.some((c) => c[k] === null) ? null : cells.reduce((s, c) => s + c[k]!, 0);
    return {
      band: x.band,
      male: add('male'),
      female: add('female'),
      total: cells.reduce((s, c) => s + c.total, 0),
    };
  });
}

/**
 * The age bands of an area on a date, following the same rule as the totals: its own row when it
 * has one, else the sum of its children's. Null when any contributing row lacks bands, so a
 * pyramid is never drawn from part of the people.
 */
export function bandsOf(
  areaId: string,
  asOf: string,
  children: ReadonlyMap<string | null, readonly { id: string }[]>,
  own: ReadonlyMap<string, ReadonlyMap<string, readonly BandCount[] | null>>,
): BandCount[] | null {
  const mine = own.get(areaId);
  if (mine?.has(asOf)) return (mine.get(asOf) as BandCount[] | null) ?? null;
  const parts: (readonly BandCount[] | null)[] = [];
  const stack = [...(children.get(areaId) ?? [])];
  const seen = new Set<string>([areaId]);
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (seen.has(child.id)) continue;
    seen.add(child.id);
    const row = own.get(child.id);
    if (row?.has(asOf)) parts.push(row.get(asOf) ?? null);
    else stack.push(...(children.get(child.id) ?? []));
  }
  return parts.length ? sumBands(parts) : null;
}
