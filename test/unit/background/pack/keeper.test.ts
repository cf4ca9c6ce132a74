/**
 * The pack keeper with fakes: storage in memory, a scripted server, a settable clock. ETag
 * revalidation, back-off, refusals that keep the old pack, the inline policy pack, and a restart.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createPackKeeper, type PackKeeper } from '../../../../src/background/pack/keeper.ts';
import {
  FIRST_BACKOFF_MS,
  MAX_BACKOFF_MS,
  REFRESH_MS,
  nextDelay,
} from '../../../../src/background/pack/backoff.ts';
import { ACCEPTED_KEY } from '../../../../src/background/pack/state.ts';
import { compilePack, defaultPackJson, type CompiledPack } from '../../../../src/engine/index.ts';
import type { Policy } from '../../../../src/shared/policy.ts';
import { fakeStorage } from '../fake-storage.ts';
import { adminPack, sign, testKeys } from './packs.ts';

const URL = 'https://packs.example/acme.json';
let base: CompiledPack | undefined;
const builtIn = () => (base ??= compilePack(defaultPackJson));

interface Served {
  status: number;
  body?: string;
  etag?: string;
  sig?: string;
}

function world() {
  const storage = fakeStorage();
  const requests: { url: string; ifNoneMatch: string | undefined }[] = [];
  let served: Served = { status: 404 };
  let down = false;
  let now = Date.parse('2026-12-01T00:00:00Z');
  let policy: Policy = { rulePackUrl: URL };
  const scheduled: number[] = [];
  let installed: CompiledPack | undefined;
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const ifNoneMatch = (init.headers as Record<string, string> | undefined)?.['If-None-Match'];
    requests.push({ url, ifNoneMatch });
    if (down) throw new TypeError('Failed to fetch');
    if (url.endsWith('.sig')) {
      return served.sig === undefined ? new Response('', { status: 404 }) : new Response(served.sig);
    }
    if (served.etag !== undefined && ifNoneMatch === served.etag) return new Response(null, { status: 304 });
    return new Response(served.body ?? '', {
      status: served.status,
      headers: served.etag ? { etag: served.etag } : {},
    });
  };
  const make = (): PackKeeper =>
    createPackKeeper({
      storage: storage.area,
      policy: async () => policy,
      fetch,
      now: () => new Date(now),
      schedule: (when) => void scheduled.push(when),
      base: builtIn,
      install: (pack) => void (installed = pack),
    });
  return {
    storage,
    requests,
    scheduled,
    make,
    serve: (s: Served) => void (served = s),
    setDown: (d: boolean) => void (down = d),
    advance: (ms: number) => void (now += ms),
    setPolicy: (p: Policy) => void (policy = p),
    installed: () => installed,
    get now() {
      return now;
    },
  };
}

let w: ReturnType<typeof world>;
beforeEach(() => {
  w = world();
});

describe('pack keeper: URL packs', () => {
  it('accepts a good pack, installs it, and revalidates with its ETag (304 keeps it)', async () => {
    const keeper = w.make();
    w.serve({ status: 200, body: adminPack('1.0.0'), etag: '"v1"' });
    await keeper.sync();
    expect(w.installed()?.name).toBe('acme');
    expect(await keeper.info()).toMatchObject({
      source: 'url',
      name: 'acme',
      version: '1.0.0',
      status: 'ok',
    });
    expect(w.scheduled.at(-1)).toBe(w.now + REFRESH_MS);

    // Not due yet: no request at all.
    await keeper.sync();
    expect(w.requests).toHaveLength(1);
    w.advance(REFRESH_MS);
    await keeper.sync();
    expect(w.requests.at(-1)).toEqual({ url: URL, ifNoneMatch: '"v1"' });
    expect(w.installed()?.version).toBe('1.0.0');
    expect((await keeper.info()).lastError).toBeUndefined();
  });

  it('backs off exponentially while the host is down, and returns to the regular refresh', async () => {
    const keeper = w.make();
    w.setDown(true);
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      await keeper.sync({ force: i === 0 });
      delays.push(w.scheduled.at(-1)! - w.now);
      w.advance(w.scheduled.at(-1)! - w.now);
    }
    expect(delays.slice(0, 4)).toEqual([
      FIRST_BACKOFF_MS,
      2 * FIRST_BACKOFF_MS,
      4 * FIRST_BACKOFF_MS,
      8 * FIRST_BACKOFF_MS,
    ]);
    expect(delays.at(-1)).toBe(MAX_BACKOFF_MS);
    expect(await keeper.info()).toMatchObject({
      source: 'default',
      lastError: expect.stringContaining('could not fetch'),
    });
    w.setDown(false);
    w.serve({ status: 200, body: adminPack('1.0.0') });
    await keeper.sync();
    expect(w.scheduled.at(-1)! - w.now).toBe(REFRESH_MS);
    expect(w.installed()?.name).toBe('acme');
  });

  it('counts an HTTP error as a failure, and keeps the last good pack through it', async () => {
    const keeper = w.make();
    w.serve({ status: 200, body: adminPack('1.0.0') });
    await keeper.sync();
    w.serve({ status: 500 });
    await keeper.sync({ force: true });
    expect(w.installed()?.version).toBe('1.0.0');
    expect(await keeper.info()).toMatchObject({
      version: '1.0.0',
      status: 'ok',
      lastError: `${URL} answered HTTP 500`,
    });
    expect(w.scheduled.at(-1)! - w.now).toBe(nextDelay(1));
  });

  it('refuses bad candidates with the reason while the accepted pack keeps scoring', async () => {
    const keeper = w.make();
    const { publicKey } = await testKeys();
    w.setPolicy({ rulePackUrl: URL, rulePackPublicKeys: [publicKey] });
    const good = adminPack('2.0.0');
    w.serve({ status: 200, body: good, sig: await sign(good) });
    await keeper.sync();
    expect(await keeper.info()).toMatchObject({ version: '2.0.0', status: 'ok', signature: 'verified' });

    const cases: [Served, RegExp][] = [
      [{ status: 200, body: `${good} `, sig: await sign(good) }, /^refused: bad signature/],
      [{ status: 200, body: adminPack('2.1.0') }, /^refused: unsigned/],
      [
        { status: 200, body: adminPack('1.0.0'), sig: await sign(adminPack('1.0.0')) },
        /^refused: older version/,
      ],
      [{ status: 200, body: '{"schema":', sig: await sign('{"schema":') }, /^refused: invalid/],
      [{ status: 200, body: 'x'.repeat(1_000_001) }, /^refused: too large/],
    ];
    for (const [served, reason] of cases) {
      w.serve(served);
      await keeper.sync({ force: true });
      expect(await keeper.info()).toMatchObject({
        version: '2.0.0',
        status: 'refused',
        lastError: expect.stringMatching(reason),
      });
      expect(w.installed()?.version).toBe('2.0.0');
    }
    const newer = adminPack('2.1.0');
    w.serve({ status: 200, body: newer, sig: await sign(newer) });
    await keeper.sync({ force: true });
    expect(await keeper.info()).toMatchObject({ version: '2.1.0', status: 'ok' });
    expect((await keeper.info()).lastError).toBeUndefined();
  });

  it('a 304 for a refused body keeps the refusal; a stale start checks, a fresh one only schedules', async () => {
    const keeper = w.make();
    w.serve({ status: 200, body: adminPack('1.0.0') });
    await keeper.sync();
    w.serve({ status: 200, body: '{"schema":', etag: '"bad"' });
    await keeper.sync({ force: true });
    await keeper.sync({ force: true });
    expect(w.requests.at(-1)).toEqual({ url: URL, ifNoneMatch: '"bad"' });
    expect(await keeper.info()).toMatchObject({ version: '1.0.0', status: 'refused' });

    // A worker starting within the hour does not fetch; one starting later does.
    const fresh = w.make();
    await fresh.load();
    const before = w.requests.length;
    await fresh.sync();
    expect(w.requests).toHaveLength(before);
    expect(w.scheduled.at(-1)).toBeGreaterThan(w.now);
    w.advance(REFRESH_MS + 1);
    await w.make().sync();
    expect(w.requests.length).toBeGreaterThan(before);
  });

  it('keeps an expired pack working and says so', async () => {
    const keeper = w.make();
    w.serve({ status: 200, body: adminPack('1.0.0', { expires: '2026-06-01' }) });
    await keeper.sync();
    expect(w.installed()?.name).toBe('acme');
    expect(await keeper.info()).toMatchObject({ status: 'expired', expires: '2026-06-01' });
  });

  it('after a restart puts the stored pack back from its one record, without the network', async () => {
    w.serve({ status: 200, body: adminPack('3.0.0') });
    await w.make().sync();
    const record = w.storage.data[ACCEPTED_KEY] as Record<string, unknown>;
    expect(record).toMatchObject({ source: 'url', name: 'acme', version: '3.0.0', text: adminPack('3.0.0') });
    w.setDown(true);
    const restarted = w.make();
    await restarted.load();
    expect(w.installed()?.version).toBe('3.0.0');
    expect(await restarted.info()).toMatchObject({ source: 'url', version: '3.0.0' });
  });

  it('falls back to the built-in pack when the stored record is damaged', async () => {
    await w.storage.area.set({ [ACCEPTED_KEY]: { text: 42 } });
    const keeper = w.make();
    await keeper.load();
    expect(w.installed()).toBeUndefined();
    expect(await keeper.info()).toMatchObject({ source: 'default', name: builtIn().name });
  });
});

describe('pack keeper: inline policy pack', () => {
  it('accepts the inline pack with its rulePackSignature, and ignores an identical re-read', async () => {
    const keeper = w.make();
    const text = adminPack('1.0.0');
    w.setPolicy({
      rulePack: text,
      rulePackSignature: await sign(text),
      rulePackPublicKeys: [(await testKeys()).publicKey],
    });
    await keeper.sync();
    expect(await keeper.info()).toMatchObject({
      source: 'policy',
      version: '1.0.0',
      signature: 'verified',
      status: 'ok',
    });
    await keeper.sync();
    await keeper.sync();
    expect(w.requests).toHaveLength(0);
    expect(w.installed()?.name).toBe('acme');
  });

  it('keeps the last pack when the policy goes empty (a broken managed area reads as {})', async () => {
    const keeper = w.make();
    w.setPolicy({ rulePack: adminPack('1.0.0') });
    await keeper.sync();
    w.setPolicy({});
    await keeper.sync({ force: true });
    expect(w.installed()?.name).toBe('acme');
    expect(await keeper.info()).toMatchObject({ source: 'policy', status: 'ok' });
  });

  it('serialises overlapping runs (a policy change reported twice)', async () => {
    const keeper = w.make();
    w.setPolicy({ rulePack: adminPack('1.0.0') });
    await Promise.all([keeper.sync({ force: true }), keeper.sync({ force: true }), keeper.sync()]);
    expect(await keeper.info()).toMatchObject({ source: 'policy', version: '1.0.0', status: 'ok' });
  });
});
