import { type QueryClient, useQuery } from '@tanstack/react-query';
import { getArea, listAreas } from '../../../contracts/areas';
import { api } from '../../lib/api';

export const areaKeys = {
  all: (tenant: string) => ['areas', tenant] as const,
  list: (tenant: string, fy: number | undefined, all: boolean) =>
    ['areas', tenant, 'list', fy ?? null, all] as const,
  detail: (tenant: string, id: string) => ['areas', tenant, 'detail', id] as const,
};

export function useAreaList(tenant: string, fy: number | undefined, all = false) {
  return useQuery({
    queryKey: areaKeys.list(tenant, fy, all),
    queryFn: ({ signal }) =>
      api(listAreas, { params: { tenant }, query: { fy, all: all ? 'true' : undefined }, signal }),
  });
}

export function useArea(tenant: string, id: string) {
  return useQuery({
    queryKey: areaKeys.detail(tenant, id),
    queryFn: ({ signal }) => api(getArea, { params: { tenant, id }, signal }),
  });
}

/** After any change to areas or statistics every list and detail of the tenant may be stale. */
export function invalidateAreas(queryClient: QueryClient, tenant: string) {
  return queryClient.invalidateQueries({ queryKey: areaKeys.all(tenant) });
}
