/*
 * URLs and visibility of the 困りごと and 住民 pages. Kept apart from the pages (and without imports)
 * so that the main menu can use them without loading the module.
 */

/** URLs inside the workspace (relative to the router's /app basename). */
export const needPaths = {
  needs: (tenant: string, search?: string) => `/t/${tenant}/needs${search ? `?${search}` : ''}`,
  needsQuick: (tenant: string, residentId?: string) =>
    `/t/${tenant}/needs/quick${residentId ? `?resident=${encodeURIComponent(residentId)}` : ''}`,
  need: (tenant: string, id: string) => `/t/${tenant}/needs/${id}`,
  needEdit: (tenant: string, id: string) => `/t/${tenant}/needs/${id}/edit`,
  residents: (tenant: string, search?: string) => `/t/${tenant}/residents${search ? `?${search}` : ''}`,
  resident: (tenant: string, id: string) => `/t/${tenant}/residents/${id}`,
  residentNew: (tenant: string) => `/t/${tenant}/residents/new`,
  residentEdit: (tenant: string, id: string) => `/t/${tenant}/residents/${id}/edit`,
};

/**
 * Who may see personal data (住民 and 困りごと), mirroring the server's `personalDataScope`:
 * 保険者職員 and 第1層 SC the whole town, a 第2層 SC her own areas, a system administrator; not
 * 協議体委員 or 閲覧者 (they see needs only as counts, in the needs-against-resources view).
 */
export function canSeePersonalData(scope: { role: string | null; systemAdmin: boolean }): boolean {
  return scope.systemAdmin || scope.role === 'insurer_staff' || scope.role === 'sc1' || scope.role === 'sc2';
}
