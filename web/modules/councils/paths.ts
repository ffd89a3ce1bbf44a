/*
 * URLs and visibility of the 協議体 pages, kept apart from the pages (importing only icons) so that
 * the main menu and the home page can use them without loading the module.
 */

/** URLs inside the workspace (relative to the router's /app basename). */
export const councilPaths = {
  councils: (tenant: string) => `/t/${tenant}/councils`,
  council: (tenant: string, id: string) => `/t/${tenant}/councils/${id}`,
  meetingNew: (tenant: string, councilId: string) => `/t/${tenant}/councils/${councilId}/meetings/new`,
  meeting: (tenant: string, id: string) => `/t/${tenant}/meetings/${id}`,
  calendar: (tenant: string, fy?: number) => `/t/${tenant}/council-calendar${fy ? `?fy=${fy}` : ''}`,
  tasks: (tenant: string) => `/t/${tenant}/tasks`,
  projects: (tenant: string) => `/t/${tenant}/projects`,
  project: (tenant: string, id: string) => `/t/${tenant}/projects/${id}`,
};

type Who = { role: string | null; systemAdmin: boolean };

/** Who does the work and keeps a task list (わたしの仕事): 保険者職員 and SCs, as the server's policy. */
export function keepsTasks(scope: Who): boolean {
  return scope.systemAdmin || scope.role === 'insurer_staff' || scope.role === 'sc1' || scope.role === 'sc2';
}

export {
  CalendarRange as CalendarIcon,
  ListChecks as TasksIcon,
  UsersRound as CouncilsIcon,
} from 'lucide-react';
