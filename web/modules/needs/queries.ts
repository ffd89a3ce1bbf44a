import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { getNeed, listNeeds, type NeedQuery } from '../../../contracts/needs';
import { listTaxonomy, searchResources } from '../../../contracts/resources';
import { api } from '../../lib/api';

export type NeedListQuery = z.input<typeof NeedQuery>;

export const needKeys = {
  all: (tenant: string) => ['needs', tenant] as const,
  list: (tenant: string, query: NeedListQuery) => ['needs', tenant, 'list', query] as const,
  detail: (tenant: string, id: string) => ['needs', tenant, 'detail', id] as const,
};

export function useNeedList(tenant: string, query: NeedListQuery, enabled = true) {
  return useQuery({
    queryKey: needKeys.list(tenant, query),
    queryFn: ({ signal }) => api(listNeeds, { params: { tenant }, query, signal }),
    // Keeps the previous page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNeed(tenant: string, id: string) {
  return useQuery({
    queryKey: needKeys.detail(tenant, id),
    queryFn: ({ signal }) => api(getNeed, { params: { tenant, id }, signal }),
  });
}

/**
 * The tenant's 生活支援の分類, under the same key as the 地域資源 pages use, so that one load serves both.
 */
export function useTerms(tenant: string) {
  return useQuery({
    queryKey: ['resources', tenant, 'taxonomy'],
    queryFn: ({ signal }) => api(listTaxonomy, { params: { tenant }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** 地域資源 by keyword (and area, with those above and below it), to link to a need. */
export function useResourceLookup(tenant: string, q: string, area: string | undefined) {
  const query = { q, area, perPage: 10, page: 1 };
  return useQuery({
    queryKey: ['resources', tenant, 'search', query],
    queryFn: ({ signal }) => api(searchResources, { params: { tenant }, query, signal }),
    enabled: q.trim().length > 0,
  });
}

/** After any change to a need: lists, details and the residents' open-need counts may be stale. */
export async function invalidateNeeds(queryClient: QueryClient, tenant: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: needKeys.all(tenant) }),
    queryClient.invalidateQueries({ queryKey: ['residents', tenant] }),
  ]);
}
