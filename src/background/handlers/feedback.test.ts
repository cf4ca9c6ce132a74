import { describe, expect, it } from 'vitest';
import { createFeedbackHandlers, FEEDBACK_KEY, MAX_FEEDBACK_IDS, type FeedbackArea } from './feedback.ts';

/** A `storage.local` stand-in that, like the real one, hands out copies. */
function memoryArea(initial: Record<string, unknown> = {}) {
  const items = structuredClone(initial);
  const writes: unknown[] = [];
  const area: FeedbackArea = {
    async get(key) {
      const found = key in items ? { [key]: structuredClone(items[key]) } : {};
      // The answer takes a while to arrive: a write meanwhile is not in it.
      await new Promise((r) => setTimeout(r, 1));
      return found;
    },
    async set(next) {
      writes.push(structuredClone(next));
      Object.assign(items, structuredClone(next));
    },
  };
  return { area, items, writes };
}

const notHelpful = (nudgeId: string, undo?: boolean) =>
  ({ type: 'feedback', nudgeId, verdict: 'not-helpful', ...(undo === undefined ? {} : { undo }) }) as const;

describe('feedback handlers', () => {
  it('counts "not helpful" per nudge id in storage.local and reads the counts back', async () => {
    const { area, items } = memoryArea();
    const handlers = createFeedbackHandlers(area);
    expect(await handlers.getFeedback()).toEqual({ ok: true, feedback: {} });
    expect(await handlers.feedback(notHelpful('pure-promotion'))).toEqual({ ok: true });
    expect(await handlers.feedback(notHelpful('pure-promotion'))).toEqual({ ok: true });
    expect(await handlers.feedback(notHelpful('no-invitation'))).toEqual({ ok: true });
    expect(items[FEEDBACK_KEY]).toEqual({
      'pure-promotion': { notHelpful: 2 },
      'no-invitation': { notHelpful: 1 },
    });
    expect(await handlers.getFeedback()).toEqual({
      ok: true,
      feedback: { 'pure-promotion': { notHelpful: 2 }, 'no-invitation': { notHelpful: 1 } },
    });
    // A new worker (after a restart) reads the same counts.
    expect(await createFeedbackHandlers(area).getFeedback()).toEqual(await handlers.getFeedback());
  });

  it('counts clicks that come together, each once', async () => {
    const { area } = memoryArea();
    const handlers = createFeedbackHandlers(area);
    await Promise.all([
      handlers.feedback(notHelpful('burst')),
      handlers.feedback(notHelpful('burst')),
      handlers.feedback(notHelpful('silence')),
      handlers.feedback(notHelpful('burst')),
    ]);
    expect(await handlers.getFeedback()).toEqual({
      ok: true,
      feedback: { burst: { notHelpful: 3 }, silence: { notHelpful: 1 } },
    });
  });

  it('Undo takes one back, never below zero, and an id back at zero is forgotten', async () => {
    const { area, items } = memoryArea();
    const handlers = createFeedbackHandlers(area);
    await handlers.feedback(notHelpful('corporate-voice'));
    await handlers.feedback(notHelpful('corporate-voice'));
    await handlers.feedback(notHelpful('corporate-voice', true));
    expect(items[FEEDBACK_KEY]).toEqual({ 'corporate-voice': { notHelpful: 1 } });
    await handlers.feedback(notHelpful('corporate-voice', true));
    await handlers.feedback(notHelpful('corporate-voice', true));
    await handlers.feedback(notHelpful('canned-reply', true));
    expect(items[FEEDBACK_KEY]).toEqual({});
  });

  it('keeps the entries of a damaged store that still parse', async () => {
    const { area } = memoryArea({
      [FEEDBACK_KEY]: {
        'pure-promotion': { notHelpful: 4 },
        'no-invitation': { notHelpful: 'many' },
        'NOT AN ID': { notHelpful: 1 },
      },
    });
    const handlers = createFeedbackHandlers(area);
    expect(await handlers.getFeedback()).toEqual({
      ok: true,
      feedback: { 'pure-promotion': { notHelpful: 4 } },
    });
    await handlers.feedback(notHelpful('no-invitation'));
    expect(await handlers.getFeedback()).toEqual({
      ok: true,
      feedback: { 'pure-promotion': { notHelpful: 4 }, 'no-invitation': { notHelpful: 1 } },
    });
    for (const junk of [null, 'text', 42, []]) {
      expect(await createFeedbackHandlers(memoryArea({ [FEEDBACK_KEY]: junk }).area).getFeedback()).toEqual({
        ok: true,
        feedback: {},
      });
    }
  });

  it('an id named like an Object property is counted as any other', async () => {
    const { area } = memoryArea();
    const handlers = createFeedbackHandlers(area);
    await handlers.feedback(notHelpful('constructor'));
    await handlers.feedback(notHelpful('tostring'));
    expect(await handlers.getFeedback()).toEqual({
      ok: true,
      feedback: { constructor: { notHelpful: 1 }, tostring: { notHelpful: 1 } },
    });
  });

  it('refuses a new id once the store holds the most it keeps; known ids still count', async () => {
    const full = Object.fromEntries(
      Array.from({ length: MAX_FEEDBACK_IDS }, (_, i) => [`rule-${i}`, { notHelpful: 1 }]),
    );
    const { area, writes } = memoryArea({ [FEEDBACK_KEY]: full });
    const handlers = createFeedbackHandlers(area);
    expect(await handlers.feedback(notHelpful('one-too-many'))).toMatchObject({
      ok: false,
      error: expect.stringContaining(String(MAX_FEEDBACK_IDS)),
    });
    expect(writes).toEqual([]);
    expect(await handlers.feedback(notHelpful('rule-7'))).toEqual({ ok: true });
    const counts = await handlers.getFeedback();
    expect(counts.ok && counts.feedback['rule-7']).toEqual({ notHelpful: 2 });
  });
});
