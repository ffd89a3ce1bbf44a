/*
 * URLs and permissions of the アンケート pages. Kept apart from the pages (importing only the icon) so
 * that the main menu can use them without loading the module.
 */

/** URLs inside the workspace (relative to the router's /app basename). */
export const surveyPaths = {
  surveys: (tenant: string) => `/t/${tenant}/surveys`,
  survey: (tenant: string, id: string) => `/t/${tenant}/surveys/${id}`,
  entry: (tenant: string, id: string) => `/t/${tenant}/surveys/${id}/entry`,
  interview: (tenant: string, id: string) => `/t/${tenant}/surveys/${id}/interview`,
  import: (tenant: string, id: string) => `/t/${tenant}/surveys/${id}/import`,
  results: (tenant: string, id: string) => `/t/${tenant}/surveys/${id}/results`,
};

type Who = { role: string | null; systemAdmin: boolean };

/**
 * Who may enter answers (paper forms, interviews): 保険者職員 and both layers of SC (a 第2層 SC for
 * her own areas), as the server's `surveysPolicy.answers`. Everyone in the tenant sees the results;
 * the server hides small cells from all but 保険者職員.
 */
export function canEnterAnswers(scope: Who): boolean {
  return scope.systemAdmin || scope.role === 'insurer_staff' || scope.role === 'sc1' || scope.role === 'sc2';
}

/** Who may create surveys, change their thresholds and import files: 保険者職員 and 第1層 SC. */
export function canManageSurveys(scope: Who): boolean {
  return scope.systemAdmin || scope.role === 'insurer_staff' || scope.role === 'sc1';
}

/** The menu's icon for アンケート. */
export { ClipboardList as SurveysIcon } from 'lucide-react';
