import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { areaBoundaries, listAreas } from '../../../contracts/areas';
import { listResidents } from '../../../contracts/residents';
import { getSurvey, listInstruments, listSurveys, surveyResults } from '../../../contracts/surveys';
import { api } from '../../lib/api';

export const surveyKeys = {
  all: (tenant: string) => ['surveys', tenant] as const,
  list: (tenant: string) => ['surveys', tenant, 'list'] as const,
  instruments: (tenant: string) => ['surveys', tenant, 'instruments'] as const,
  detail: (tenant: string, id: string) => ['surveys', tenant, 'detail', id] as const,
  results: (tenant: string, id: string, layer: '2' | '3') =>
    ['surveys', tenant, 'results', id, layer] as const,
};

export function useSurveys(tenant: string) {
  return useQuery({
    queryKey: surveyKeys.list(tenant),
    queryFn: ({ signal }) => api(listSurveys, { params: { tenant }, signal }),
  });
}

export function useInstruments(tenant: string, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.instruments(tenant),
    queryFn: ({ signal }) => api(listInstruments, { params: { tenant }, signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useSurvey(tenant: string, id: string) {
  return useQuery({
    queryKey: surveyKeys.detail(tenant, id),
    queryFn: ({ signal }) => api(getSurvey, { params: { tenant, id }, signal }),
  });
}

export function useSurveyResults(tenant: string, id: string, layer: '2' | '3') {
  return useQuery({
    queryKey: surveyKeys.results(tenant, id, layer),
    queryFn: ({ signal }) => api(surveyResults, { params: { tenant, id }, query: { layer }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The tenant's areas (current ones), under the areas key so that a change to an area refreshes them. */
export function useAreas(tenant: string) {
  return useQuery({
    queryKey: ['areas', tenant, 'list', null, false],
    queryFn: ({ signal }) => api(listAreas, { params: { tenant }, query: {}, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Area polygons for the choropleth (same key as the 地域資源 map). */
export function useBoundaries(tenant: string) {
  return useQuery({
    queryKey: ['areas', tenant, 'boundaries'],
    queryFn: ({ signal }) => api(areaBoundaries, { params: { tenant }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Residents by name or reading, for linking an interview to a person (only when something is typed). */
export function useResidentLookup(tenant: string, q: string) {
  return useQuery({
    queryKey: ['residents', tenant, 'list', { q, perPage: 10 }],
    queryFn: ({ signal }) =>
      api(listResidents, { params: { tenant }, query: { q: q.trim(), perPage: 10 }, signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** After a survey, its answers or its thresholds change, its counts and results are stale. */
export function invalidateSurveys(queryClient: QueryClient, tenant: string) {
  return queryClient.invalidateQueries({ queryKey: surveyKeys.all(tenant) });
}
