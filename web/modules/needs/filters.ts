import {
  NEED_SOURCE_CODES,
  NEED_STATUS_CODES,
  type NeedSource,
  type NeedStatus,
} from '../../../domain/needs';
import type { NeedListQuery } from './queries';

/*
 * The list's filters live in the URL (?area=…&status=new&open=true&fy=2026), so that a view can be
 * bookmarked, shared with a colleague and kept when going back from a need.
 */

export interface NeedFilters {
  area: string;
  category: string;
  status: NeedStatus | '';
  open: boolean;
  source: NeedSource | '';
  /** '' for every 年度. */
  fy: string;
  page: number;
}

export const EMPTY_NEED_FILTERS: NeedFilters = {
  area: '',
  category: '',
  status: '',
  open: false,
  source: '',
  fy: '',
  page: 1,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): s is string => Boolean(s && UUID.test(s));

const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | '' =>
  value && (options as readonly string[]).includes(value) ? (value as T) : '';

/** Reads the filters from the URL; anything unknown is ignored rather than sent to the server. */
export function needFiltersFromSearch(search: URLSearchParams): NeedFilters {
  const page = Number(search.get('page'));
  const fy = search.get('fy') ?? '';
  const category = search.get('category') ?? '';
  return {
    area: isUuid(search.get('area')) ? (search.get('area') as string) : '',
    category: /^[a-z0-9-]{1,60}$/.test(category) ? category : '',
    status: oneOf(search.get('status'), NEED_STATUS_CODES),
    open: search.get('open') === 'true',
    source: oneOf(search.get('source'), NEED_SOURCE_CODES),
    fy: /^20\d\d$/.test(fy) ? fy : '',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The URL query for filters; defaults are left out so that URLs stay short. */
export function searchFromNeedFilters(f: NeedFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.area) out.set('area', f.area);
  if (f.category) out.set('category', f.category);
  if (f.status) out.set('status', f.status);
  if (f.open) out.set('open', 'true');
  if (f.source) out.set('source', f.source);
  if (f.fy) out.set('fy', f.fy);
  if (f.page > 1) out.set('page', String(f.page));
  return out;
}

export const NEEDS_PER_PAGE = 50;

/** The filters as the list endpoint's query. */
export function queryFromNeedFilters(f: NeedFilters): NeedListQuery {
  return {
    area: f.area || undefined,
    category: f.category || undefined,
    status: f.status || undefined,
    open: f.open ? 'true' : undefined,
    source: f.source || undefined,
    fy: f.fy ? Number(f.fy) : undefined,
    page: f.page,
    perPage: NEEDS_PER_PAGE,
  };
}

/** How many filters are in use, for the 「絞り込み（2件の条件）」 label. */
export function activeNeedFilterCount(f: NeedFilters): number {
  return [f.area, f.category, f.status, f.open, f.source, f.fy].filter(Boolean).length;
}
