import { and, eq, sql } from 'drizzle-orm';
import type { TenantContext } from '../../core/context';
import { type Db, isTransaction, preparedRead } from '../../core/db';
import { resourceChanges, services } from './resources.tables';
import { type IndexEntry, SearchIndex } from './search-index';

/*
 * Keeps one SearchIndex per tenant and database in this process, and makes sure it is current
 * before every search (decision 0015). Every write to the resource tables, by any process, notes
 * the changed resources in `resource_changes` inside its own transaction (triggers, migration
 * 0014). An index remembers the snapshot (pg_current_snapshot) it was read in; a search first asks
 * for the resources noted by transactions that snapshot did not see. None: the index is exact, and
 * the search runs in memory. Some: one statement reads them again, with its own snapshot, and they
 * are patched in; a bulk change (the nil UUID) reloads the tenant.
 */

/** How the index's rows are read: every resource of a tenant, or those changed since a snapshot. */
export interface IndexLoader<R> {
  all(db: Db, tenantId: string): Promise<IndexEntry<R>[]>;
  /**
   * In one statement: its snapshot, the ids of the resources changed since `since` (from
   * `changedSince`), and an entry for each that still exists.
   */
  changed(
    db: Db,
    tenantId: string,
    since: string,
  ): Promise<{ snapshot: string; ids: string[]; entries: IndexEntry<R>[] }>;
}

const NIL = '00000000-0000-0000-0000-000000000000';
/**
 * Most resources held over all tenants of this process (~1.4–2.5 KB each, measured: 27–50 MB for
 * a town of 20,000); the least recently searched tenant goes first, a larger one is left to SQL.
 */
const MAX_HELD = 100_000;
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
  /** Bumped on every change of the index, so that a check overtaken by a refresh is not trusted. */
  generation: number;
  busy: Promise<void> | null;
  tooLargeUntil: number;
}

type Tenants<R> = Map<string, Held<R>>;

export class SearchIndexes<R> {
  private readonly byDb = new WeakMap<object, Tenants<R>>();
  /**
   * Every index held, for the memory bound; weakly, so that a closed database's indexes go with
   * it (its tenants map is only reachable through the database).
   */
  private readonly all = new Map<WeakRef<Held<R>>, { tenants: WeakRef<Tenants<R>>; tenantId: string }>();

  /** How often an index was read whole, and patched (for tests and the benchmark). */
  readonly counts = { reloads: 0, patches: 0 };

  constructor(
    private readonly load: IndexLoader<R>,
    private readonly maxHeld = MAX_HELD,
  ) {}

  /**
   * Runs `use` on the tenant's index once it is current, synchronously after the check or the
   * refresh that made it so (no change can slip in between). Null when the caller must ask SQL:
   * inside a transaction (which may see its own uncommitted writes), or for a tenant too large to hold.
   */
  async use<T>(ctx: TenantContext, use: (index: SearchIndex<R>) => T): Promise<T | null> {
    if (isTransaction(ctx.db)) return null;
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
        return this.refresh(ctx, tenants, null, use);
      }
      const generation = held.generation;
      const [{ snapshot, changed }] = (await checkChanges(ctx.db, [ctx.tenantId, held.snapshot])) as [
        Changes,
      ];
      if (held.busy || held.generation !== generation || tenants.get(ctx.tenantId) !== held) continue;
      if (changed.length > 0) return this.refresh(ctx, tenants, changed.includes(NIL) ? null : held, use);
      held.snapshot = snapshot;
      held.checkedAt = held.usedAt = Date.now();
      return use(held.index);
    }
  }

  /** Forgets every index of a database (the benchmark's cold start). */
  forget(db: Db): void {
    const tenants = this.byDb.get(db);
    for (const [ref, where] of this.all) if (where.tenants.deref() === tenants) this.all.delete(ref);
    this.byDb.delete(db);
  }

  /**
   * Patches in what changed since `held`'s snapshot, or reloads the tenant (`held` null, or a bulk
   * change), then runs `use` on the result at once: its snapshot is newer than the caller's start.
   */
  private async refresh<T>(
    ctx: TenantContext,
    tenants: Tenants<R>,
    held: Held<R> | null,
    use: (index: SearchIndex<R>) => T,
  ): Promise<T | null> {
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
    const work = (async () => {
      if (held?.index) {
        const delta = await this.load.changed(ctx.db, ctx.tenantId, held.snapshot);
        if (!delta.ids.includes(NIL)) {
          const found = new Set(delta.entries.map((e) => e.id));
          held.index.apply(
            delta.entries,
            delta.ids.filter((id) => !found.has(id)),
          );
          held.snapshot = delta.snapshot;
          this.counts.patches++;
          return;
        }
      }
      await this.reload(ctx, target);
    })();
    target.busy = work.then(
      () => {},
      () => {},
    );
    try {
      await work;
    } catch (e) {
      // A failed read leaves nothing half-done behind: the next search starts from scratch.
      tenants.delete(ctx.tenantId);
      target.busy = null;
      throw e;
    }
    target.busy = null;
    target.generation++;
    target.checkedAt = target.usedAt = Date.now();
    if (![...this.all.keys()].some((ref) => ref.deref() === target))
      this.all.set(new WeakRef(target), { tenants: new WeakRef(tenants), tenantId: ctx.tenantId });
    this.evict(target);
    return target.index ? use(target.index) : null;
  }

  /** Reads the whole tenant in one repeatable-read snapshot, unless it is too large to hold. */
  private async reload(ctx: TenantContext, target: Held<R>) {
    await ctx.db.transaction(
      async (tx) => {
        const db = tx as unknown as Db;
        const [{ snapshot }] = (
          (await db.execute(sql`select pg_current_snapshot()::text as snapshot`)) as unknown as {
            rows: { snapshot: string }[];
          }
        ).rows as [{ snapshot: string }];
        const [count] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(services)
          .where(eq(services.tenantId, ctx.tenantId));
        if (!SearchIndex.fits(count!.n) || count!.n > this.maxHeld) {
          target.index = null;
          target.tooLargeUntil = Date.now() + TOO_LARGE_RETRY_MS;
          return;
        }
        target.index = new SearchIndex(await this.load.all(db, ctx.tenantId));
        target.snapshot = snapshot;
        target.tooLargeUntil = 0;
        this.counts.reloads++;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }

  /** Drops the least recently used indexes while more than maxHeld resources are held. */
  private evict(keep: Held<R>) {
    const live: { held: Held<R>; tenants: Tenants<R>; tenantId: string }[] = [];
    for (const [ref, where] of this.all) {
      const held = ref.deref();
      const tenants = where.tenants.deref();
      if (held?.index && tenants?.get(where.tenantId) === held)
        live.push({ held, tenants, tenantId: where.tenantId });
      else this.all.delete(ref);
    }
    let total = live.reduce((n, h) => n + h.held.index!.size, 0);
    for (const { held, tenants, tenantId } of live.sort((a, b) => a.held.usedAt - b.held.usedAt)) {
      if (total <= this.maxHeld) break;
      if (held === keep || held.busy) continue;
      total -= held.index!.size;
      tenants.delete(tenantId);
    }
  }
}

interface Changes {
  snapshot: string;
  changed: string[];
}

// Transactions older than the snapshot's xmin had ended before it was taken, so only newer rows
// are read, through the key; of those, the ones the snapshot did not see (all committed: others'
// uncommitted rows are invisible here).
const SINCE = `tenant_id = $1
    and xid >= pg_snapshot_xmin($2::pg_snapshot)::text::bigint
    and not pg_visible_in_snapshot(xid::text::xid8, $2::pg_snapshot)`;

/** The check every search makes: the statement's snapshot and what changed since `$2`; prepared. */
const checkChanges = preparedRead<Changes>(
  'sasaeai_resource_changes',
  ['char(6)', 'text'],
  `select pg_current_snapshot()::text as snapshot,
     array(select distinct service_id::text from resource_changes where ${SINCE}) as changed`,
);

/** The ids of the resources changed since `since` (the condition of SINCE), as a CTE for a loader. */
export function changedSince(db: Db, tenantId: string, since: string) {
  return db.$with('changed').as(
    db
      .selectDistinct({ serviceId: resourceChanges.serviceId })
      .from(resourceChanges)
      .where(
        and(
          eq(resourceChanges.tenantId, tenantId),
          sql`${resourceChanges.xid} >= pg_snapshot_xmin(${since}::pg_snapshot)::text::bigint`,
          sql`not pg_visible_in_snapshot(${resourceChanges.xid}::text::xid8, ${since}::pg_snapshot)`,
        ),
      ),
  );
}
