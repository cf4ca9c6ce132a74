/**
 * The worker's side of the settings: one store kept in memory by its watch, and `sites.<id> = false`
 * refusing score, published and comments-seen (and the reader injection) for that network.
 */
import { describe, expect, it, vi } from 'vitest';
import { keepSettings, READ_WAIT_MS } from '../../../src/background/settings-keeper.ts';
import { gateBySite } from '../../../src/background/site-gate.ts';
import { createReaderGate } from '../../../src/background/reader-gate.ts';
import { createReaderTrigger } from '../../../src/background/readers.ts';
import { createScoreHandler } from '../../../src/background/handlers/score.ts';
import { createPublishedHandler } from '../../../src/background/handlers/published.ts';
import { createCommentsSeenHandler } from '../../../src/background/handlers/comments-seen.ts';
import { createGetPackHandler } from '../../../src/background/handlers/get-pack.ts';
import type { CurrentStore } from '../../../src/background/current.ts';
import { createSettingsStore } from '../../../src/shared/settings-store.ts';
import { PackResponse, type CommentsSeenRequest } from '../../../src/shared/messages.ts';
import { fakeStorage } from './fake-storage.ts';

function setup() {
  const storage = fakeStorage();
  const store = createSettingsStore(storage.area, storage.onChanged);
  const keeper = keepSettings(store);
  const sites = async () => (await keeper.get()).sites;
  return { storage, store, keeper, sites };
}

const tab = { id: 7 };

describe('worker settings', () => {
  it('reads the store once, then follows its changes from memory', async () => {
    const storage = fakeStorage();
    let reads = 0;
    const store = createSettingsStore(
      { get: (k) => (reads++, storage.area.get(k)), set: storage.area.set },
      storage.onChanged,
    );
    const keeper = keepSettings(store);
    expect((await keeper.get()).retentionDays).toBe(90);
    await store.update({ retentionDays: 30, sites: { x: false } });
    const readsAfterUpdate = reads;
    expect((await keeper.get()).retentionDays).toBe(30);
    expect(keeper.latest().sites.x).toBe(false);
    expect(reads).toBe(readsAfterUpdate);
  });

  it('does not hold callers up behind a first read that never settles', async () => {
    vi.useFakeTimers();
    try {
      const storage = fakeStorage();
      const store = createSettingsStore(
        { get: () => new Promise(() => undefined), set: storage.area.set },
        storage.onChanged,
      );
      const keeper = keepSettings(store);
      const pending = keeper.get();
      await vi.advanceTimersByTimeAsync(READ_WAIT_MS);
      expect((await pending).sites.x).toBe(true);
      // A change still arrives through the watch, and wins from then on.
      await storage.area.set({ settings: { sites: { x: false } } });
      expect((await keeper.get()).sites.x).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts new installs as employees, with every network on', async () => {
    const { keeper } = setup();
    const settings = await keeper.get();
    expect(settings.role).toBe('employee');
    expect(settings.reminder.enabled).toBe(false);
    expect(Object.values(settings.sites).every(Boolean)).toBe(true);
  });
});

describe('site gate', () => {
  it('scores on a network that is on and refuses one turned off, at once', async () => {
    const { store, sites } = setup();
    const current: CurrentStore = {
      get: async () => null,
      set: async () => undefined,
      remove: async () => undefined,
    };
    const score = gateBySite(createScoreHandler(current), sites);
    const req = {
      type: 'score' as const,
      draftId: 'd',
      platform: 'x' as const,
      kind: 'post' as const,
      text: 'Hi',
    };
    expect(await score(req, { tab })).toMatchObject({ ok: true });
    await store.update({ sites: { x: false } });
    expect(await score(req, { tab })).toEqual({ ok: false, error: 'refused: Rapport is turned off on x' });
    expect(await score({ ...req, platform: 'linkedin' }, { tab })).toMatchObject({ ok: true });
    await store.update({ sites: { x: true } });
    expect(await score(req, { tab })).toMatchObject({ ok: true });
  });

  it('records nothing published or seen on a network turned off', async () => {
    const { store, sites } = setup();
    const added: string[] = [];
    const ledger = {
      add: async (e: { type: string; platform: string }) => void added.push(`${e.type}:${e.platform}`),
    };
    const published = gateBySite(createPublishedHandler(ledger as never), sites);
    const seen = gateBySite(
      createCommentsSeenHandler(ledger as never, { backoff: async () => undefined }),
      sites,
    );
    await store.update({ sites: { reddit: false } });
    const at = '2026-11-30T10:00:00.000Z';
    const post = (platform: 'reddit' | 'bluesky') =>
      ({ type: 'published', platform, kind: 'post', at, text: 'A post' }) as const;
    const comments = (platform: 'reddit' | 'bluesky'): CommentsSeenRequest => ({
      type: 'comments-seen',
      platform,
      exact: true,
      items: [{ id: 'c1', at }],
      answered: [],
    });
    expect(await published(post('reddit'), { tab })).toMatchObject({ ok: false });
    expect(await seen(comments('reddit'), { tab })).toMatchObject({ ok: false });
    expect(await published(post('bluesky'), { tab })).toEqual({ ok: true });
    expect(await seen(comments('bluesky'), { tab })).toEqual({ ok: true });
    expect(added).toEqual(['published:bluesky', 'comment-received:bluesky']);
  });

  it('does not inject the reader of a network turned off', async () => {
    const { store, keeper } = setup();
    const injected: string[] = [];
    const memory: Record<string, unknown> = {};
    const trigger = createReaderTrigger({
      instances: async () => [],
      inject: async (_tab, file) => void injected.push(file),
      gate: createReaderGate({
        get: async (k) => (k in memory ? { [k]: memory[k] } : {}),
        set: async (items) => void Object.assign(memory, items),
      }),
      enabled: async (id) => (await keeper.get()).sites[id],
    });
    await store.update({ sites: { x: false } });
    const url = 'https://x.com/notifications/mentions';
    expect(await trigger.onUpdated(1, { status: 'complete' }, { url, status: 'complete' })).toBeNull();
    const reddit = 'https://www.reddit.com/notifications';
    expect(await trigger.onUpdated(2, { status: 'complete' }, { url: reddit, status: 'complete' })).toBe(
      'reddit',
    );
    expect(injected).toEqual(['readers/reddit.js']);
  });
});

describe('get-pack', () => {
  it("names the active pack's source, name, version and status", async () => {
    const info = { source: 'url', name: 'acme', version: '2.1.0', status: 'ok' } as const;
    let synced = 0;
    const handler = createGetPackHandler({
      info: async () => info,
      sync: async () => void synced++,
    });
    expect(PackResponse.parse(await handler({ type: 'get-pack' }))).toEqual({ ok: true, pack: info });
    expect(synced).toBe(0);
    // "Check now": the keeper checks first, and a failing check still answers with the pack.
    expect(await handler({ type: 'get-pack', check: true })).toEqual({ ok: true, pack: info });
    expect(synced).toBe(1);
  });
});
