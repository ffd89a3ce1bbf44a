/**
 * ボランティアポイント (地域通貨): a town's scheme, activities recorded by staff for their members and
 * confirmed, a double-entry ledger in integer points, balances, statements, redemption and the
 * year-end run.
 */

export { correct, redeem } from './balances.service';
export { pointsRoutes } from './points.routes';
export { confirmActivity, createActivity, createScheme, returnActivity } from './points.service';
