import { describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { emptyEngagement } from './connector-mock.ts';
import { CACHED_ROWS, createEngagementCache } from './engagement-cache.ts';

/** The slice of a storage area the cache uses, over a Map. */
function fakeArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  const area = {
    get: async (key: string) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (key: string) => void data.delete(key),
  };
  return { data, area: area as unknown as Storage.StorageArea };
}

describe('engagement cache', () => {
  it('gives back what it kept, and nothing once cleared', async () => {
    const { area, data } = fakeArea();
    const cache = createEngagementCache(area);
    expect(await cache.read()).toBeNull();
    const kept = { ...emptyEngagement(), total: 3 };
    await cache.write(kept);
    expect(await cache.read()).toEqual(kept);
    await cache.clear();
    expect(await cache.read()).toBeNull();
    expect(data.size).toBe(0);
  });

  it('keeps the first rows for the first paint, and the total', async () => {
    const { area } = fakeArea();
    const cache = createEngagementCache(area);
    const waiting = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i}`,
      platform: 'x' as const,
      at: '2026-11-30T10:00:00.000Z',
      question: false,
      exact: true,
    }));
    await cache.write({ ...emptyEngagement(), waiting, total: 40 });
    const kept = await cache.read();
    expect(kept?.waiting.map((w) => w.id)).toEqual(waiting.slice(0, CACHED_ROWS).map((w) => w.id));
    expect(kept?.total).toBe(40);
  });

  it('drops a kept value that no longer fits the answer schema', async () => {
    const { area } = fakeArea({ 'popup:engagement': { total: 'three', waiting: 'lots' } });
    expect(await createEngagementCache(area).read()).toBeNull();
  });

  it('works without a storage area: nothing kept, nothing read', async () => {
    const cache = createEngagementCache(undefined);
    await cache.write(emptyEngagement());
    expect(await cache.read()).toBeNull();
    await expect(cache.clear()).resolves.toBeUndefined();
  });
});
