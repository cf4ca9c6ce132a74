/**
 * The worker's in-memory summary beside a real ledger (fake-indexeddb): rebuilt from IndexedDB
 * once, as on a worker start, then kept by the ledger's changes; export and delete-all.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createLedger } from '../../../src/background/ledger.ts';
import { keepHistory } from '../../../src/background/history-keeper.ts';
import { createExportLedgerHandler } from '../../../src/background/handlers/export-ledger.ts';
import { createDeleteLedgerHandler } from '../../../src/background/handlers/delete-ledger.ts';
import { fingerprint, parseHistory, type HistoryEvent } from '../../../src/engine/index.ts';

const NOW = new Date('2026-11-10T12:00:00Z');
const T = NOW.getTime();
const H = 3_600_000;
const at = (hoursAgo: number) => new Date(T - hoursAgo * H).toISOString();
let n = 0;
const fresh = (maxEvents?: number) =>
  createLedger({
    name: `keeper-test-${++n}`,
    now: () => NOW,
    log: () => undefined,
    ...(maxEvents ? { maxEvents } : {}),
  });

const comment = (id: string, hoursAgo: number, text?: string): HistoryEvent => ({
  at: at(hoursAgo),
  type: 'comment-received',
  platform: 'linkedin',
  id,
  ...(text ? { text } : {}),
});
const waitingIds = async (keeper: ReturnType<typeof keepHistory>) =>
  (await keeper.summary()).waiting(0, T).map((w) => w.id);

describe('the kept summary', () => {
  it('is rebuilt from what a previous worker recorded, then follows every append', async () => {
    const name = `keeper-test-${++n}`;
    const before = createLedger({ name, now: () => NOW });
    await before.add(comment('c1', 5));
    await before.add({
      at: at(4),
      type: 'published',
      platform: 'x',
      kind: 'post',
      text: 'Notes',
      promotional: true,
    });

    // A new worker: a new ledger object on the same database, and a new summary.
    const ledger = createLedger({ name, now: () => NOW });
    const keeper = keepHistory(ledger);
    expect(await waitingIds(keeper)).toEqual(['c1']);
    expect((await keeper.summary()).lastFlaggedPosts(T, 10).map((p) => p.promotional)).toEqual([true]);

    await ledger.add(comment('c2', 3, 'Does it work offline?'));
    expect(await waitingIds(keeper)).toEqual(['c2', 'c1']);
    await ledger.add({ at: at(1), type: 'replied', platform: 'linkedin', to: 'c1' });
    expect(await waitingIds(keeper)).toEqual(['c2']);
    await ledger.add({ at: at(1), type: 'no-reply-needed', platform: 'linkedin', to: 'c2' });
    expect(await waitingIds(keeper)).toEqual([]);
  });

  it('counts an event appended while it is being rebuilt exactly once', async () => {
    const ledger = fresh();
    await ledger.add(comment('c1', 5));
    const keeper = keepHistory(ledger);
    const building = keeper.summary();
    await Promise.all([ledger.add(comment('c2', 4)), ledger.add(comment('c3', 3))]);
    await building;
    expect(await waitingIds(keeper)).toEqual(['c1', 'c2', 'c3']);
    expect((await keeper.summary()).size).toBe(3);
  });

  it('forgets what the ledger drops for its size cap', async () => {
    const ledger = fresh(2);
    const keeper = keepHistory(ledger);
    await keeper.summary();
    for (const [id, h] of [
      ['a', 5],
      ['b', 4],
      ['c', 3],
    ] as const)
      await ledger.add(comment(id, h));
    expect(await waitingIds(keeper)).toEqual(['b', 'c']);
  });

  it('keeps only the fingerprint of a published text, and still finds a near-duplicate with it', async () => {
    const ledger = fresh();
    const keeper = keepHistory(ledger);
    const text =
      'We cut our cloud bill by 38% without moving providers: reserved instances for steady load and spot for batch jobs that can wait.';
    await ledger.add({ at: at(2), type: 'published', platform: 'linkedin', kind: 'post', text });
    const found = (await keeper.summary()).similar(fingerprint(text), 0, T, 0.99);
    expect(found?.similarity).toBe(1);
    const stored = (await ledger.list())[0];
    expect(stored?.type === 'published' && stored.text).not.toBe(text);
  });
});

describe('export-ledger and delete-ledger', () => {
  it('exports every event as --history events, fingerprints beside the published ones', async () => {
    const ledger = fresh();
    await ledger.add(comment('c1', 5, 'Is the API public?'));
    await ledger.add({
      at: at(4),
      type: 'published',
      platform: 'x',
      kind: 'post',
      text: 'Shipping notes for the week',
    });
    await ledger.add({ at: at(3), type: 'no-reply-needed', platform: 'linkedin', to: 'c1' });
    const reply = await createExportLedgerHandler(
      ledger,
      () => NOW,
      () => 30,
    )({ type: 'export-ledger' });
    if (!reply.ok) throw new Error(reply.error);
    const doc = JSON.parse(reply.json) as {
      format: string;
      version: number;
      exportedAt: string;
      retentionDays: number;
      events: Record<string, unknown>[];
    };
    expect({ ...doc, events: doc.events.length }).toEqual({
      format: 'rapport-ledger',
      version: 2,
      exportedAt: NOW.toISOString(),
      retentionDays: 30,
      events: 3,
    });
    expect(doc.events[1]).toMatchObject({
      type: 'published',
      text: 'Shipping notes for the week',
      fingerprint: expect.any(Array),
    });
    // One a line, they are a --history file.
    const { events, errors } = parseHistory(doc.events.map((e) => JSON.stringify(e)).join('\n'));
    expect(errors).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['comment-received', 'published', 'no-reply-needed']);
  });

  it('deletes everything, and the kept summary empties with it', async () => {
    const ledger = fresh();
    const keeper = keepHistory(ledger);
    await ledger.add(comment('c1', 5));
    expect(await waitingIds(keeper)).toEqual(['c1']);
    expect(await createDeleteLedgerHandler(ledger)({ type: 'delete-ledger' })).toEqual({ ok: true });
    expect(await ledger.list()).toEqual([]);
    expect(await waitingIds(keeper)).toEqual([]);
    expect((await keeper.summary()).size).toBe(0);
  });
});
