/** ニーズと取組のマッチング: suggestions with reasons, つなぎ followed to the end, 今日の確認, outcomes, 就労的活動. */

export { matchingRoutes } from './matching.routes';
export { createOpportunity } from './opportunities.service';
export {
  changeReferralStatus,
  createReferral,
  listReferrals,
  referralLabels,
  referralTies,
  todayChecks,
} from './referrals.service';
export { referralStats } from './stats.service';
export { suggestForNeed } from './suggestions.service';
