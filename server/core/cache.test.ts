import { describe, expect, it, vi } from 'vitest';
import { MarkedTenantCache, TenantCache } from './cache';

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

describe('MarkedTenantCache', () => {
  it('reloads when the change mark moves, and when the entry is older than its time', async () => {
    vi.useFakeTimers();
    const cache = new MarkedTenantCache<number>(30_000, 10);
    let mark = 'm1';
    let n = 0;
    const load = vi.fn(async () => ++n);
    await expect(cache.get('a', async () => mark, load)).resolves.toBe(1);
    await expect(cache.get('a', async () => mark, load)).resolves.toBe(1);
    mark = 'm2';
    await expect(cache.get('a', async () => mark, load)).resolves.toBe(2);
    vi.advanceTimersByTime(30_001);
    await expect(cache.get('a', async () => mark, load)).resolves.toBe(3);
    vi.useRealTimers();
  });

  it('keeps at most its number of towns, dropping the least recently used', async () => {
    const cache = new MarkedTenantCache<string>(60_000, 2);
    const load = vi.fn(async () => 'x');
    const mark = async () => 'm';
    await cache.get('a', mark, load);
    await cache.get('b', mark, load);
    await cache.get('a', mark, load);
    await cache.get('c', mark, load);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get('a', mark, load);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get('b', mark, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('does not keep a failed load', async () => {
    const cache = new MarkedTenantCache<number>(60_000, 2);
    const mark = async () => 'm';
    await expect(cache.get('a', mark, async () => Promise.reject(new Error('x')))).rejects.toThrow();
    await expect(cache.get('a', mark, async () => 1)).resolves.toBe(1);
  });
});
