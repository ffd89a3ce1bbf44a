import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DemoAccount,
  Invitation,
  InvitationInput,
  Member,
  SessionState,
  SessionUser,
} from '../../../contracts/accounts';
import { NewPassword } from '../../../contracts/accounts';
import { toFieldErrors } from '../../../contracts/http';
import { isRole, type Role } from '../../../domain/roles';
import { isSuper } from '../../core/access';
import { recordAudit } from '../../core/audit';
import {
  createSession,
  destroySession,
  destroyUserSessions,
  dummyPasswordHash,
  hashPassword,
  loadUserActor,
  randomToken,
  sha256,
  verifyPassword,
} from '../../core/auth';
import {
  type Actor,
  type BaseContext,
  inTransaction,
  type TenantContext,
  type UserActor,
} from '../../core/context';
import type { Db } from '../../core/db';
import {
  AppError,
  conflict,
  fieldError,
  forbidden,
  notFound,
  tooManyRequests,
  unauthenticated,
  validationFailed,
} from '../../core/errors';
import { invitations, memberships, users } from '../../core/identity.tables';
import type { RateLimiter } from '../../core/rate-limit';
import { tenants } from '../../core/tenancy.tables';
import { areaLayers } from '../areas';
import { accountsPolicy } from './accounts.policy';

const INVITATION_DAYS = 7;

/** Context of the sign-in use-cases: no actor yet, but limits and session settings. */
export interface AuthContext extends Omit<BaseContext, 'actor'> {
  actor: Actor | null;
  limiters: { loginByAccount: RateLimiter; loginByAddress: RateLimiter };
  session: { idleMinutes: number; maxHours: number };
  ip: string;
  userAgent: string | null;
}

/** The signed-in user with the tenants they belong to (names joined for the switcher). */
export async function sessionUser(db: Db, actor: UserActor): Promise<SessionUser> {
  const codes = actor.memberships.map((m) => m.tenantId);
  const rows = codes.length ? await db.select().from(tenants).where(inArray(tenants.code, codes)) : [];
  const byCode = new Map(rows.map((t) => [t.code, t]));
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    systemAdmin: actor.systemAdmin,
    memberships: actor.memberships
      .filter((m) => byCode.has(m.tenantId))
      .map((m) => {
        const t = byCode.get(m.tenantId)!;
        return {
          tenantId: m.tenantId,
          tenantName: t.name,
          prefecture: t.prefecture,
          fictional: t.fictional,
          role: m.role,
          areaIds: m.areaIds,
        };
      })
      .sort((a, b) => a.tenantId.localeCompare(b.tenantId)),
  };
}

export async function sessionState(
  db: Db,
  actor: Actor | null,
  csrfToken: string | null,
  demo: { enabled: boolean; accounts: z.infer<typeof DemoAccount>[] },
): Promise<SessionState> {
  const user = actor?.kind === 'user' ? await sessionUser(db, actor) : null;
  return {
    user,
    csrfToken: user ? csrfToken : null,
    demo: demo.enabled,
    demoAccounts: demo.enabled && !user ? demo.accounts : [],
  };
}

const LOCKED =
  'ログインの失敗が続いたため、しばらくログインできません。15分ほど待ってから、もう一度お試しください。';

function checkLimits(ctx: AuthContext, email: string): void {
  const wait = Math.max(
    ctx.limiters.loginByAccount.blockedFor(email),
    ctx.limiters.loginByAddress.blockedFor(ctx.ip),
  );
  if (wait > 0) throw tooManyRequests(LOCKED, wait);
}

/** Verifies e-mail and password; same answer and similar time whether or not the e-mail exists. */
export async function login(ctx: AuthContext, input: { email: string; password: string }) {
  checkLimits(ctx, input.email);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.disabledAt) {
    ctx.limiters.loginByAccount.hit(input.email);
    ctx.limiters.loginByAddress.hit(ctx.ip);
    await recordAudit(ctx, {
      tenantId: null,
      entity: 'session',
      action: 'login_failed',
      as: { id: user?.id ?? null, label: input.email },
      detail: { ip: ctx.ip },
    });
    throw unauthenticated('メールアドレスかパスワードが違います。');
  }
  ctx.limiters.loginByAccount.reset(input.email);
  return startSession(ctx, user);
}

async function startSession(ctx: AuthContext, user: typeof users.$inferSelect) {
  const session = await createSession(ctx.db, user.id, ctx.now(), ctx.session, ctx.userAgent);
  await ctx.db.update(users).set({ lastLoginAt: ctx.now() }).where(eq(users.id, user.id));
  const actor = await loadUserActor(ctx.db, user);
  await recordAudit(
    { ...ctx, actor },
    { tenantId: null, entity: 'session', action: 'login', detail: { ip: ctx.ip } },
  );
  return { session, actor };
}

export async function logout(ctx: BaseContext, token: string | null): Promise<void> {
  if (token) await destroySession(ctx.db, token);
  await recordAudit(ctx, { tenantId: null, entity: 'session', action: 'logout' });
}

function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

/** Changes the password after checking the current one; other devices are signed out. */
export async function changePassword(
  ctx: BaseContext & { limiters: AuthContext['limiters']; sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const me = requireUser(ctx.actor);
  const wait = ctx.limiters.loginByAccount.blockedFor(me.email);
  if (wait > 0) throw tooManyRequests(LOCKED, wait);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, me.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    ctx.limiters.loginByAccount.hit(me.email);
    throw fieldError('currentPassword', '今のパスワード：正しくありません。');
  }
  if (input.currentPassword === input.newPassword) {
    throw fieldError('newPassword', '新しいパスワード：今のパスワードと違うものにしてください。');
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({
        passwordHash: await hashPassword(input.newPassword),
        updatedAt: tx.now(),
        version: user.version + 1,
      })
      .where(eq(users.id, me.userId));
    await destroyUserSessions(tx.db, me.userId, ctx.sessionId ?? undefined);
    await recordAudit(tx, { tenantId: null, entity: 'user', entityId: me.userId, action: 'change_password' });
  });
}

// ---------------------------------------------------------------------------------------------
// Members

export async function listMembers(ctx: TenantContext): Promise<Member[]> {
  accountsPolicy.readMembers(ctx);
  const rows = await ctx.db
    .select({ m: memberships, u: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, ctx.tenantId))
    .orderBy(users.displayName);
  return rows.filter((r) => isRole(r.m.role)).map((r) => toMember(r.m, r.u));
}

/**
 * The tenant's users with their role and name (and a 第2層 SC's areas), for other modules that name
 * people (who owns a task, which SC logged an activity, who is in charge of a つなぎ). No e-mail
 * addresses; the caller's policy decides who sees it.
 */
export async function tenantUsers(
  ctx: TenantContext,
): Promise<{ userId: string; name: string; role: Role; areaIds: string[] }[]> {
  const rows = await ctx.db
    .select({
      userId: users.id,
      name: users.displayName,
      role: memberships.role,
      areaIds: memberships.areaIds,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, ctx.tenantId))
    .orderBy(users.displayName);
  return rows.flatMap((r) =>
    isRole(r.role) ? [{ userId: r.userId, name: r.name, role: r.role, areaIds: r.areaIds }] : [],
  );
}

function toMember(m: typeof memberships.$inferSelect, u: typeof users.$inferSelect): Member {
  return {
    userId: u.id,
    email: u.email,
    displayName: u.displayName,
    role: m.role as Role,
    areaIds: m.areaIds,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: m.version,
  };
}

/** A 第2層 SC needs areas; other roles carry none. Areas must be this tenant's. */
async function checkAssignment(ctx: TenantContext, role: Role, areaIds: string[]): Promise<string[]> {
  if (role !== 'sc2') return [];
  if (areaIds.length === 0) {
    throw fieldError(
      'areaIds',
      '担当する地域：第2層コーディネーターには、担当する地域を1つ以上選んでください。',
    );
  }
  const layers = await areaLayers(ctx, areaIds);
  if (areaIds.some((id) => !layers.has(id)))
    throw fieldError('areaIds', '担当する地域：見つからない地域が含まれています。');
  if (areaIds.some((id) => layers.get(id) === 1)) {
    throw fieldError(
      'areaIds',
      '担当する地域：第2層コーディネーターの担当は、圏域や地区（第2層・第3層）から選んでください。',
    );
  }
  return [...new Set(areaIds)];
}

function notSelf(ctx: TenantContext, userId: string): void {
  if (ctx.actor.kind === 'user' && ctx.actor.userId === userId && !isSuper(ctx.actor)) {
    throw forbidden('自分自身の役割は変更できません。ほかの保険者職員に依頼してください。');
  }
}

export async function updateMember(
  ctx: TenantContext,
  userId: string,
  input: { role: Role; areaIds: string[]; version: number },
): Promise<Member> {
  accountsPolicy.manageMembers(ctx);
  notSelf(ctx, userId);
  const areaIds = await checkAssignment(ctx, input.role, input.areaIds);
  return inTransaction(ctx, async (tx) => {
    const where = and(eq(memberships.tenantId, tx.tenantId), eq(memberships.userId, userId));
    const [current] = await tx.db
      .select({ m: memberships, u: users })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where);
    if (!current) throw notFound('利用者');
    const [row] = await tx.db
      .update(memberships)
      .set({ role: input.role, areaIds, version: input.version + 1, updatedAt: tx.now() })
      .where(and(where, eq(memberships.version, input.version)))
      .returning();
    if (!row) throw conflict(toMember(current.m, current.u));
    await recordAudit(tx, {
      entity: 'membership',
      entityId: userId,
      action: 'update',
      detail: {
        from: { role: current.m.role, areaIds: current.m.areaIds },
        to: { role: input.role, areaIds },
      },
    });
    return toMember(row, current.u);
  });
}

export async function removeMember(ctx: TenantContext, userId: string): Promise<void> {
  accountsPolicy.manageMembers(ctx);
  notSelf(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db
      .delete(memberships)
      .where(and(eq(memberships.tenantId, tx.tenantId), eq(memberships.userId, userId)))
      .returning();
    if (removed.length === 0) throw notFound('利用者');
    await recordAudit(tx, {
      entity: 'membership',
      entityId: userId,
      action: 'remove',
      detail: { role: removed[0]!.role },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Invitations

function toInvitation(r: typeof invitations.$inferSelect, invitedBy: string | null): Invitation {
  return {
    id: r.id,
    email: r.email,
    role: r.role as Role,
    areaIds: r.areaIds,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    invitedBy,
  };
}

export async function listInvitations(ctx: TenantContext): Promise<Invitation[]> {
  accountsPolicy.manageMembers(ctx);
  const rows = await ctx.db
    .select({ i: invitations, by: users.displayName })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tenantId, ctx.tenantId))
    .orderBy(invitations.createdAt);
  return rows.reverse().map((r) => toInvitation(r.i, r.by));
}

export async function createInvitation(ctx: TenantContext, input: z.output<typeof InvitationInput>) {
  accountsPolicy.manageMembers(ctx);
  const areaIds = await checkAssignment(ctx, input.role, input.areaIds);
  return inTransaction(ctx, async (tx) => {
    const [already] = await tx.db
      .select({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tx.tenantId), eq(users.email, input.email)));
    if (already) throw fieldError('email', 'メールアドレス：この人はすでにこの団体の利用者です。');
    // A new invitation replaces any pending one for the same person.
    await tx.db
      .update(invitations)
      .set({ revokedAt: tx.now() })
      .where(
        and(
          eq(invitations.tenantId, tx.tenantId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const token = randomToken();
    const now = tx.now();
    const [row] = await tx.db
      .insert(invitations)
      .values({
        tenantId: tx.tenantId,
        id: randomUUID(),
        tokenHash: sha256(token),
        email: input.email,
        role: input.role,
        areaIds,
        invitedBy: tx.actor.kind === 'user' ? tx.actor.userId : null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'invitation',
      entityId: row!.id,
      action: 'create',
      detail: { email: input.email, role: input.role },
    });
    const by = tx.actor.kind === 'user' ? tx.actor.displayName : null;
    return { invitation: toInvitation(row!, by), token, path: `/app/invite/${token}` };
  });
}

export async function revokeInvitation(ctx: TenantContext, id: string): Promise<void> {
  accountsPolicy.manageMembers(ctx);
  const rows = await ctx.db
    .update(invitations)
    .set({ revokedAt: ctx.now() })
    .where(
      and(
        eq(invitations.tenantId, ctx.tenantId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  if (rows.length === 0) throw notFound('有効な招待');
  await recordAudit(ctx, { entity: 'invitation', entityId: id, action: 'revoke' });
}

async function pendingInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ i: invitations, t: tenants })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.code, invitations.tenantId))
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  if (!row) throw notFound('招待（期限切れや取り消し済みを含む）');
  return row;
}

/** What the invitation page shows before the person accepts. */
export async function describeInvitation(ctx: Omit<BaseContext, 'actor'>, token: string) {
  const { i, t } = await pendingInvitation(ctx.db, token, ctx.now());
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, i.email));
  return {
    tenantName: `${t.prefecture}${t.name}`,
    fictional: t.fictional,
    email: i.email,
    role: i.role as Role,
    existingUser: Boolean(existing),
    expiresAt: i.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation: a new person chooses a name and password; someone who already has an
 * account proves it with their password. Either way they end up signed in with the new role.
 */
export async function acceptInvitation(
  ctx: AuthContext,
  token: string,
  input: { displayName?: string; password: string },
) {
  const wait = ctx.limiters.loginByAddress.blockedFor(ctx.ip);
  if (wait > 0) throw tooManyRequests(LOCKED, wait);
  return inTransaction(ctx, async (tx) => {
    const { i } = await pendingInvitation(tx.db, token, tx.now());
    let [user] = await tx.db.select().from(users).where(eq(users.email, i.email));
    if (user) {
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        ctx.limiters.loginByAddress.hit(ctx.ip);
        throw fieldError('password', 'パスワード：今お使いのパスワードと違います。');
      }
    } else {
      const fields = [];
      if (!input.displayName) fields.push({ path: 'displayName', message: 'お名前：入力してください' });
      const pw = NewPassword.safeParse(input.password);
      if (!pw.success)
        fields.push(...toFieldErrors(NewPassword, pw.error).map((f) => ({ ...f, path: 'password' })));
      if (fields.length) throw validationFailed(fields);
      [user] = await tx.db
        .insert(users)
        .values({
          id: randomUUID(),
          email: i.email,
          displayName: input.displayName!,
          passwordHash: await hashPassword(input.password),
          createdAt: tx.now(),
          updatedAt: tx.now(),
        })
        .returning();
    }
    if (!isRole(i.role)) throw new AppError(422, 'validation_failed', '招待の役割が正しくありません。');
    await tx.db
      .insert(memberships)
      .values({ tenantId: i.tenantId, userId: user!.id, role: i.role, areaIds: i.areaIds })
      .onConflictDoUpdate({
        target: [memberships.tenantId, memberships.userId],
        set: { role: i.role, areaIds: i.areaIds, updatedAt: tx.now() },
      });
    await tx.db
      .update(invitations)
      .set({ acceptedAt: tx.now(), acceptedBy: user!.id })
      .where(and(eq(invitations.tenantId, i.tenantId), eq(invitations.id, i.id)));
    const started = await startSession(tx, user!);
    await recordAudit(
      { ...tx, actor: started.actor, tenantId: i.tenantId },
      { entity: 'invitation', entityId: i.id, action: 'accept' },
    );
    return started;
  });
}

/** Whether the actor may invite and change roles here (the UI shows or hides the controls). */
export function canManage(ctx: TenantContext): boolean {
  try {
    accountsPolicy.manageMembers(ctx);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Provisioning by the system (command line, demo seed): the first administrator has no one to
// invite them.

export async function createUser(
  ctx: BaseContext,
  input: { email: string; displayName: string; password: string; systemAdmin: boolean },
): Promise<{ id: string; email: string }> {
  accountsPolicy.provision(ctx);
  const email = input.email.trim().toLowerCase();
  const pw = NewPassword.safeParse(input.password);
  if (!pw.success)
    throw validationFailed(toFieldErrors(NewPassword, pw.error).map((f) => ({ ...f, path: 'password' })));
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw fieldError('email', `メールアドレス：${email} はすでに登録されています。`);
  const id = randomUUID();
  await ctx.db.insert(users).values({
    id,
    email,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    systemAdmin: input.systemAdmin,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  });
  await recordAudit(ctx, {
    tenantId: null,
    entity: 'user',
    entityId: id,
    action: 'create',
    detail: { email, systemAdmin: input.systemAdmin },
  });
  return { id, email };
}

export async function addMembership(
  ctx: TenantContext,
  input: { userId: string; role: Role; areaIds: string[] },
): Promise<void> {
  accountsPolicy.provision(ctx);
  const areaIds = await checkAssignment(ctx, input.role, input.areaIds);
  await ctx.db
    .insert(memberships)
    .values({ tenantId: ctx.tenantId, userId: input.userId, role: input.role, areaIds })
    .onConflictDoUpdate({
      target: [memberships.tenantId, memberships.userId],
      set: { role: input.role, areaIds, updatedAt: ctx.now() },
    });
  await recordAudit(ctx, {
    entity: 'membership',
    entityId: input.userId,
    action: 'grant',
    detail: { role: input.role },
  });
}
