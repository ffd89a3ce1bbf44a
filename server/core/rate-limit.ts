/**
 * Fixed-window counter kept in memory. One Sasaeai process serves a municipality, so memory is
 * enough; behind several processes each keeps its own window (see docs/decisions/0005).
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  /** Seconds until the key may try again, or 0 if it may try now. */
  blockedFor(key: string): number {
    const entry = this.hits.get(key);
    const t = this.now().getTime();
    if (!entry || entry.resetAt <= t) return 0;
    return entry.count >= this.limit ? Math.ceil((entry.resetAt - t) / 1000) : 0;
  }

  /** Counts one failure. */
  hit(key: string): void {
    const t = this.now().getTime();
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= t) this.hits.set(key, { count: 1, resetAt: t + this.windowMs });
    else entry.count++;
    if (this.hits.size > 10_000) this.sweep(t);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= t) this.hits.delete(k);
  }
}
