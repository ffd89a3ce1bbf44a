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

  it('reads ahead in the last quarter of an entry, so that steady traffic never waits', async () => {
    vi.useFakeTimers();
    const cache = new TenantCache<number>(1000);
    let n = 0;
    const load = vi.fn(async () => ++n);
    await expect(cache.get('a', load, true)).resolves.toBe(1);
    vi.advanceTimersByTime(500);
    await expect(cache.get('a', load, true)).resolves.toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(300);
    // Served at once from the entry; the next read has started.
    await expect(cache.get('a', load, true)).resolves.toBe(1);
    expect(load).toHaveBeenCalledTimes(2);
    await Promise.resolve();
    await expect(cache.get('a', load, true)).resolves.toBe(2);
    // The new entry counts from when its read began: fresh for the full TTL after that.
    vi.advanceTimersByTime(700);
    await expect(cache.get('a', load, true)).resolves.toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('does not install a read ahead that an invalidation overtook, and reads ahead only when asked', async () => {
    vi.useFakeTimers();
    const cache = new TenantCache<string>(1000);
    let release = (_: string) => {};
    const slow = () => new Promise<string>((r) => (release = r));
    await cache.get('a', async () => 'first', true);
    vi.advanceTimersByTime(800);
    await cache.get('a', slow, true);
    cache.invalidate('a');
    await expect(cache.get('a', async () => 'after the write', true)).resolves.toBe('after the write');
    release('read before the write');
    await Promise.resolve();
    await expect(cache.get('a', async () => 'unused', true)).resolves.toBe('after the write');
    vi.advanceTimersByTime(800);
    const load = vi.fn(async () => 'x');
    await cache.get('a', load);
    expect(load).not.toHaveBeenCalled();
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
