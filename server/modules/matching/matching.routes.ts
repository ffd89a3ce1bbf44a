import * as c from '../../../contracts/matching';
import { route } from '../../core/http';
import * as opportunities from './opportunities.service';
import * as referrals from './referrals.service';
import * as stats from './stats.service';
import * as suggestions from './suggestions.service';

export const matchingRoutes = [
  route(c.needSuggestions, (ctx, { params, query }) => suggestions.suggestForNeed(ctx, params.id, query)),
  route(c.residentSuggestions, (ctx, { params, query }) =>
    suggestions.suggestForResident(ctx, params.id, query),
  ),
  route(c.listReferrals, (ctx, { query }) => referrals.listReferrals(ctx, query)),
  route(c.getReferral, (ctx, { params }) => referrals.getReferral(ctx, params.id)),
  route(c.createReferral, (ctx, { body }) => referrals.createReferral(ctx, body)),
  route(c.changeReferralStatus, (ctx, { params, body }) =>
    referrals.changeReferralStatus(ctx, params.id, body),
  ),
  route(c.addReferralNote, (ctx, { params, body }) => referrals.addReferralNote(ctx, params.id, body)),
  route(c.updateReferral, (ctx, { params, body }) => referrals.updateReferral(ctx, params.id, body)),
  route(c.todayChecks, (ctx, { query }) => referrals.todayChecks(ctx, query)),
  route(c.referralStats, (ctx, { query }) => stats.referralStats(ctx, query)),
  route(c.exportReferralStats, (ctx, { query }) => stats.exportReferralStats(ctx, query)),
  route(c.listOpportunities, (ctx, { query }) => opportunities.listOpportunities(ctx, query)),
  route(c.getOpportunity, (ctx, { params }) => opportunities.getOpportunity(ctx, params.id)),
  route(c.createOpportunity, (ctx, { body }) => opportunities.createOpportunity(ctx, body)),
  route(c.updateOpportunity, (ctx, { params, body }) =>
    opportunities.updateOpportunity(ctx, params.id, body),
  ),
  route(c.opportunityCandidates, (ctx, { params }) => suggestions.opportunityCandidates(ctx, params.id)),
];
