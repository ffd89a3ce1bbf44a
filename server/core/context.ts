import type { Role } from '../../domain/roles';
import type { Db } from './db';

/** A user's role in one tenant. */
export interface Membership {
  tenantId: string;
  role: Role;
  /** For a 第2層 SC: the areas (with their descendants) she may change. */
  areaIds: string[];
}

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  systemAdmin: boolean;
  memberships: Membership[];
}

/** The command-line tool, the demo seeder and the data upgrade after migrations act as the system. */
export interface SystemActor {
  kind: 'system';
  label: 'cli' | 'seed' | 'test' | 'upgrade';
}

/** Someone reading public data (the HSDS API, later the portal): no rights at all. */
export interface AnonymousActor {
  kind: 'anonymous';
}

export type Actor = UserActor | SystemActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };

/** What every service function receives first. */
export interface BaseContext {
  db: Db;
  actor: Actor;
  requestId: string;
  now: () => Date;
}

/** A service working inside one tenant. */
export interface TenantContext extends BaseContext {
  tenantId: string;
}

/** Runs `fn` in a transaction, handing it the same context bound to the transaction. */
export async function inTransaction<C extends { db: Db }, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

export function actorLabel(actor: Actor | null): string {
  if (!actor || actor.kind === 'anonymous') return 'anonymous';
  return actor.kind === 'user' ? actor.email : actor.label;
}

export function actorId(actor: Actor | null): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}

const SYSTEM_NAMES: Record<SystemActor['label'], string> = {
  cli: 'コマンドライン',
  seed: '初期データ（デモ）',
  test: 'テスト',
  upgrade: 'データの更新',
};

/** How an actor is named to staff (history, 最終確認): a person's name, or what the system did. */
export function actorDisplayName(actor: Actor | null): string {
  if (!actor || actor.kind === 'anonymous') return '（不明）';
  return actor.kind === 'user' ? actor.displayName : SYSTEM_NAMES[actor.label];
}
