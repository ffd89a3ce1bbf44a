import { eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { TenantContext } from '../../core/context';
import { type Db, preparedRead } from '../../core/db';
import { services } from './resources.tables';
import { type IndexEntry, SearchIndex } from './search-index';

/*
 * Keeps one SearchIndex per tenant and database in this process, and makes sure it is current
 * before every search (decision 0012). Every write to the resource tables, by any process, notes
 * the changed resources in `resource_changes` inside its own transaction (triggers, migration
 * 0010). An index remembers the snapshot (pg_current_snapshot) it was read in; a search first asks
 * for the rows noted by transactions that snapshot did not see. None: the index is exact, and the
 * search runs in memory. Some: those resources are read again, in one repeatable-read snapshot
 * with the question, and patched in; a noted bulk change (the nil UUID) reloads the tenant.
 */

/** Reads index entries: every resource of the tenant (`ids` null), or those ids (missing = removed). */
export type LoadEntries<R> = (
  db: Db,
  tenantId: string,
  ids: readonly string[] | null,
) => Promise<IndexEntry<R>[]>;

const NIL = '00000000-0000-0000-0000-000000000000';
/** Most resources held over all tenants of this process; the least recently searched go first. */
const MAX_HELD = Number(process.env.SASAEAI_SEARCH_INDEX_MAX ?? 200_000);
/** The change log keeps a day; an index that has not looked for half of that reloads whole. */
const MAX_UNCHECKED_MS = 12 * 3_600_000;
/** A tenant too large to hold is asked about again after this long. */
const TOO_LARGE_RETRY_MS = 10 * 60_000;

interface Held<R> {
  index: SearchIndex<R> | null;
  /** pg_current_snapshot() of the state the index holds. */
  snapshot: string;
  checkedAt: number;
  usedAt: number;
  /** Bumped on every change of the index, so that a check overtaken by a reload is not trusted. */
  generation: number;
  busy: Promise<void> | null;
  tooLargeUntil: number;
}

type Tenants<R> = Map<string, Held<R>>;

export class SearchIndexes<R> {
  private readonly byDb = new WeakMap<object, Tenants<R>>();
  /** Every index held, for the memory bound (a closed database's age out like any other). */
  private readonly all = new Map<Held<R>, { tenants: Tenants<R>; tenantId: string }>();

  constructor(private readonly load: LoadEntries<R>) {}

  /**
   * Runs `use` on the tenant's index once it is current, in the same turn of the event loop as the
   * check (no change can slip in between). Null when the caller must ask SQL instead: inside a
   * transaction (which may see its own uncommitted writes), or for a tenant too large to hold.
   */
  async use<T>(ctx: TenantContext, use: (index: SearchIndex<R>) => T): Promise<T | null> {
    if (ctx.db instanceof PgTransaction) return null;
    let tenants = this.byDb.get(ctx.db);
    if (!tenants) {
      tenants = new Map();
      this.byDb.set(ctx.db, tenants);
    }
    for (;;) {
      const held = tenants.get(ctx.tenantId);
      if (held?.busy) {
        await held.busy;
        continue;
      }
      if (held && held.tooLargeUntil > Date.now()) return null;
      if (!held?.index || Date.now() - held.checkedAt > MAX_UNCHECKED_MS) {
        await this.refresh(ctx, tenants, null);
        continue;
      }
      const generation = held.generation;
      const [{ snapshot, changed }] = (await checkChanges(ctx.db, [ctx.tenantId, held.snapshot])) as [
        Changes,
      ];
      if (held.busy || held.generation !== generation || tenants.get(ctx.tenantId) !== held) continue;
      if (changed.length > 0) {
        await this.refresh(ctx, tenants, held);
        continue;
      }
      held.snapshot = snapshot;
      held.checkedAt = held.usedAt = Date.now();
      return use(held.index);
    }
  }

  /** Forgets every index of a database (the benchmark's cold start). */
  forget(db: Db): void {
    const tenants = this.byDb.get(db);
    for (const [held, where] of this.all) if (where.tenants === tenants) this.all.delete(held);
    this.byDb.delete(db);
  }

  /** Reloads the tenant (`held` null) or patches in what changed since `held`'s snapshot. */
  private async refresh(ctx: TenantContext, tenants: Tenants<R>, held: Held<R> | null) {
    const target: Held<R> = held ??
      tenants.get(ctx.tenantId) ?? {
        index: null,
        snapshot: '',
        checkedAt: 0,
        usedAt: 0,
        generation: 0,
        busy: null,
        tooLargeUntil: 0,
      };
    tenants.set(ctx.tenantId, target);
    const work = ctx.db.transaction(
      async (tx) => {
        const db = tx as unknown as Db;
        if (held?.index) {
          const { snapshot, changed } = await changesSince(db, ctx.tenantId, held.snapshot);
          if (!changed.includes(NIL)) {
            const entries = changed.length ? await this.load(db, ctx.tenantId, changed) : [];
            const found = new Set(entries.map((e) => e.id));
            held.index.apply(
              entries,
              changed.filter((id) => !found.has(id)),
            );
            held.snapshot = snapshot;
            return;
          }
        }
        const { snapshot } = await changesSince(db, ctx.tenantId, null);
        const [count] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(services)
          .where(eq(services.tenantId, ctx.tenantId));
        if (!SearchIndex.fits(count!.n) || count!.n > MAX_HELD) {
          target.index = null;
          target.tooLargeUntil = Date.now() + TOO_LARGE_RETRY_MS;
          return;
        }
        target.index = new SearchIndex(await this.load(db, ctx.tenantId, null));
        target.snapshot = snapshot;
        target.tooLargeUntil = 0;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    target.busy = work.then(
      () => {},
      () => {},
    );
    try {
      await work;
      target.generation++;
      target.checkedAt = target.usedAt = Date.now();
      this.all.set(target, { tenants, tenantId: ctx.tenantId });
      this.evict(target);
    } catch (e) {
      // A failed read leaves nothing half-done behind: the next search starts from scratch.
      tenants.delete(ctx.tenantId);
      throw e;
    } finally {
      target.busy = null;
    }
  }

  /** Drops the least recently used indexes while more than MAX_HELD resources are held. */
  private evict(keep: Held<R>) {
    for (const [held, where] of this.all) {
      if (where.tenants.get(where.tenantId) !== held || !held.index) this.all.delete(held);
    }
    let total = 0;
    for (const held of this.all.keys()) total += held.index!.size;
    for (const held of [...this.all.keys()].sort((a, b) => a.usedAt - b.usedAt)) {
      if (total <= MAX_HELD) break;
      if (held === keep || held.busy) continue;
      total -= held.index!.size;
      const where = this.all.get(held)!;
      where.tenants.delete(where.tenantId);
      this.all.delete(held);
    }
  }
}

interface Changes {
  snapshot: string;
  changed: string[];
}

// The statement's snapshot, and the resources changed by transactions that `since` did not see
// (committed ones only: others' uncommitted rows are invisible here). Transactions older than
// since's xmin had ended before it was taken, so only newer rows are read, through the key.
const CHANGES_SINCE = `select pg_current_snapshot()::text as snapshot, array(
  select distinct service_id::text from resource_changes
  where tenant_id = $1
    and xid >= pg_snapshot_xmin($2::pg_snapshot)::text::bigint
    and not pg_visible_in_snapshot(xid::text::xid8, $2::pg_snapshot)) as changed`;

/** The check every search makes, prepared once per connection. */
const checkChanges = preparedRead<Changes>('sasaeai_resource_changes', ['char(6)', 'text'], CHANGES_SINCE);

/** The same question inside the refreshing transaction (`since` null: the snapshot only). */
async function changesSince(db: Db, tenantId: string, since: string | null): Promise<Changes> {
  const params: Record<string, string> = { $1: tenantId, $2: since ?? '' };
  const result = (await db.execute(
    since === null
      ? sql`select pg_current_snapshot()::text as snapshot, '{}'::text[] as changed`
      : sql.join(
          CHANGES_SINCE.split(/(\$[12])/).map((part) =>
            part in params ? sql`${params[part]}` : sql.raw(part),
          ),
        ),
  )) as unknown as { rows: Changes[] };
  return result.rows[0]!;
}
