import type { ResourceQuery } from '../../../contracts/resources';
import { RESOURCE_KINDS, RESOURCE_STATUSES, SOGO_TYPES } from '../../../domain/resources';

/*
 * The list's filters live in the URL (?q=かいもの&area=…&weekday=4&view=map), so that a search can be
 * bookmarked, shared with a colleague and kept when going back from a detail page.
 */

export const SORTS = {
  relevance: '関連順',
  name: '名前順',
  stale: '確認期限順',
  updated: '更新順',
} as const;
export type Sort = keyof typeof SORTS;

export const WEEKDAYS = [
  { value: 1, label: '月曜日' },
  { value: 2, label: '火曜日' },
  { value: 3, label: '水曜日' },
  { value: 4, label: '木曜日' },
  { value: 5, label: '金曜日' },
  { value: 6, label: '土曜日' },
  { value: 0, label: '日曜日' },
] as const;

export interface ResourceFilters {
  q: string;
  area: string;
  category: string;
  /** '' or '0'…'6' (0 = 日曜). */
  weekday: string;
  free: boolean;
  sogoType: string;
  kind: string;
  status: string;
  stale: boolean;
  sort: Sort;
  page: number;
  view: 'list' | 'map';
}

export const EMPTY_FILTERS: ResourceFilters = {
  q: '',
  area: '',
  category: '',
  weekday: '',
  free: false,
  sogoType: '',
  kind: '',
  status: '',
  stale: false,
  sort: 'relevance',
  page: 1,
  view: 'list',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = (value: string | null, options: object) => (value && value in options ? value : '');

/** Reads the filters from the URL; anything unknown is ignored rather than sent to the server. */
export function filtersFromSearch(search: URLSearchParams): ResourceFilters {
  const weekday = search.get('weekday') ?? '';
  const page = Number(search.get('page'));
  const sort = search.get('sort');
  return {
    q: (search.get('q') ?? '').slice(0, 100),
    area: UUID.test(search.get('area') ?? '') ? (search.get('area') as string) : '',
    category: /^[a-z0-9-]{1,40}$/.test(search.get('category') ?? '')
      ? (search.get('category') as string)
      : '',
    weekday: /^[0-6]$/.test(weekday) ? weekday : '',
    free: search.get('free') === 'true',
    sogoType: oneOf(search.get('sogoType'), SOGO_TYPES),
    kind: oneOf(search.get('kind'), RESOURCE_KINDS),
    status: oneOf(search.get('status'), RESOURCE_STATUSES),
    stale: search.get('stale') === 'true',
    sort: sort && sort in SORTS ? (sort as Sort) : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    view: search.get('view') === 'map' ? 'map' : 'list',
  };
}

/** The URL query for filters; defaults are left out so that URLs stay short. */
export function searchFromFilters(f: ResourceFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.q.trim()) out.set('q', f.q.trim());
  if (f.area) out.set('area', f.area);
  if (f.category) out.set('category', f.category);
  if (f.weekday) out.set('weekday', f.weekday);
  if (f.free) out.set('free', 'true');
  if (f.sogoType) out.set('sogoType', f.sogoType);
  if (f.kind) out.set('kind', f.kind);
  if (f.status) out.set('status', f.status);
  if (f.stale) out.set('stale', 'true');
  if (f.sort !== 'relevance') out.set('sort', f.sort);
  if (f.page > 1) out.set('page', String(f.page));
  if (f.view === 'map') out.set('view', 'map');
  return out;
}

export const PER_PAGE = 50;

/** The filters as the search endpoint's query. */
export function queryFromFilters(f: ResourceFilters): ResourceQuery {
  return {
    q: f.q.trim() || undefined,
    area: f.area || undefined,
    category: f.category || undefined,
    weekday: f.weekday === '' ? undefined : Number(f.weekday),
    free: f.free ? 'true' : undefined,
    sogoType: (f.sogoType || undefined) as ResourceQuery['sogoType'],
    kind: (f.kind || undefined) as ResourceQuery['kind'],
    status: (f.status || undefined) as ResourceQuery['status'],
    stale: f.stale ? 'true' : undefined,
    sort: f.sort,
    page: f.page,
    perPage: PER_PAGE,
  };
}

/** The same filters for the map's points (no paging or order). */
export function pointsQueryFromFilters(f: ResourceFilters) {
  const { sort: _sort, page: _page, perPage: _perPage, ...rest } = queryFromFilters(f);
  return rest;
}

/** How many filters (besides the keyword) are in use, for the 「絞り込み（2）」 label. */
export function activeFilterCount(f: ResourceFilters): number {
  return [f.area, f.category, f.weekday, f.free, f.sogoType, f.kind, f.status, f.stale].filter(Boolean)
    .length;
}
