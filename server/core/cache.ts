/**
 * Per-tenant read cache for small, rarely changing reference data (areas, the taxonomy) that hot
 * paths such as search read on every request. The owner invalidates it when it writes; the TTL
 * bounds how stale another process can be (several processes against one PostgreSQL).
 */
export class TenantCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T>; ahead: boolean }>();

  constructor(private readonly ttlMs: number) {}

  /**
   * `readAhead`: in its last quarter an entry starts its next read in the background, so that
   * steady traffic never waits for a reload; nothing older than the TTL is ever served. Only for
   * a `load` that may outlive the request (not one bound to a transaction).
   */
  get(tenantId: string, load: () => Promise<T>, readAhead = false): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(tenantId);
    if (hit && now - hit.at < this.ttlMs) {
      if (readAhead && !hit.ahead && now - hit.at > this.ttlMs * 0.75) this.readAhead(tenantId, hit, load);
      return hit.value;
    }
    const value = load();
    this.entries.set(tenantId, { at: now, value, ahead: false });
    // A failed load is not remembered.
    value.catch(() => this.entries.delete(tenantId));
    return value;
  }

  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }

  private readAhead(tenantId: string, hit: { ahead: boolean }, load: () => Promise<T>) {
    hit.ahead = true;
    const at = Date.now();
    load().then(
      (value) => {
        // Dropped or replaced meanwhile (a write here invalidated it): this read may predate it.
        if (this.entries.get(tenantId) === hit)
          this.entries.set(tenantId, { at, value: Promise.resolve(value), ahead: false });
      },
      () => {
        hit.ahead = false;
      },
    );
  }
}

/**
 * Per-tenant cache of a larger read model (every 地域資源 or 担い手 of a town, for matching) that
 * must follow writes closely. Each read first asks the database for the tenant's change mark (one
 * row that triggers bump inside every writing transaction, `change-marks.ts`); a different mark
 * reloads. The mark is read before the load, so a cached value is never older than its mark. Entries
 * also expire after `ttlMs`, a safety net for writes made around the triggers (a hand-run SQL
 * session with triggers disabled). At most `maxTenants` towns are kept, the least recently used
 * going first.
 */
export class MarkedTenantCache<T> {
  private readonly entries = new Map<string, { mark: string; at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxTenants: number,
  ) {}

  async get(tenantId: string, mark: () => Promise<string>, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const current = await mark();
    const hit = this.entries.get(tenantId);
    if (hit && hit.mark === current && now - hit.at < this.ttlMs) {
      // Most recently used last, so the first key is the one to drop.
      this.entries.delete(tenantId);
      this.entries.set(tenantId, hit);
      return hit.value;
    }
    const value = load();
    this.entries.delete(tenantId);
    this.entries.set(tenantId, { mark: current, at: now, value });
    value.catch(() => {
      if (this.entries.get(tenantId)?.value === value) this.entries.delete(tenantId);
    });
    while (this.entries.size > this.maxTenants) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }
}
