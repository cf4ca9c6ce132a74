import { describe, expect, it } from 'vitest';
import { ScoreResult } from '../../shared/messages.ts';
import { createMemoryStore } from '../current.ts';
import { createScoreHandler } from './score.ts';

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

  it('remembers nothing for a sender without a tab', async () => {
    const store = createMemoryStore();
    const reply = await createScoreHandler(store)(req, { id: 'me' });
    expect(reply.ok).toBe(true);
    for (const tabId of [-1, 0, 1]) expect(await store.get(tabId)).toBeNull();
  });

  it('adds history nudges from the ledger, looking back from the handler clock', async () => {
    const since: (Date | string | undefined)[] = [];
    const history = {
      async list(options?: { since?: Date | string }) {
        since.push(options?.since);
        return Array.from({ length: 7 }, (_, h) => ({
          at: `2026-11-02T0${h + 1}:00:00Z`,
          type: 'published' as const,
          platform: 'x' as const,
          kind: 'post' as const,
          text: `update number ${h}`,
        }));
      },
    };
    const reply = await createScoreHandler(
      createMemoryStore(),
      () => at,
      history,
    )(
      { ...req, text: 'We moved support to a four-day week and response times held. Anyone else tried it?' },
      { id: 'me' },
    );
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.result.nudges.map((n) => n.id)).toContain('burst');
    expect(since[0]).toEqual(new Date(at.getTime() - 60 * 86_400_000));
  });

  it('still scores the draft when the ledger cannot be read', async () => {
    const broken = { list: () => Promise.reject(new Error('IndexedDB gone')) };
    const reply = await createScoreHandler(
      createMemoryStore(),
      () => at,
      broken,
    )({ ...req, text: 'FLASH SALE! 40% off, buy now' }, { id: 'me' });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.result.nudges.map((n) => n.id)).toEqual(['pure-promotion']);
  });
});
