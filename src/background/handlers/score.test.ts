import { describe, expect, it } from 'vitest';
import { ScoreResult } from '../../shared/messages.ts';
import { createMemoryStore } from '../current.ts';
import { createScoreHandler } from './score.ts';
import { summarise } from '../../engine/index.ts';
import { keepHistory } from '../history-keeper.ts';
import type { LedgerChange } from '../ledger.ts';
import type { LedgerRecord } from '../ledger-record.ts';

const req = {
  type: 'score',
  draftId: 'd1',
  platform: 'linkedin',
  kind: 'post',
  text: 'We are thrilled',
} as const;
const at = new Date('2026-11-02T09:00:00Z');

describe('score handler', () => {
  it('returns the wire shape only and remembers it as the tab current draft', async () => {
    const store = createMemoryStore();
    const reply = await createScoreHandler(store, () => at)(req, { id: 'me', tab: { id: 4 } });
    if (!reply.ok) throw new Error(reply.error);
    expect(Object.keys(reply.result).sort()).toEqual(['band', 'notes', 'nudges', 'score', 'truncated']);
    expect(ScoreResult.parse(reply.result)).toEqual(reply.result);
    expect(await store.get(4)).toEqual({
      draftId: 'd1',
      platform: 'linkedin',
      kind: 'post',
      at: at.toISOString(),
      result: reply.result,
    });
    expect(await store.get(5)).toBeNull();
  });

  it("points a nudge's suggestion at the first of the person's goals that has a word for it", async () => {
    const pitch = {
      ...req,
      text: 'Huge sale! 30% off every plan this week only. Buy now at https://shop.example.com',
    };
    const plain = await createScoreHandler(createMemoryStore(), () => at)(pitch, { id: 'me' });
    const aimed = await createScoreHandler(
      createMemoryStore(),
      () => at,
      undefined,
      () => ['answers', 'expertise'],
    )(pitch, { id: 'me' });
    if (!plain.ok || !aimed.ok) throw new Error('not scored');
    const before = plain.result.nudges.find((n) => n.id === 'pure-promotion');
    const after = aimed.result.nudges.find((n) => n.id === 'pure-promotion');
    expect(before?.suggestion).toBeTruthy();
    expect(after?.suggestion.startsWith(before!.suggestion)).toBe(true);
    expect(after?.suggestion).toContain('You want to answer questions');
    expect(after?.suggestion).not.toContain('expertise');
  });

  it('remembers nothing for a sender without a tab', async () => {
    const store = createMemoryStore();
    const reply = await createScoreHandler(store)(req, { id: 'me' });
    expect(reply.ok).toBe(true);
    for (const tabId of [-1, 0, 1]) expect(await store.get(tabId)).toBeNull();
  });

  it('adds history nudges from the kept summary, looking back from the handler clock', async () => {
    const events = Array.from({ length: 7 }, (_, h) => ({
      at: `2026-11-02T0${h + 1}:00:00Z`,
      type: 'published' as const,
      platform: 'x' as const,
      kind: 'post' as const,
      text: `update number ${h}`,
    }));
    const history = { summary: async () => summarise(events) };
    const draft = {
      ...req,
      text: 'We moved support to a four-day week and response times held. Anyone else tried it?',
    };
    const reply = await createScoreHandler(createMemoryStore(), () => at, history)(draft, { id: 'me' });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.result.nudges.map((n) => n.id)).toContain('burst');
    // Two days later the burst is over.
    const later = await createScoreHandler(
      createMemoryStore(),
      () => new Date(at.getTime() + 2 * 86_400_000),
      history,
    )(draft, { id: 'me' });
    if (!later.ok) throw new Error(later.error);
    expect(later.result.nudges.map((n) => n.id)).not.toContain('burst');
  });

  it('reads the ledger once, not once per score, and sees what is appended after', async () => {
    let reads = 0;
    let listener: ((change: LedgerChange) => void) | undefined;
    const ledger = {
      async records() {
        reads++;
        return [] as LedgerRecord[];
      },
      subscribe(l: (change: LedgerChange) => void) {
        listener = l;
        return () => undefined;
      },
    };
    const score = createScoreHandler(createMemoryStore(), () => at, keepHistory(ledger));
    const ids = async () => {
      const reply = await score({ ...req, text: '' }, { id: 'me' });
      if (!reply.ok) throw new Error(reply.error);
      return reply.result.nudges.map((n) => n.id);
    };
    expect(await ids()).toEqual([]);
    expect(await ids()).toEqual([]);
    listener?.({
      type: 'added',
      record: {
        v: 2,
        key: 'k',
        event: { at: '2026-11-02T08:00:00.000Z', type: 'comment-received', platform: 'x', id: 'c1' },
      },
      removed: [],
    });
    expect(await ids()).toEqual(['unanswered-comments']);
    listener?.({ type: 'cleared' });
    expect(await ids()).toEqual([]);
    expect(reads).toBe(1);
  });

  it('still scores the draft when the ledger cannot be read', async () => {
    const broken = { summary: () => Promise.reject(new Error('IndexedDB gone')) };
    const reply = await createScoreHandler(
      createMemoryStore(),
      () => at,
      broken,
    )({ ...req, text: 'FLASH SALE! 40% off, buy now' }, { id: 'me' });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.result.nudges.map((n) => n.id)).toEqual(['pure-promotion']);
  });
});
