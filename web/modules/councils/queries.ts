import { type QueryClient, useQuery } from '@tanstack/react-query';
import {
  councilCalendar,
  getCouncil,
  getMeeting,
  getProject,
  listCouncils,
  listPeople,
  listProjects,
  listTasks,
  taskOwners,
} from '../../../contracts/councils';
import { api } from '../../lib/api';

/** Everything of the 協議体 pages lives under one key, so a change refreshes what depends on it. */
export const councilKeys = {
  all: (tenant: string) => ['councils', tenant] as const,
  list: (tenant: string, archived: boolean) => ['councils', tenant, 'list', archived] as const,
  detail: (tenant: string, id: string, fy?: number) =>
    ['councils', tenant, 'detail', id, fy ?? null] as const,
  meeting: (tenant: string, id: string) => ['councils', tenant, 'meeting', id] as const,
  calendar: (tenant: string, fy: number | undefined) => ['councils', tenant, 'calendar', fy ?? null] as const,
  tasks: (tenant: string, owner: string, status: string) =>
    ['councils', tenant, 'tasks', owner, status] as const,
  owners: (tenant: string) => ['councils', tenant, 'owners'] as const,
  people: (tenant: string) => ['councils', tenant, 'people'] as const,
  projects: (tenant: string, fy: number | undefined) => ['councils', tenant, 'projects', fy ?? null] as const,
  project: (tenant: string, id: string) => ['councils', tenant, 'project', id] as const,
};

export function useCouncils(tenant: string, archived = false) {
  return useQuery({
    queryKey: councilKeys.list(tenant, archived),
    queryFn: ({ signal }) =>
      api(listCouncils, { params: { tenant }, query: { archived: archived ? 'true' : undefined }, signal }),
  });
}

export function useCouncil(tenant: string, id: string, fy?: number) {
  return useQuery({
    queryKey: councilKeys.detail(tenant, id, fy),
    queryFn: ({ signal }) => api(getCouncil, { params: { tenant, id }, query: { fy }, signal }),
  });
}

export function useMeeting(tenant: string, id: string) {
  return useQuery({
    queryKey: councilKeys.meeting(tenant, id),
    queryFn: ({ signal }) => api(getMeeting, { params: { tenant, id }, signal }),
  });
}

export function useCouncilCalendar(tenant: string, fy: number | undefined) {
  return useQuery({
    queryKey: councilKeys.calendar(tenant, fy),
    queryFn: ({ signal }) => api(councilCalendar, { params: { tenant }, query: { fy }, signal }),
  });
}

export function useTasks(
  tenant: string,
  owner: 'me' | 'all',
  status: 'open' | 'closed' | 'all',
  enabled = true,
) {
  return useQuery({
    queryKey: councilKeys.tasks(tenant, owner, status),
    queryFn: ({ signal }) => api(listTasks, { params: { tenant }, query: { owner, status }, signal }),
    enabled,
  });
}

/** Who may own a task or be the SC in charge (保険者職員 and SCs). */
export function useTaskOwners(tenant: string, enabled = true) {
  return useQuery({
    queryKey: councilKeys.owners(tenant),
    queryFn: ({ signal }) => api(taskOwners, { params: { tenant }, signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePeople(tenant: string, enabled = true) {
  return useQuery({
    queryKey: councilKeys.people(tenant),
    queryFn: ({ signal }) => api(listPeople, { params: { tenant }, query: {}, signal }),
    enabled,
  });
}

export function useProjects(tenant: string, fy: number | undefined) {
  return useQuery({
    queryKey: councilKeys.projects(tenant, fy),
    queryFn: ({ signal }) => api(listProjects, { params: { tenant }, query: { fy }, signal }),
  });
}

export function useProject(tenant: string, id: string) {
  return useQuery({
    queryKey: councilKeys.project(tenant, id),
    queryFn: ({ signal }) => api(getProject, { params: { tenant, id }, signal }),
  });
}

/** After any change in a council: its lists, meetings, tasks and projects may all be stale. */
export function invalidateCouncils(queryClient: QueryClient, tenant: string) {
  return queryClient.invalidateQueries({ queryKey: councilKeys.all(tenant) });
}
