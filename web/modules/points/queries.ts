import { type QueryClient, useQuery } from '@tanstack/react-query';
import {
  getPointStatement,
  listPointActivities,
  listPointBalances,
  listPointSchemes,
  pointSummary,
  previewYearEnd,
} from '../../../contracts/points';
import { api } from '../../lib/api';

export const pointKeys = {
  all: (tenant: string) => ['points', tenant] as const,
  schemes: (tenant: string) => ['points', tenant, 'schemes'] as const,
  summary: (tenant: string, scheme: string, fy: number) => ['points', tenant, 'summary', scheme, fy] as const,
  pending: (tenant: string, scheme: string) => ['points', tenant, 'pending', scheme] as const,
  balances: (tenant: string, scheme: string, fy: number) =>
    ['points', tenant, 'balances', scheme, fy] as const,
  statement: (tenant: string, scheme: string, helper: string, fy: number) =>
    ['points', tenant, 'statement', scheme, helper, fy] as const,
  yearEnd: (tenant: string, scheme: string, fy: number) =>
    ['points', tenant, 'year-end', scheme, fy] as const,
};

export function useSchemes(tenant: string) {
  return useQuery({
    queryKey: pointKeys.schemes(tenant),
    queryFn: ({ signal }) => api(listPointSchemes, { params: { tenant }, signal }),
  });
}

/**
 * The scheme the pages work with: the active one (a town usually has one), or the first when none
 * is active, so that its history stays readable.
 */
export function useActiveScheme(tenant: string) {
  const q = useSchemes(tenant);
  const scheme = q.data?.schemes.find((s) => s.active) ?? q.data?.schemes[0];
  return { ...q, scheme };
}

export function useSummary(tenant: string, scheme: string, fy: number) {
  return useQuery({
    queryKey: pointKeys.summary(tenant, scheme, fy),
    queryFn: ({ signal }) => api(pointSummary, { params: { tenant, id: scheme }, query: { fy }, signal }),
  });
}

export function usePending(tenant: string, scheme: string) {
  return useQuery({
    queryKey: pointKeys.pending(tenant, scheme),
    queryFn: ({ signal }) =>
      api(listPointActivities, {
        params: { tenant },
        query: { scheme, status: 'pending', perPage: 200 },
        signal,
      }),
  });
}

export function useBalances(tenant: string, scheme: string, fy: number) {
  return useQuery({
    queryKey: pointKeys.balances(tenant, scheme, fy),
    queryFn: ({ signal }) =>
      api(listPointBalances, { params: { tenant, id: scheme }, query: { fy }, signal }),
  });
}

export function useStatement(tenant: string, scheme: string, helperId: string, fy: number) {
  return useQuery({
    queryKey: pointKeys.statement(tenant, scheme, helperId, fy),
    queryFn: ({ signal }) =>
      api(getPointStatement, { params: { tenant, id: scheme, helperId }, query: { fy }, signal }),
    enabled: scheme !== '',
  });
}

export function useYearEnd(tenant: string, scheme: string, fy: number) {
  return useQuery({
    queryKey: pointKeys.yearEnd(tenant, scheme, fy),
    queryFn: ({ signal }) => api(previewYearEnd, { params: { tenant, id: scheme }, query: { fy }, signal }),
  });
}

/** After any posting: every figure on every points page may have changed. */
export function invalidatePoints(queryClient: QueryClient, tenant: string) {
  return queryClient.invalidateQueries({ queryKey: pointKeys.all(tenant) });
}
