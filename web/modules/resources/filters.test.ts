import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filtersFromSearch,
  pointsQueryFromFilters,
  queryFromFilters,
  searchFromFilters,
} from './filters';

const AREA = '11111111-1111-4111-8111-111111111111';

describe('resource filters in the URL', () => {
  it('round-trips through the query string, leaving defaults out', () => {
    const f = { ...EMPTY_FILTERS, q: 'かいもの', area: AREA, weekday: '4', free: true, view: 'map' as const };
    const search = searchFromFilters(f);
    expect(search.toString()).toBe(
      `q=${encodeURIComponent('かいもの')}&area=${AREA}&weekday=4&free=true&view=map`,
    );
    expect(filtersFromSearch(search)).toEqual(f);
    expect(searchFromFilters(EMPTY_FILTERS).toString()).toBe('');
  });

  it('ignores what the server would refuse', () => {
    const f = filtersFromSearch(
      new URLSearchParams(
        'area=nope&weekday=9&sogoType=visit-z&status=active&sort=random&page=-2&category=Bad Code',
      ),
    );
    expect(f).toEqual({ ...EMPTY_FILTERS, status: 'active' });
  });

  it('becomes the search query (weekday 0 = 日曜 kept) and the map query without paging', () => {
    const f = { ...EMPTY_FILTERS, weekday: '0', stale: true, page: 3, sort: 'name' as const };
    expect(queryFromFilters(f)).toMatchObject({
      weekday: 0,
      stale: 'true',
      page: 3,
      perPage: 50,
      sort: 'name',
    });
    const points = pointsQueryFromFilters(f);
    expect(points).toMatchObject({ weekday: 0, stale: 'true' });
    expect('page' in points || 'sort' in points || 'perPage' in points).toBe(false);
  });
});
