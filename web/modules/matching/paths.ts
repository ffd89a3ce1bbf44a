/*
 * URLs of the つなぎ, 今日の確認, 成果 and 就労的活動 pages. Kept apart from the pages (and without
 * imports) so that the main menu and other modules can link here without loading the module.
 */

export const matchingPaths = {
  today: (tenant: string) => `/t/${tenant}/today`,
  referrals: (tenant: string, search?: string) => `/t/${tenant}/referrals${search ? `?${search}` : ''}`,
  referral: (tenant: string, id: string) => `/t/${tenant}/referrals/${id}`,
  stats: (tenant: string) => `/t/${tenant}/referral-stats`,
  opportunities: (tenant: string) => `/t/${tenant}/opportunities`,
  opportunity: (tenant: string, id: string) => `/t/${tenant}/opportunities/${id}`,
  opportunityNew: (tenant: string) => `/t/${tenant}/opportunities/new`,
  opportunityEdit: (tenant: string, id: string) => `/t/${tenant}/opportunities/${id}/edit`,
  helpers: (tenant: string, search?: string) => `/t/${tenant}/helpers${search ? `?${search}` : ''}`,
  helper: (tenant: string, id: string) => `/t/${tenant}/helpers/${id}`,
  helperNew: (tenant: string) => `/t/${tenant}/helpers/new`,
  helperEdit: (tenant: string, id: string) => `/t/${tenant}/helpers/${id}/edit`,
};
