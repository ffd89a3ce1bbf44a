import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { getResident, listResidents } from '../../../contracts/residents';
import { api } from '../../lib/api';

export type ResidentListQuery = z.input<(typeof listResidents)['query']>;

export const residentKeys = {
  all: (tenant: string) => ['residents', tenant] as const,
  list: (tenant: string, query: ResidentListQuery) => ['residents', tenant, 'list', query] as const,
  /** The same key the quick capture uses to show whose need is being recorded. */
  detail: (tenant: string, id: string) => ['residents', tenant, 'detail', id] as const,
};

export function useResidentList(tenant: string, query: ResidentListQuery) {
  return useQuery({
    queryKey: residentKeys.list(tenant, query),
    queryFn: ({ signal }) => api(listResidents, { params: { tenant }, query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResident(tenant: string, id: string) {
  return useQuery({
    queryKey: residentKeys.detail(tenant, id),
    queryFn: ({ signal }) => api(getResident, { params: { tenant, id }, signal }),
  });
}

/** After a change to a resident: lists, details, and the needs that show the resident's name. */
export async function invalidateResidents(queryClient: QueryClient, tenant: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: residentKeys.all(tenant) }),
    queryClient.invalidateQueries({ queryKey: ['needs', tenant] }),
  ]);
}
