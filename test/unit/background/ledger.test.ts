import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { createLedger, LEDGER_TEXT_CAP } from '../../../src/background/ledger.ts';
import { createPublishedHandler } from '../../../src/background/handlers/published.ts';

let n = 0;
const fresh = (maxEvents?: number) =>
  createLedger({ name: `ledger-test-${++n}`, ...(maxEvents ? { maxEvents } : {}) });

test('a published message becomes one ledger event in the HistoryEvent shape, text capped', async () => {
  const ledger = fresh();
  const handle = createPublishedHandler(ledger, () => 'p1');
  const reply = await handle(
    {
      type: 'published',
      platform: 'x',
      kind: 'reply',
      at: '2026-11-02T09:00:00Z',
      text: 'a'.repeat(5000),
      parentAuthor: '@dana',
      url: 'https://x.com/dana/status/1',
    },
    { id: 'ext' },
  );
  expect(reply).toEqual({ ok: true });
  const events = await ledger.list();
  expect(events).toEqual([
    {
      at: '2026-11-02T09:00:00.000Z',
      type: 'published',
      platform: 'x',
      kind: 'reply',
      id: 'p1',
      text: 'a'.repeat(LEDGER_TEXT_CAP),
    },
  ]);
});

test('list is oldest first and filters by `since`, whatever the timestamp precision', async () => {
  const ledger = fresh();
  for (const at of ['2026-11-03T10:00:00Z', '2026-11-01T10:00:00.500Z', '2026-11-02T10:00:00Z']) {
    await ledger.add({ at, type: 'published', platform: 'bluesky', kind: 'post', text: at });
  }
  expect((await ledger.list()).map((e) => e.at)).toEqual([
    '2026-11-01T10:00:00.500Z',
    '2026-11-02T10:00:00.000Z',
    '2026-11-03T10:00:00.000Z',
  ]);
  expect((await ledger.list({ since: new Date('2026-11-02T00:00:00Z') })).map((e) => e.text)).toEqual([
    '2026-11-02T10:00:00Z',
    '2026-11-03T10:00:00Z',
  ]);
  await ledger.clear();
  expect(await ledger.list()).toEqual([]);
});

test('a full ledger drops its oldest events', async () => {
  const ledger = fresh(3);
  for (let day = 1; day <= 5; day++) {
    await ledger.add({ at: `2026-11-0${day}T00:00:00Z`, type: 'published', platform: 'x', kind: 'post' });
  }
  expect((await ledger.list()).map((e) => e.at.slice(0, 10))).toEqual([
    '2026-11-03',
    '2026-11-04',
    '2026-11-05',
  ]);
});
