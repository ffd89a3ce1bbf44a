import { describe, expect, it } from 'vitest';
import { needFiltersFromSearch, queryFromNeedFilters, searchFromNeedFilters } from './filters';
import { recentFiscalYears } from './format';

describe('needs list filters in the URL', () => {
  it('reads what it knows, ignores the rest, and writes back only what differs from the default', () => {
    const f = needFiltersFromSearch(
      new URLSearchParams(
        'area=11111111-1111-4111-8111-111111111111&category=kaimono&status=new&open=true&source=salon&fy=2026&page=2&status2=x',
      ),
    );
    expect(f).toEqual({
      area: '11111111-1111-4111-8111-111111111111',
      category: 'kaimono',
      status: 'new',
      open: true,
      source: 'salon',
      fy: '2026',
      page: 2,
    });
    expect(queryFromNeedFilters(f)).toMatchObject({ open: 'true', fy: 2026, page: 2, perPage: 50 });
    expect(needFiltersFromSearch(new URLSearchParams('area=x&status=done&source=tv&fy=26&page=-1'))).toEqual({
      area: '',
      category: '',
      status: '',
      open: false,
      source: '',
      fy: '',
      page: 1,
    });
    expect(searchFromNeedFilters({ ...f, page: 1, open: false }).toString()).toBe(
      'area=11111111-1111-4111-8111-111111111111&category=kaimono&status=new&source=salon&fy=2026',
    );
  });

  it('offers this 年度 and the four before it (April to March)', () => {
    expect(recentFiscalYears('2027-03-31')).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(recentFiscalYears('2027-04-01')[0]).toBe(2027);
  });
});
