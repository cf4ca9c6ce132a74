/**
 * The worker's policy keeper with fake storage: storage.managed read and re-validated, cached in
 * storage.local, followed live, and never erased by an empty, broken or missing managed area.
 */
import { describe, expect, it, vi } from 'vitest';
import { keepPolicy, POLICY_CACHE_KEY, READ_WAIT_MS } from '../../../src/background/policy-keeper.ts';
import { POLICY_KEY } from '../../../src/content/sites-off.ts';
import type { StorageChange } from '../../../src/shared/settings-store.ts';

type Listener = (changes: Record<string, StorageChange>, area: string) => void;

function fakes(managedValue: unknown = {}, cached?: unknown) {
  const local: Record<string, unknown> = cached === undefined ? {} : { [POLICY_CACHE_KEY]: cached };
  const listeners = new Set<Listener>();
  const managed = {
    value: managedValue as unknown,
    reads: 0,
    get: vi.fn(async () => {
      managed.reads++;
      if (managed.value instanceof Error) throw managed.value;
      return structuredClone(managed.value) as Record<string, unknown>;
    }),
  };
  return {
    local,
    managed,
    area: {
      get: async (key: string) => (key in local ? { [key]: structuredClone(local[key]) } : {}),
      set: vi.fn(async (items: Record<string, unknown>) => {
        Object.assign(local, structuredClone(items));
      }),
    },
    onChanged: {
      addListener: (l: Listener) => void listeners.add(l),
      removeListener: (l: Listener) => void listeners.delete(l),
    },
    /** A change event of another storage area. */
    emit(area: string) {
      for (const l of listeners) l({ settings: { newValue: {} } }, area);
    },
    /** What the browser does when the admin's policy changes (Chromium sometimes twice). */
    change(value: unknown) {
      managed.value = value;
      for (const l of listeners) l({ someKey: { newValue: 1 } }, 'managed');
    },
  };
}

function keep(f: ReturnType<typeof fakes>) {
  return keepPolicy({ managed: f.managed, local: f.area, onChanged: f.onChanged, log: () => undefined });
}

describe('policy keeper', () => {
  it('reads storage.managed, validates it and caches the good values', async () => {
    const f = fakes({
      defaultRole: 'executive',
      disabledSites: ['x', 'reddit'],
      lockedSettings: ['role', 'nope'],
    });
    const k = keep(f);
    const { policy, problems } = await k.get();
    expect(policy).toEqual({ defaultRole: 'executive', disabledSites: ['x', 'reddit'] });
    expect(problems.map((p) => p.key)).toEqual(['lockedSettings']);
    await vi.waitFor(() => expect(f.local[POLICY_CACHE_KEY]).toEqual({ policy, problems }));
    expect(k.latest().policy).toEqual(policy);
  });

  it('starts from the cache without waiting for storage.managed', async () => {
    const f = fakes({}, { policy: { disabledSites: ['youtube'] }, problems: [] });
    f.managed.get.mockImplementation(() => new Promise(() => undefined)); // never answers
    const k = keep(f);
    const started = Date.now();
    expect((await k.get()).policy).toEqual({ disabledSites: ['youtube'] });
    expect(Date.now() - started).toBeLessThan(READ_WAIT_MS / 2);
  });

  it('re-validates a damaged cache rather than trusting it', async () => {
    const f = fakes(new Error('Managed storage manifest not found'), {
      policy: { disabledSites: ['x', 'myspace'], defaultRole: 'executive' },
      problems: [],
    });
    expect((await keep(f).get()).policy).toEqual({ defaultRole: 'executive' });
    const g = fakes(new Error('no'), 'garbage');
    expect(await keep(g).get()).toEqual({ policy: {}, problems: [] });
  });

  it('reads a missing managed area (Firefox rejects, Chrome without policy) as no policy', async () => {
    const f = fakes(new Error('Managed storage manifest not found'));
    expect(await keep(f).get()).toEqual({ policy: {}, problems: [] });
    const g = fakes(new Error('Managed storage manifest not found'));
    const noApi = keepPolicy({ managed: undefined, local: g.area, onChanged: g.onChanged });
    expect(await noApi.get()).toEqual({ policy: {}, problems: [] });
  });

  it('an empty, unreadable or non-object managed area erases nothing', async () => {
    const f = fakes({ disabledSites: ['x'], lockedSettings: ['reminder'] });
    const k = keep(f);
    await vi.waitFor(() => expect(k.latest().policy.disabledSites).toEqual(['x']));
    f.change({}); // Chromium reads a syntactically broken policy file as {}
    await k.refresh();
    f.change(new Error('Managed storage manifest not found'));
    await k.refresh();
    f.change(null);
    await k.refresh();
    expect(k.latest().policy).toEqual({ disabledSites: ['x'], lockedSettings: ['reminder'] });
    expect((f.local[POLICY_CACHE_KEY] as { policy: unknown }).policy).toEqual(k.latest().policy);
  });

  it('keeps the last good value of a key whose new value is broken, and names it', async () => {
    const f = fakes({ defaultRole: 'executive', lockedSettings: ['role'] });
    const k = keep(f);
    await vi.waitFor(() => expect(k.latest().policy.lockedSettings).toEqual(['role']));
    f.change({ defaultRole: 'ceo', lockedSettings: ['role', 'goals'] });
    await k.refresh();
    expect(k.latest().policy).toEqual({ defaultRole: 'executive', lockedSettings: ['role', 'goals'] });
    expect(k.latest().problems.map((p) => p.key)).toEqual(['defaultRole']);
  });

  it('drops a key the admin removed from a policy that still has others', async () => {
    const f = fakes({ defaultRole: 'executive', disabledSites: ['x'] });
    const k = keep(f);
    await vi.waitFor(() => expect(k.latest().policy.disabledSites).toEqual(['x']));
    f.change({ defaultRole: 'executive' });
    await k.refresh();
    expect(k.latest().policy).toEqual({ defaultRole: 'executive' });
  });

  it('applies a managed change live and tells watchers once, even when the event comes twice', async () => {
    const f = fakes({ disabledSites: ['x'] });
    const k = keep(f);
    await k.get();
    const seen: unknown[] = [];
    k.watch((state) => seen.push(state.policy));
    f.change({ disabledSites: ['x', 'linkedin'] });
    f.change({ disabledSites: ['x', 'linkedin'] });
    await vi.waitFor(() => expect(f.managed.reads).toBe(3));
    await k.refresh();
    expect(seen).toEqual([{ disabledSites: ['x', 'linkedin'] }]);
    await vi.waitFor(() =>
      expect((f.local[POLICY_CACHE_KEY] as { policy: unknown }).policy).toEqual({
        disabledSites: ['x', 'linkedin'],
      }),
    );
  });

  it('ignores changes of other storage areas', async () => {
    const f = fakes({ disabledSites: ['x'] });
    const k = keep(f);
    await k.get();
    const reads = f.managed.reads;
    f.managed.value = { disabledSites: ['reddit'] };
    // A local write (the settings, the cache itself) is not a policy change.
    f.emit('local');
    f.emit('sync');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(f.managed.reads).toBe(reads);
    expect(k.latest().policy).toEqual({ disabledSites: ['x'] });
  });

  it('lets the managed answer win over the cache, however slow the cache read', async () => {
    const f = fakes({ defaultRole: 'executive' }, { policy: { defaultRole: 'employee' }, problems: [] });
    let release!: () => void;
    const slowGet = f.area.get;
    f.area.get = (key: string) =>
      new Promise((resolve) => {
        release = () => void slowGet(key).then(resolve);
      });
    const k = keep(f);
    await vi.waitFor(() => expect(f.managed.reads).toBe(1));
    release();
    await vi.waitFor(() => expect(k.latest().policy).toEqual({ defaultRole: 'executive' }));
  });

  it('reads an empty first managed area again (Chromium fills it late, without an event), then stops', async () => {
    const f = fakes({});
    const k = keepPolicy({
      managed: f.managed,
      local: f.area,
      onChanged: f.onChanged,
      retryDelays: [5, 300, 300, 300],
    });
    await vi.waitFor(() => expect(f.managed.reads).toBe(2), { interval: 5 });
    f.managed.value = { disabledSites: ['threads'] }; // arrives, with no change event
    await vi.waitFor(() => expect(k.latest().policy).toEqual({ disabledSites: ['threads'] }));
    const reads = f.managed.reads;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(f.managed.reads).toBe(reads);
  });

  it('gives up re-reading a managed area that stays missing', async () => {
    const f = fakes(new Error('Managed storage manifest not found'));
    keepPolicy({ managed: f.managed, local: f.area, onChanged: f.onChanged, retryDelays: [5, 5] });
    await vi.waitFor(() => expect(f.managed.reads).toBe(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(f.managed.reads).toBe(3);
  });

  it('shares the cache key with the content script', () => {
    expect(POLICY_KEY).toBe(POLICY_CACHE_KEY);
  });
});
