// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  CONTEXT,
  MAX_MARK,
  MAX_QUOTES,
  evidenceNodes,
  quoteEvidence,
  type Segment,
} from '../../../src/content/card/excerpt.ts';

const at = (draft: string, words: string) => {
  const start = draft.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the draft`);
  return { text: words, start, end: start + words.length };
};
const flat = (quote: Segment[]) => quote.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('quoting evidence', () => {
  test('a short draft is quoted whole, the range marked', () => {
    const draft = 'Huge sale! 30% off all plans.';
    expect(quoteEvidence(draft, [at(draft, '30% off')])).toEqual({
      quotes: [[{ text: 'Huge sale! ' }, { text: '30% off', mark: true }, { text: ' all plans.' }]],
      facts: [],
    });
  });

  test('a long draft is cut around the range at word boundaries, with ellipses', () => {
    const before = 'We spent a long quarter rebuilding the onboarding flow from the ground up, ';
    const after = ' and we would love to hear what you think of the new steps once you have tried them';
    const draft = `${before}so buy the upgrade today${after}`;
    const [quote] = quoteEvidence(draft, [at(draft, 'buy the upgrade today')]).quotes;
    const text = flat(quote!);
    expect(text).toBe(
      '…onboarding flow from the ground up, so [buy the upgrade today] and we would love to hear what you…',
    );
    // About CONTEXT characters of context on each side, never a broken word.
    const [lead, rest] = text.split('[');
    expect(lead!.length).toBeLessThanOrEqual(CONTEXT + 1);
    expect(rest!.split(']')[1]!.length).toBeLessThanOrEqual(CONTEXT + 1);
    for (const word of text
      .replace(/[[\]…,]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)) {
      expect(draft).toMatch(new RegExp(`(^|\\s)${word}([\\s,.]|$)`));
    }
  });

  test('ranges close together share one quote; far apart, they get their own, at most two', () => {
    const filler = ' lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ';
    const draft = `Buy now, 20% off${filler}limited offer${filler}shop today${filler}act fast`;
    const evidence = ['Buy now', '20% off', 'limited offer', 'shop today', 'act fast'].map((w) =>
      at(draft, w),
    );
    const { quotes } = quoteEvidence(draft, evidence);
    expect(quotes).toHaveLength(MAX_QUOTES);
    expect(quotes[0]!.filter((s) => s.mark).map((s) => s.text)).toEqual(['Buy now', '20% off']);
    expect(quotes[1]!.filter((s) => s.mark).map((s) => s.text)).toEqual(['limited offer']);
  });

  test('overlapping ranges are one mark, in draft order whatever the evidence order', () => {
    const draft = 'Get 50% off everything this weekend only';
    const { quotes } = quoteEvidence(draft, [
      at(draft, 'this weekend'),
      at(draft, '50% off everything'),
      at(draft, 'off'),
    ]);
    expect(quotes.map(flat)).toEqual(['Get [50% off everything] [this weekend] only']);
  });

  test('history evidence (no range) is a plain fact, with its proper case', () => {
    const facts = ['6 posts in the last 24 hours', '2 waiting: LinkedIn (from @Dana)'];
    expect(
      quoteEvidence(
        'Anything',
        facts.map((text) => ({ text })),
      ),
    ).toEqual({ quotes: [], facts });
  });

  test('a range that no longer holds its words is found by them, or quoted alone', () => {
    // The answer was for the draft before "Hey! " was typed at the start.
    const draft = 'Hey! Huge sale today';
    expect(quoteEvidence(draft, [{ text: 'Huge sale', start: 0, end: 9 }]).quotes.map(flat)).toEqual([
      'Hey! [Huge sale] today',
    ]);
    expect(
      quoteEvidence('Something else now', [{ text: 'Huge sale', start: 0, end: 9 }]).quotes.map(flat),
    ).toEqual(['[Huge sale]']);
    // Out of bounds and empty ranges are not quoted from nowhere.
    expect(quoteEvidence('short', [{ text: '', start: 2, end: 1 }])).toEqual({ quotes: [], facts: [] });
  });

  test('a very long range (text over the limit) is cut inside the mark', () => {
    const draft = `Intro line. ${'x'.repeat(300)}`;
    const [quote] = quoteEvidence(draft, [{ text: draft.slice(12), start: 12, end: draft.length }]).quotes;
    const mark = quote!.find((s) => s.mark)!;
    expect(mark.text).toBe(`${'x'.repeat(MAX_MARK)}…`);
    expect(flat(quote!)).toBe(`Intro line. [${'x'.repeat(MAX_MARK)}…]`);
  });

  test('cuts never split an emoji', () => {
    const draft = `${'🎉'.repeat(40)}BUY NOW${'🎉'.repeat(40)}`;
    const [quote] = quoteEvidence(draft, [at(draft, 'BUY NOW')]).quotes;
    const text = flat(quote!);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(text).toContain('[BUY NOW]');
  });
});

describe('evidence as DOM', () => {
  test('quotes are <q> with the range in <mark>, facts are paragraphs; markup stays text', () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    const draft = `Look ${evil} and buy now`;
    const nodes = evidenceNodes(document, draft, [
      at(draft, evil),
      at(draft, 'buy now'),
      { text: `3 posts ${evil}` },
    ]);
    expect(nodes.map((n) => n.localName)).toEqual(['q', 'p']);
    const [q, fact] = nodes as [HTMLElement, HTMLElement];
    expect([...q.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([evil, 'buy now']);
    expect(q.textContent).toBe(draft);
    expect(fact.className).toBe('fact');
    expect(fact.textContent).toBe(`3 posts ${evil}`);
    expect(q.querySelector('img')).toBeNull();
    expect(fact.querySelector('img')).toBeNull();
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});
