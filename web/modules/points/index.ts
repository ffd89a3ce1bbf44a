/** ボランティアポイント in the staff workspace: totals, entry for members, 確認待ち, balances, statements, year-end, settings. */
import './points.css';

export { PointBalancesPage } from './balances-page';
export { canSeePointMembers, pointPaths } from './paths';
export { PointsHomePage } from './points-home-page';
export { PointSettingsPage } from './settings-page';
export { PointStatementPage } from './statement-page';
export { PointYearEndPage } from './year-end-page';
