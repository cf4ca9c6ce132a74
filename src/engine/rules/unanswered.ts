/**
 * `unanswered`: comments on the person's items with no answer from them yet, counted and placed
 * ("3 on LinkedIn, 1 on X"), questions first, then the longest waiting.
 */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import type { Evidence } from '../types.ts';
import { DAY, HOUR, platformName } from '../history/time.ts';
import type { ReceivedEntry } from '../history/summary.ts';

const Params = z.strictObject({ windowDays: Num.default(14), min: Num.default(1) });

/** Items named one by one in the evidence (the count covers them all). */
const NAMED = 3;

export const unanswered: RuleType<z.infer<typeof Params>> = {
  type: 'unanswered',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const windowMs = ctx.num(params.windowDays, `${path}.windowDays`) * DAY;
    const min = ctx.num(params.min, `${path}.min`);
    return ({ summary, now }) => {
      if (!summary) return null;
      const end = now.getTime();
      const items = summary.waiting(end - windowMs, end);
      const count = items.length;
      if (count < min || count === 0) return null;
      const perPlatform = new Map<string, number>();
      for (const item of items) perPlatform.set(item.platform, (perPlatform.get(item.platform) ?? 0) + 1);
      // Most first; a tie keeps the order of the list (questions, then the longest waiting).
      const where = [...perPlatform]
        .sort((a, b) => b[1] - a[1])
        .map(([p, n]) => `${n} on ${platformName(p)}`)
        .join(', ');
      const questions = items.filter((i) => i.question).length;
      const from = items
        .map((i) => i.from)
        .filter(Boolean)
        .slice(0, NAMED);
      const oldest = Math.min(...items.map((i) => i.t));
      const evidence: Evidence[] = [
        { text: `${count} waiting: ${where}${from.length ? ` (from ${from.join(', ')})` : ''}` },
        ...items.slice(0, NAMED).map((item) => ({ text: describe(item, end) })),
      ];
      return {
        evidence,
        vars: {
          count,
          where,
          s: count === 1 ? '' : 's',
          questions,
          oldest: waited(end - oldest),
        },
      };
    };
  },
};

function waited(ms: number): string {
  const days = Math.floor(ms / DAY);
  if (days >= 1) return days === 1 ? '1 day' : `${days} days`;
  const hours = Math.floor(ms / HOUR);
  return hours <= 1 ? 'an hour' : `${hours} hours`;
}

function describe(item: ReceivedEntry, now: number): string {
  const who = item.from ?? 'someone';
  const what = item.question ? 'asked' : 'wrote';
  const excerpt = item.excerpt ? `: “${item.excerpt}”` : '';
  return `${who} ${what} on ${platformName(item.platform)} ${waited(now - item.t)} ago${excerpt}`;
}
