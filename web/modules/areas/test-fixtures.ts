/* The area list as the server answers it (each item passes the contract's own schema), for the component tests of modules that pick or show areas. */

interface AreaFixture {
  id: string;
  parentId: string | null;
  layer: 1 | 2 | 3;
  name: string;
  kana: string;
  kind: string;
  validFromFy: number | null;
  validToFy: number | null;
  townNames: string[];
  hasBoundary: boolean;
  sortOrder: number;
  strengths: string;
  concerns: string;
  version: number;
  canEdit: boolean;
  latest: null;
}

/** One area of the list; `more` for what a test needs otherwise (a boundary, no right to edit). */
export function areaItem(
  id: string,
  parentId: string | null,
  layer: 1 | 2 | 3,
  name: string,
  sortOrder: number,
  more: Partial<Pick<AreaFixture, 'hasBoundary' | 'canEdit'>> = {},
): AreaFixture {
  return {
    id,
    parentId,
    layer,
    name,
    kana: '',
    kind: layer === 1 ? '市町村全域' : layer === 2 ? '日常生活圏域' : '地区',
    validFromFy: null,
    validToFy: null,
    townNames: [],
    hasBoundary: false,
    sortOrder,
    strengths: '',
    concerns: '',
    version: 1,
    canEdit: true,
    latest: null,
    ...more,
  };
}

/** The list of 2026年度 as `listAreas` answers it. */
export function areaList(areas: AreaFixture[], { canCreate = true } = {}) {
  return { fiscalYear: 2026, asOf: null, canCreate, areas };
}
