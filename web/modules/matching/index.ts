/** つなぎ in the staff workspace: suggestions with reasons, referrals followed to the end, 今日の確認, 成果, 就労的活動. */
import './matching.css';

export { AreaChecklist } from './area-checklist';
export { DaysPicker, FollowUpDate, ReasonList, ReferralStatusBadge } from './format';
export {
  OpportunityDetailPage,
  OpportunityFormPage,
  OpportunityListPage,
} from './opportunity-pages';
export { matchingPaths } from './paths';
export { ReferralDetailPage } from './referral-detail-page';
export { ReferralListPage } from './referral-list-page';
export { ResidentMatching } from './resident-matching';
export { ReferralStatsPage } from './stats-page';
export { NeedMatching, ReferralsOf } from './suggestions';
export { TodayPage, TodayWidget } from './today-page';
