import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BACKOFF_S,
  EXCERPT,
  MAX_ITEMS,
  agoTime,
  budgetWait,
  distinct,
  excerpt,
  htmlText,
  item,
  retryAfterOf,
  secondsUntil,
} from '../../../src/content/readers/reader.ts';

const now = new Date('2026-11-20T12:00:00Z');

describe('rate limits', () => {
  it('reads a wait as seconds, a Unix time or a date, within a day', () => {
    expect(secondsUntil('120', now)).toBe(120);
    expect(secondsUntil('0.4', now)).toBe(1);
    expect(secondsUntil(String(now.getTime() / 1000 + 300), now)).toBe(300);
    expect(secondsUntil('2026-11-20T12:05:00.000Z', now)).toBe(300);
    expect(secondsUntil('Fri, 20 Nov 2026 12:10:00 GMT', now)).toBe(600);
    expect(secondsUntil('9999999', now)).toBe(86_400);
    expect(secondsUntil('soon', now)).toBeUndefined();
    expect(secondsUntil(null, now)).toBeUndefined();
  });

  it('prefers Retry-After, then the reset time, then a default', () => {
    expect(retryAfterOf(new Headers({ 'retry-after': '30', 'x-ratelimit-reset': '400' }), now)).toBe(30);
    expect(retryAfterOf(new Headers({ 'x-ratelimit-reset': '400' }), now)).toBe(400);
    expect(retryAfterOf(new Headers(), now)).toBe(DEFAULT_BACKOFF_S);
  });

  it('stops before the budget is spent, not while plenty is left', () => {
    expect(
      budgetWait(new Headers({ 'x-ratelimit-remaining': '99.0', 'x-ratelimit-reset': '420' }), now),
    ).toBe(undefined);
    expect(budgetWait(new Headers({ 'x-ratelimit-remaining': '2.0', 'x-ratelimit-reset': '420' }), now)).toBe(
      420,
    );
    expect(budgetWait(new Headers({ 'ratelimit-remaining': '0' }), now)).toBe(60);
    expect(budgetWait(new Headers(), now)).toBeUndefined();
  });
});

describe('text', () => {
  it('takes the text out of sanitised HTML, entities decoded, without a parser', () => {
    expect(
      htmlText('<p>Fish &amp; chips&#33; <a href="x">&lt;b&gt;</a><br/>next</p><p>para&#x1F600;</p>'),
    ).toBe('Fish & chips! <b> next para😀 ');
    expect(htmlText('&bogus; &#0;')).toBe('&bogus; &#0;');
  });

  it('excerpts fold whitespace and stop at the limit', () => {
    expect(excerpt('  a \n\n b  ')).toBe('a b');
    expect(excerpt('   ')).toBeUndefined();
    const long = excerpt('word '.repeat(200))!;
    expect(long).toHaveLength(EXCERPT);
    expect(long.endsWith('…')).toBe(true);
  });

  it('turns printed relative times back into times', () => {
    expect(agoTime('2h', now)).toBe('2026-11-20T10:00:00.000Z');
    expect(agoTime('45m', now)).toBe('2026-11-20T11:15:00.000Z');
    expect(agoTime('3 days ago', now)).toBe('2026-11-17T12:00:00.000Z');
    expect(agoTime('1 week ago', now)).toBe('2026-11-13T12:00:00.000Z');
    expect(agoTime('2 months ago', now)).toBe('2026-09-21T12:00:00.000Z');
    expect(agoTime('Yesterday', now)).toBeUndefined();
  });
});

describe('items', () => {
  it('keep each id once and at most the message limit', () => {
    const many = Array.from({ length: MAX_ITEMS + 20 }, (_, i) =>
      item({ id: String(i % (MAX_ITEMS + 10)), at: 'x' }),
    );
    const kept = distinct(many);
    expect(kept).toHaveLength(MAX_ITEMS);
    expect(new Set(kept.map((i) => i.id)).size).toBe(MAX_ITEMS);
  });

  it('carry only the fields that have a value, capped', () => {
    expect(item({ id: 'a', at: 't', from: undefined, text: '', url: 'u'.repeat(3000) })).toEqual({
      id: 'a',
      at: 't',
      url: 'u'.repeat(2048),
    });
  });
});
