/**
 * Per-tenant read cache for small, rarely changing reference data (areas, the taxonomy) that hot
 * paths such as search read on every request. The owner invalidates it when it writes; the TTL
 * bounds how stale another process can be (several processes against one PostgreSQL).
 */
export class TenantCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(private readonly ttlMs: number) {}

  get(tenantId: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(tenantId);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(tenantId, { at: now, value });
    // A failed load is not remembered.
    value.catch(() => this.entries.delete(tenantId));
    return value;
  }

  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }
}
