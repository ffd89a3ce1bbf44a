import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type ActivityQuery,
  activityReport,
  getActivity,
  listActivities,
} from '../../../contracts/activities';
import { listOrganizations } from '../../../contracts/resources';
import { api } from '../../lib/api';

export type ActivityListQuery = z.input<typeof ActivityQuery>;

export const activityKeys = {
  all: (tenant: string) => ['activities', tenant] as const,
  list: (tenant: string, q: ActivityListQuery) => ['activities', tenant, 'list', q] as const,
  detail: (tenant: string, id: string) => ['activities', tenant, 'detail', id] as const,
  report: (tenant: string, q: object) => ['activities', tenant, 'report', q] as const,
};

export function useActivities(tenant: string, query: ActivityListQuery, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(tenant, query),
    queryFn: ({ signal }) => api(listActivities, { params: { tenant }, query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(tenant: string, id: string) {
  return useQuery({
    queryKey: activityKeys.detail(tenant, id),
    queryFn: ({ signal }) => api(getActivity, { params: { tenant, id }, signal }),
  });
}

export function useActivityReport(tenant: string, q: { month?: string; fy?: number; area?: string }) {
  return useQuery({
    queryKey: activityKeys.report(tenant, q),
    queryFn: ({ signal }) => api(activityReport, { params: { tenant }, query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The town's 主体, to say whom the SC met (the same key as the 主体 page). */
export function useOrganizations(tenant: string) {
  return useQuery({
    queryKey: ['resources', tenant, 'organizations', ''],
    queryFn: ({ signal }) => api(listOrganizations, { params: { tenant }, query: {}, signal }),
    staleTime: 5 * 60_000,
  });
}

export function invalidateActivities(queryClient: QueryClient, tenant: string) {
  return queryClient.invalidateQueries({ queryKey: activityKeys.all(tenant) });
}
