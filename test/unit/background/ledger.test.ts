import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, test, vi } from 'vitest';
import { createLedger, type LedgerChange, type LedgerOptions } from '../../../src/background/ledger.ts';
import { FIRST_WORDS_CHARS, fingerprint, type HistoryEvent } from '../../../src/engine/index.ts';
import { createPublishedHandler } from '../../../src/background/handlers/published.ts';

const NOW = new Date('2026-11-10T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString();

let n = 0;
function fresh(options: LedgerOptions = {}) {
  const logs: string[] = [];
  const name = `ledger-test-${++n}`;
  const ledger = createLedger({ name, now: () => NOW, log: (m) => logs.push(m), ...options });
  return { ledger, logs, name };
}

const comment = (id: string, at = daysAgo(1), extra: object = {}): HistoryEvent =>
  ({ at, type: 'comment-received', platform: 'x', id, ...extra }) as HistoryEvent;

const LONG = `We moved support to a four-day week last spring. ${'Response times held steady and the team slept more. '.repeat(40)}The tail nobody needs back.`;

describe('recording', () => {
  test('a published message keeps the first words, the promotional flag and a fingerprint, not the text', async () => {
    const classify = vi.fn(() => true);
    const { ledger } = fresh({ classify });
    const reply = await createPublishedHandler(ledger)(
      {
        type: 'published',
        platform: 'x',
        kind: 'reply',
        at: daysAgo(1),
        text: LONG,
        parentAuthor: '@dana',
        url: 'https://x.com/dana/status/1',
        to: 'https://x.com/dana/status/1',
      },
      { id: 'ext' },
    );
    expect(reply).toEqual({ ok: true });
    expect(classify).toHaveBeenCalledTimes(1);
    expect(classify).toHaveBeenCalledWith({ text: LONG, platform: 'x', kind: 'reply' });
    const [record, ...rest] = await ledger.records();
    expect(rest).toEqual([]);
    expect(record?.event).toEqual({
      at: daysAgo(1),
      type: 'published',
      platform: 'x',
      kind: 'reply',
      to: 'https://x.com/dana/status/1',
      promotional: true,
      text: expect.stringMatching(/^We moved support to a four-day week last spring\. .*…$/),
    });
    expect((record?.event.type === 'published' ? (record.event.text ?? '') : '').length).toBeLessThanOrEqual(
      FIRST_WORDS_CHARS,
    );
    expect(record?.fingerprint).toEqual(Array.from(fingerprint(LONG)));
    expect(JSON.stringify(record)).not.toContain('tail nobody');
  });

  test('keeps a flag the event already has, and a comment excerpt of at most 280 characters', async () => {
    const classify = vi.fn(() => true);
    const { ledger } = fresh({ classify });
    await ledger.add({
      at: daysAgo(1),
      type: 'published',
      platform: 'x',
      kind: 'post',
      text: 'hi',
      promotional: false,
    });
    await ledger.add(comment('c1', daysAgo(0.5), { text: 'x'.repeat(400) }));
    expect(classify).not.toHaveBeenCalled();
    const events = await ledger.list();
    expect(events[0]).toMatchObject({ promotional: false });
    expect(events[1]?.type === 'comment-received' && events[1].text?.length).toBe(280);
  });

  test('list is oldest first and filters by `since`, whatever the timestamp precision', async () => {
    const { ledger } = fresh();
    for (const at of ['2026-11-03T10:00:00Z', '2026-11-01T10:00:00.500Z', '2026-11-02T10:00:00+02:00']) {
      await ledger.add({ at, type: 'published', platform: 'bluesky', kind: 'post', text: at });
    }
    expect((await ledger.list()).map((e) => e.at)).toEqual([
      '2026-11-01T10:00:00.500Z',
      '2026-11-02T08:00:00.000Z',
      '2026-11-03T10:00:00.000Z',
    ]);
    expect((await ledger.list({ since: new Date('2026-11-02T09:00:00Z') })).map((e) => e.text)).toEqual([
      '2026-11-03T10:00:00Z',
    ]);
    await ledger.clear();
    expect(await ledger.list()).toEqual([]);
  });

  test('is idempotent by (type, network, id or to); events without either are each their own', async () => {
    const { ledger } = fresh();
    expect(await ledger.append(comment('c1'))).toBe('added');
    expect(await ledger.append(comment('c1', daysAgo(0.5), { text: 'again' }))).toBe('duplicate');
    expect(await ledger.append(comment('c1', daysAgo(1), { platform: 'mastodon' }))).toBe('added');
    const answer: HistoryEvent = { at: daysAgo(0.2), type: 'replied', platform: 'x', to: 'c1' };
    expect(await ledger.append(answer)).toBe('added');
    expect(await ledger.append({ ...answer, at: daysAgo(0.1) })).toBe('duplicate');
    const closed: HistoryEvent = { at: daysAgo(0.1), type: 'no-reply-needed', platform: 'x', to: 'c9' };
    expect(await ledger.append(closed)).toBe('added');
    expect(await ledger.append(closed)).toBe('duplicate');
    const post: HistoryEvent = {
      at: daysAgo(0.1),
      type: 'published',
      platform: 'x',
      kind: 'post',
      text: 'same',
    };
    expect(await ledger.append(post)).toBe('added');
    expect(await ledger.append(post)).toBe('added');
    expect(await ledger.append({ ...post, id: 'p1' })).toBe('added');
    expect(await ledger.append({ ...post, id: 'p1' })).toBe('duplicate');
    expect(await ledger.list()).toHaveLength(7);
  });

  test('refuses an event that is not one, with a logged reason', async () => {
    const { ledger, logs } = fresh();
    expect(await ledger.append(comment('x'.repeat(3000)))).toBe('skipped');
    expect(await ledger.append({ at: 'yesterday', type: 'replied', platform: 'x' })).toBe('skipped');
    expect(logs).toEqual([
      expect.stringMatching(/^comment-received not recorded: not a history event \(id: /),
      expect.stringMatching(/^replied not recorded: not a history event \(at: /),
    ]);
    expect(await ledger.list()).toEqual([]);
  });
});

describe('retention and size', () => {
  test('a full ledger drops its oldest records and says which', async () => {
    const { ledger } = fresh({ maxEvents: 3 });
    const changes: LedgerChange[] = [];
    ledger.subscribe((c) => changes.push(c));
    for (let day = 5; day >= 1; day--) {
      await ledger.add({ at: daysAgo(day), type: 'published', platform: 'x', kind: 'post', id: `p${day}` });
    }
    expect((await ledger.list()).map((e) => e.type === 'published' && e.id)).toEqual(['p3', 'p2', 'p1']);
    expect(changes.flatMap((c) => (c.type === 'added' ? c.removed : []))).toEqual([
      JSON.stringify(['published', 'x', 'p5']),
      JSON.stringify(['published', 'x', 'p4']),
    ]);
  });

  test('keeps records for retentionDays: older ones are not recorded, and go as they age', async () => {
    let now = NOW;
    let days = 90;
    const { ledger } = fresh({ now: () => now, retentionDays: () => days });
    expect(await ledger.append(comment('ancient', daysAgo(91)))).toBe('expired');
    expect(await ledger.append(comment('old', daysAgo(80)))).toBe('added');
    expect(await ledger.append(comment('new', daysAgo(1)))).toBe('added');
    const changes: LedgerChange[] = [];
    ledger.subscribe((c) => changes.push(c));
    // Twenty days later (and more than an hour since the last look), "old" is past 90 days.
    now = new Date(NOW.getTime() + 20 * DAY);
    expect(await ledger.append(comment('newer'))).toBe('added');
    expect((await ledger.list()).map((e) => e.type === 'comment-received' && e.id)).toEqual(['new', 'newer']);
    expect(changes[0]).toEqual({
      type: 'removed',
      removed: [JSON.stringify(['comment-received', 'x', 'old'])],
    });
    // A shorter setting applies at the next look.
    days = 7;
    now = new Date(now.getTime() + 2 * 3_600_000);
    await ledger.add(comment('latest', now.toISOString()));
    expect((await ledger.list()).map((e) => e.type === 'comment-received' && e.id)).toEqual(['latest']);
  });

  test('a record that is corrupt, oversized or from a newer version is skipped with a logged reason', async () => {
    const { ledger, logs, name } = fresh();
    await ledger.add(comment('good'));
    const db = await openDB(name);
    const tx = db.transaction('records', 'readwrite');
    await tx.store.put({ v: 2, key: 'broken', event: { at: 'soon', type: 'comment-received' } });
    await tx.store.put({ v: 2, key: 'huge', event: comment('huge'), padding: 'x'.repeat(20_000) });
    await tx.store.put({ v: 9, key: 'future', event: comment('future') });
    await tx.done;
    db.close();
    expect((await ledger.list()).map((e) => e.type === 'comment-received' && e.id)).toEqual(['good']);
    expect(logs).toEqual([
      expect.stringMatching(/^record broken skipped: corrupt \(event\.at/),
      expect.stringMatching(/^record future skipped: written by a newer Rapport \(record version 9\)$/),
      expect.stringMatching(/^record huge skipped: oversized \(\d+ characters\)$/),
    ]);
  });
});

describe('schema versions', () => {
  test('upgrades a v1 store: events carried over as records, text cut, flagged and fingerprinted', async () => {
    const name = `ledger-v1-${++n}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('events', { autoIncrement: true }).createIndex('at', 'at');
      },
    });
    const events: unknown[] = [
      { at: daysAgo(3), type: 'published', platform: 'linkedin', kind: 'post', id: 'uuid-1', text: LONG },
      comment('c1', daysAgo(2)),
      comment('c1', daysAgo(2)),
      { at: daysAgo(2), type: 'published', platform: 'myspace', kind: 'post' },
      { at: daysAgo(1), type: 'published', platform: 'x', kind: 'post', text: 'Huge sale! Buy now' },
    ];
    for (const e of events) await v1.add('events', e);
    v1.close();

    const logs: string[] = [];
    const classify = vi.fn((d: { text: string }) => d.text.includes('sale'));
    const ledger = createLedger({ name, now: () => NOW, classify, log: (m) => logs.push(m) });
    const records = await ledger.records();
    expect(records.map((r) => r.event)).toEqual([
      {
        at: daysAgo(3),
        type: 'published',
        platform: 'linkedin',
        kind: 'post',
        id: 'uuid-1',
        promotional: false,
        text: expect.stringMatching(/…$/),
      },
      comment('c1', daysAgo(2)),
      {
        at: daysAgo(1),
        type: 'published',
        platform: 'x',
        kind: 'post',
        promotional: true,
        text: 'Huge sale! Buy now',
      },
    ]);
    expect(records[0]?.fingerprint).toEqual(Array.from(fingerprint(LONG)));
    expect(logs).toEqual([
      expect.stringMatching(/^v1 event 4 not carried over: not a history event \(platform: /),
      'upgraded from v1: 3 events carried over, 1 left behind',
    ]);
    const db = await openDB(name);
    expect([db.version, [...db.objectStoreNames]]).toEqual([2, ['records']]);
    db.close();
  });
});
