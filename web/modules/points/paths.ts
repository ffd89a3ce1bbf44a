import { Coins } from 'lucide-react';

/*
 * URLs and visibility of the ポイント pages. Kept apart from the pages (and light on imports) so
 * that the main menu can use them without loading the module.
 */

export const PointsIcon = Coins;

/** URLs inside the workspace (relative to the router's /app basename). */
export const pointPaths = {
  home: (tenant: string) => `/t/${tenant}/points`,
  balances: (tenant: string) => `/t/${tenant}/points/balances`,
  member: (tenant: string, helperId: string, fy?: number) =>
    `/t/${tenant}/points/members/${helperId}${fy ? `?fy=${fy}` : ''}`,
  yearEnd: (tenant: string) => `/t/${tenant}/points/year-end`,
  settings: (tenant: string) => `/t/${tenant}/points/settings`,
};

type Scope = { role: string | null; systemAdmin: boolean };

/**
 * Members by name (activities, balances, statements): 保険者職員 and SCs, as the server's
 * personalDataScope. Others see the scheme's totals only.
 */
export function canSeePointMembers(scope: Scope): boolean {
  return scope.systemAdmin || scope.role === 'insurer_staff' || scope.role === 'sc1' || scope.role === 'sc2';
}
