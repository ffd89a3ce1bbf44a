import { describe, expect, it, vi } from 'vitest';
import { TenantCache } from './cache';

describe('TenantCache', () => {
  it('loads once per tenant until invalidated or expired', async () => {
    vi.useFakeTimers();
    const cache = new TenantCache<number>(1000);
    const load = vi.fn(async () => 42);
    await cache.get('a', load);
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(1);
    await cache.get('b', load);
    expect(load).toHaveBeenCalledTimes(2);
    cache.invalidate('a');
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(1001);
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(4);
    vi.useRealTimers();
  });

  it('does not keep a failed load', async () => {
    const cache = new TenantCache<number>(60_000);
    await expect(cache.get('a', async () => Promise.reject(new Error('x')))).rejects.toThrow();
    await expect(cache.get('a', async () => 1)).resolves.toBe(1);
  });
});
