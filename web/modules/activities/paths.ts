/*
 * URLs and visibility of the SC activity pages, kept apart from the pages so that the main menu and
 * the home page can use them without loading the module.
 */

export const activityPaths = {
  activities: (tenant: string, search?: string) => `/t/${tenant}/activities${search ? `?${search}` : ''}`,
  quick: (tenant: string) => `/t/${tenant}/activities/quick`,
  activity: (tenant: string, id: string) => `/t/${tenant}/activities/${id}`,
  report: (tenant: string) => `/t/${tenant}/activity-report`,
};

type Who = { role: string | null; systemAdmin: boolean };

/** Who keeps an activity log (保険者職員 and SCs); everyone in the tenant reads the report. */
export function logsActivities(scope: Who): boolean {
  return scope.systemAdmin || scope.role === 'insurer_staff' || scope.role === 'sc1' || scope.role === 'sc2';
}

/** The 層 an activity is logged under: a 第2層 SC's → 2, anyone else's → 1. */
export const layerOf = (scope: Pick<Who, 'role'>) => (scope.role === 'sc2' ? 2 : 1);

export { ChartColumnBig as ReportIcon, NotebookPen as ActivitiesIcon } from 'lucide-react';
