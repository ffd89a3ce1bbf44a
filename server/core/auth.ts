import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { isRole } from '../../domain/roles';
import type { Membership, UserActor } from './context';
import type { Db } from './db';
import { memberships, sessions, users } from './identity.tables';

/*
 * Passwords, sessions and the signed-in actor. Login, logout and invitations as use-cases live in
 * the accounts module; this file is the mechanism they share with the HTTP layer.
 */

export const SESSION_COOKIE = 'sasaeai_session';

/**
 * argon2id — the library's default algorithm — with its default cost (19 MiB, t=2), the OWASP
 * minimum for argon2id. (The `Algorithm` enum is a const enum that isolated modules cannot read.)
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so that timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  return dummyHash;
}

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  userAgent: string | null,
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  // Housekeeping on login rather than on a timer: stale rows of this user go away.
  const idleCut = new Date(now.getTime() - policy.idleMinutes * 60_000);
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCut))),
    );
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  sessionId: string;
  csrfToken: string;
  actor: UserActor;
}

/**
 * The session behind a cookie token, or null when it is unknown, idle too long, past its absolute
 * end, or its user is disabled. Expired rows are deleted on sight.
 */
export async function loadSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<LoadedSession | null> {
  const id = sha256(token);
  // One round trip for session, user and memberships: this runs on every request.
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      memberships: sql<{ tenantId: string; role: string; areaIds: string[] }[]>`coalesce((
        select json_agg(json_build_object('tenantId', m.tenant_id, 'role', m.role, 'areaIds', m.area_ids))
        from ${memberships} m where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const idleLimit = row.session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() >= row.session.expiresAt.getTime() || now.getTime() >= idleLimit || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute: one write per request would be wasted work.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const raw = typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships;
  return { sessionId: id, csrfToken: row.session.csrfToken, actor: toActor(row.user, raw) };
}

function toActor(
  user: { id: string; email: string; displayName: string; systemAdmin: boolean },
  rows: { tenantId: string; role: string; areaIds: string[] }[],
): UserActor {
  const list: Membership[] = [];
  for (const r of rows)
    if (isRole(r.role)) list.push({ tenantId: r.tenantId, role: r.role, areaIds: r.areaIds ?? [] });
  list.sort((a, b) => a.tenantId.localeCompare(b.tenantId));
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    systemAdmin: user.systemAdmin,
    memberships: list,
  };
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

/** Ends every session of a user (password change, removal). */
export async function destroyUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  for (const r of rows) if (r.id !== exceptSessionId) await db.delete(sessions).where(eq(sessions.id, r.id));
}

export async function loadUserActor(
  db: Db,
  user: { id: string; email: string; displayName: string; systemAdmin: boolean },
): Promise<UserActor> {
  const rows = await db
    .select({ tenantId: memberships.tenantId, role: memberships.role, areaIds: memberships.areaIds })
    .from(memberships)
    .where(eq(memberships.userId, user.id));
  return toActor(user, rows);
}
