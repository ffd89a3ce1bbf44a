import * as c from '../../../contracts/accounts';
import type { Endpoint } from '../../../contracts/http';
import { type HandlerContext, type RequestExtras, route } from '../../core/http';
import * as service from './accounts.service';

const demoOf = (ctx: RequestExtras) => ({ enabled: ctx.deps.config.demo, accounts: ctx.deps.demoAccounts });

function authContext<E extends Endpoint>(ctx: HandlerContext<E>): service.AuthContext {
  return {
    ...ctx,
    limiters: ctx.deps.limiters,
    session: { idleMinutes: ctx.deps.config.sessionIdleMinutes, maxHours: ctx.deps.config.sessionMaxHours },
    ip: ctx.http.ip,
    userAgent: ctx.http.userAgent,
  };
}

export const accountsRoutes = [
  route(c.getSession, (ctx) => service.sessionState(ctx.db, ctx.actor, ctx.http.csrfToken, demoOf(ctx))),
  route(c.login, async (ctx, { body }) => {
    const { session, actor } = await service.login(authContext(ctx), body);
    ctx.http.setSessionCookie(session.token, session.expiresAt);
    return service.sessionState(ctx.db, actor, session.csrfToken, demoOf(ctx));
  }),
  route(c.logout, async (ctx) => {
    await service.logout(ctx, ctx.http.sessionToken);
    ctx.http.clearSessionCookie();
    return { ok: true as const };
  }),
  route(c.changePassword, async (ctx, { body }) => {
    await service.changePassword(
      { ...ctx, limiters: ctx.deps.limiters, sessionId: ctx.http.sessionId },
      body,
    );
    return { ok: true as const };
  }),
  route(c.listMembers, async (ctx) => {
    const members = await service.listMembers(ctx);
    return { members, canManage: service.canManage(ctx) };
  }),
  route(c.updateMember, (ctx, { params, body }) => service.updateMember(ctx, params.userId, body)),
  route(c.removeMember, async (ctx, { params }) => {
    await service.removeMember(ctx, params.userId);
    return { ok: true as const };
  }),
  route(c.listInvitations, async (ctx) => ({ invitations: await service.listInvitations(ctx) })),
  route(c.createInvitation, (ctx, { body }) => service.createInvitation(ctx, body)),
  route(c.revokeInvitation, async (ctx, { params }) => {
    await service.revokeInvitation(ctx, params.id);
    return { ok: true as const };
  }),
  route(c.getInvitation, (ctx, { params }) => service.describeInvitation(ctx, params.token)),
  route(c.acceptInvitation, async (ctx, { params, body }) => {
    const { session, actor } = await service.acceptInvitation(authContext(ctx), params.token, body);
    ctx.http.setSessionCookie(session.token, session.expiresAt);
    return service.sessionState(ctx.db, actor, session.csrfToken, demoOf(ctx));
  }),
];
