import { LAYER_SHORT } from '../../../domain/areas';
import { useTenantScope } from '../../lib/session';
import { useAreaList } from '../areas';
import { type Term, termTree } from './categories';

/** Items in tree order with their depth; items whose parent is not listed become roots. */
export function treeOrder<T>(
  items: readonly T[],
  idOf: (t: T) => string,
  parentOf: (t: T) => string | null,
): { item: T; depth: number }[] {
  const ids = new Set(items.map(idOf));
  const out: { item: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const t of items) {
      const p = parentOf(t);
      if ((p && ids.has(p) ? p : null) !== parent || seen.has(idOf(t))) continue;
      seen.add(idOf(t));
      out.push({ item: t, depth });
      walk(idOf(t), depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The tenant's areas, in tree order, for selects. */
export function useAreaTree() {
  const scope = useTenantScope();
  const list = useAreaList(scope.code, undefined);
  const rows = list.data
    ? treeOrder(
        list.data.areas,
        (a) => a.id,
        (a) => a.parentId,
      )
    : [];
  return { ...list, rows };
}

/** `<option>`s of the areas, indented by 層 (「　北部圏域（第2層）」). */
export function AreaOptions({ rows }: { rows: ReturnType<typeof useAreaTree>['rows'] }) {
  return (
    <>
      {rows.map(({ item, depth }) => (
        <option key={item.id} value={item.id}>
          {`${'　'.repeat(depth)}${item.name}（${LAYER_SHORT[item.layer]}）`}
        </option>
      ))}
    </>
  );
}

/** `<option>`s of the categories, children indented under their parent. */
export function CategoryOptions({ terms }: { terms: readonly Term[] }) {
  return (
    <>
      {termTree(terms).map(({ term, depth }) => (
        <option key={term.code} value={term.code}>
          {`${'　'.repeat(depth)}${term.name}`}
        </option>
      ))}
    </>
  );
}
