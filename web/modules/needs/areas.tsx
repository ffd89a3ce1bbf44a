import { useMemo } from 'react';
import { subtreeIds } from '../../../domain/areas';
import { useTenantScope } from '../../lib/session';
import { useAreaList } from '../areas';
import { areaOptionLabel, areaTree } from './format';

/**
 * The areas in which the person may see and record needs, in tree order: the whole town, or for a
 * 第2層 SC her assigned areas and what lies below them (the server decides the same way).
 */
export function useAreaChoices() {
  const scope = useTenantScope();
  const list = useAreaList(scope.code, undefined);
  const rows = useMemo(() => {
    if (!list.data) return [];
    const all = list.data.areas;
    const own = scope.role === 'sc2' && !scope.systemAdmin ? subtreeIds(all, scope.areaIds) : null;
    return areaTree(all).filter((r) => !own || own.has(r.area.id));
  }, [list.data, scope.role, scope.systemAdmin, scope.areaIds]);
  return { ...list, rows };
}

/** `<option>`s of the areas, indented by 層. */
export function AreaOptions({ rows }: { rows: ReturnType<typeof useAreaChoices>['rows'] }) {
  return (
    <>
      {rows.map(({ area, depth }) => (
        <option key={area.id} value={area.id}>
          {areaOptionLabel(area, depth)}
        </option>
      ))}
    </>
  );
}
