import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { areaBoundaries } from '../../../contracts/areas';
import {
  getResource,
  getResourceImport,
  listImportPresets,
  listOrganizations,
  listRevisions,
  listTaxonomy,
  type ResourceQuery,
  resourcePoints,
  reviewQueue,
  searchResources,
} from '../../../contracts/resources';
import { appConfig } from '../../../contracts/tenants';
import { api } from '../../lib/api';

type PointsQuery = Omit<ResourceQuery, 'page' | 'perPage' | 'sort'>;

export const resourceKeys = {
  all: (tenant: string) => ['resources', tenant] as const,
  search: (tenant: string, query: ResourceQuery) => ['resources', tenant, 'search', query] as const,
  points: (tenant: string, query: PointsQuery) => ['resources', tenant, 'points', query] as const,
  detail: (tenant: string, id: string) => ['resources', tenant, 'detail', id] as const,
  revisions: (tenant: string, id: string) => ['resources', tenant, 'revisions', id] as const,
  review: (tenant: string, area: string | undefined) =>
    ['resources', tenant, 'review', area ?? null] as const,
  taxonomy: (tenant: string) => ['resources', tenant, 'taxonomy'] as const,
  organizations: (tenant: string, q: string) => ['resources', tenant, 'organizations', q] as const,
  presets: (tenant: string) => ['resources', tenant, 'import-presets'] as const,
  importJob: (tenant: string, id: string) => ['resources', tenant, 'import', id] as const,
};

export function useResourceSearch(tenant: string, query: ResourceQuery) {
  return useQuery({
    queryKey: resourceKeys.search(tenant, query),
    queryFn: ({ signal }) => api(searchResources, { params: { tenant }, query, signal }),
    // Keeps the previous page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useResourcePoints(tenant: string, query: PointsQuery) {
  return useQuery({
    queryKey: resourceKeys.points(tenant, query),
    queryFn: ({ signal }) => api(resourcePoints, { params: { tenant }, query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResource(tenant: string, id: string) {
  return useQuery({
    queryKey: resourceKeys.detail(tenant, id),
    queryFn: ({ signal }) => api(getResource, { params: { tenant, id }, signal }),
  });
}

export function useRevisions(tenant: string, id: string) {
  return useQuery({
    queryKey: resourceKeys.revisions(tenant, id),
    queryFn: ({ signal }) => api(listRevisions, { params: { tenant, id }, signal }),
  });
}

export function useReviewQueue(tenant: string, area: string | undefined) {
  return useQuery({
    queryKey: resourceKeys.review(tenant, area),
    queryFn: ({ signal }) => api(reviewQueue, { params: { tenant }, query: { area, limit: 200 }, signal }),
  });
}

export function useTaxonomy(tenant: string) {
  return useQuery({
    queryKey: resourceKeys.taxonomy(tenant),
    queryFn: ({ signal }) => api(listTaxonomy, { params: { tenant }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useOrganizations(tenant: string, q: string, enabled = true) {
  return useQuery({
    queryKey: resourceKeys.organizations(tenant, q),
    queryFn: ({ signal }) =>
      api(listOrganizations, { params: { tenant }, query: { q: q.trim() || undefined }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useImportPresets(tenant: string) {
  return useQuery({
    queryKey: resourceKeys.presets(tenant),
    queryFn: ({ signal }) => api(listImportPresets, { params: { tenant }, signal }),
  });
}

/** Polls an import every second while it runs in the background. */
export function useImportJob(tenant: string, id: string | null, running: boolean) {
  return useQuery({
    queryKey: resourceKeys.importJob(tenant, id ?? ''),
    queryFn: ({ signal }) => api(getResourceImport, { params: { tenant, id: id ?? '' }, signal }),
    enabled: Boolean(id) && running,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
    staleTime: 0,
  });
}

/** Tile settings (null = offline maps); the same for the whole session. */
export function useAppConfig() {
  return useQuery({
    queryKey: ['app-config'],
    queryFn: ({ signal }) => api(appConfig, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Area polygons for maps; under the areas key so that a change to an area refreshes them. */
export function useAreaBoundaries(tenant: string) {
  return useQuery({
    queryKey: ['areas', tenant, 'boundaries'],
    queryFn: ({ signal }) => api(areaBoundaries, { params: { tenant }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** After any change to a resource, lists, points, the queue and counts of the tenant may be stale. */
export function invalidateResources(queryClient: QueryClient, tenant: string) {
  return queryClient.invalidateQueries({ queryKey: resourceKeys.all(tenant) });
}
