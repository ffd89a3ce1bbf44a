import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  getOpportunity,
  getReferral,
  listOpportunities,
  listReferrals,
  needSuggestions,
  opportunityCandidates,
  type ReferralQuery,
  referralStats,
  residentSuggestions,
  todayChecks,
} from '../../../contracts/matching';
import { api } from '../../lib/api';

export type ReferralListQuery = z.input<typeof ReferralQuery>;

export const matchingKeys = {
  all: (tenant: string) => ['matching', tenant] as const,
  referrals: (tenant: string, query: ReferralListQuery) => ['matching', tenant, 'referrals', query] as const,
  referral: (tenant: string, id: string) => ['matching', tenant, 'referral', id] as const,
  today: (tenant: string, mine: boolean) => ['matching', tenant, 'today', mine] as const,
  needSuggestions: (tenant: string, id: string, days: string) =>
    ['matching', tenant, 'need', id, days] as const,
  residentSuggestions: (tenant: string, id: string, days: string) =>
    ['matching', tenant, 'resident', id, days] as const,
  stats: (tenant: string, fy: string) => ['matching', tenant, 'stats', fy] as const,
  opportunities: (tenant: string) => ['matching', tenant, 'opportunities'] as const,
  opportunity: (tenant: string, id: string) => ['matching', tenant, 'opportunities', id] as const,
  candidates: (tenant: string, id: string) =>
    ['matching', tenant, 'opportunities', id, 'candidates'] as const,
};

export function useReferrals(tenant: string, query: ReferralListQuery, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.referrals(tenant, query),
    queryFn: ({ signal }) => api(listReferrals, { params: { tenant }, query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReferral(tenant: string, id: string) {
  return useQuery({
    queryKey: matchingKeys.referral(tenant, id),
    queryFn: ({ signal }) => api(getReferral, { params: { tenant, id }, signal }),
  });
}

export function useToday(tenant: string, mine: boolean, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.today(tenant, mine),
    queryFn: ({ signal }) =>
      api(todayChecks, { params: { tenant }, query: { mine: mine ? 'true' : 'false' }, signal }),
    enabled,
  });
}

/** `days` as the API takes it: 「1,4」, or '' for no preference. */
export function useNeedSuggestions(tenant: string, id: string, days: string) {
  return useQuery({
    queryKey: matchingKeys.needSuggestions(tenant, id, days),
    queryFn: ({ signal }) =>
      api(needSuggestions, { params: { tenant, id }, query: days ? { days } : {}, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResidentSuggestions(tenant: string, id: string, days: string) {
  return useQuery({
    queryKey: matchingKeys.residentSuggestions(tenant, id, days),
    queryFn: ({ signal }) =>
      api(residentSuggestions, { params: { tenant, id }, query: days ? { days } : {}, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReferralStats(tenant: string, fy: string) {
  return useQuery({
    queryKey: matchingKeys.stats(tenant, fy),
    queryFn: ({ signal }) =>
      api(referralStats, { params: { tenant }, query: fy ? { fy: Number(fy) } : {}, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunities(tenant: string) {
  return useQuery({
    queryKey: matchingKeys.opportunities(tenant),
    queryFn: ({ signal }) => api(listOpportunities, { params: { tenant }, signal }),
  });
}

export function useOpportunity(tenant: string, id: string, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.opportunity(tenant, id),
    queryFn: ({ signal }) => api(getOpportunity, { params: { tenant, id }, signal }),
    enabled,
  });
}

export function useOpportunityCandidates(tenant: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: matchingKeys.candidates(tenant, id),
    queryFn: ({ signal }) => api(opportunityCandidates, { params: { tenant, id }, signal }),
    enabled,
  });
}

/** After a referral changes: its lists, 今日の確認, suggestions (already-referred marks) and needs. */
export async function invalidateMatching(queryClient: QueryClient, tenant: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: matchingKeys.all(tenant) }),
    queryClient.invalidateQueries({ queryKey: ['needs', tenant] }),
    queryClient.invalidateQueries({ queryKey: ['helpers', tenant] }),
  ]);
}
