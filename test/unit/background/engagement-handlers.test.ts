import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { createLedger } from '../../../src/background/ledger.ts';
import { createGetEngagementHandler } from '../../../src/background/handlers/get-engagement.ts';
import { createNoReplyNeededHandler } from '../../../src/background/handlers/no-reply-needed.ts';
import { EngagementResponse } from '../../../src/shared/messages.ts';

let n = 0;
const fresh = () => createLedger({ name: `engagement-test-${++n}` });
const now = () => new Date('2026-11-30T12:00:00Z');

test('"no reply needed" is one ledger event, and get-engagement no longer lists the item', async () => {
  const ledger = fresh();
  await ledger.add({
    at: '2026-11-29T09:00:00Z',
    type: 'comment-received',
    platform: 'mastodon',
    id: '1101',
    from: '@dana@fosstodon.org',
    text: 'Is there a recording?',
    url: 'https://mastodon.social/@dana/1101',
    exact: true,
  });
  await ledger.add({
    at: '2026-11-29T10:00:00Z',
    type: 'comment-received',
    platform: 'mastodon',
    id: '1102',
  });
  // Older than anything the popup looks at: never read.
  await ledger.add({ at: '2026-08-01T10:00:00Z', type: 'comment-received', platform: 'mastodon', id: '900' });
  const get = createGetEngagementHandler(ledger, now);
  const before = EngagementResponse.parse(await get({ type: 'get-engagement' }));
  if (!before.ok) throw new Error(before.error);
  expect(before.engagement.total).toBe(2);
  expect(before.engagement.waiting[0]).toEqual({
    id: '1101',
    platform: 'mastodon',
    from: '@dana@fosstodon.org',
    excerpt: 'Is there a recording?',
    url: 'https://mastodon.social/@dana/1101',
    at: '2026-11-29T09:00:00.000Z',
    question: true,
    exact: true,
  });

  const close = createNoReplyNeededHandler(ledger, now);
  expect(await close({ type: 'no-reply-needed', platform: 'mastodon', to: '1101' })).toEqual({ ok: true });
  expect((await ledger.list()).at(-1)).toEqual({
    at: '2026-11-30T12:00:00.000Z',
    type: 'no-reply-needed',
    platform: 'mastodon',
    to: '1101',
  });
  const after = EngagementResponse.parse(await get({ type: 'get-engagement' }));
  expect(after.ok && after.engagement.waiting.map((w) => w.id)).toEqual(['1102']);
  expect(after.ok && after.engagement.total).toBe(1);
});
