/**
 * `unanswered`: comments on the person's items with no answer from them yet, counted and placed
 * ("3 on LinkedIn, 1 on X"), questions first, then the longest waiting.
 */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { perMinute } from './per-minute.ts';
import type { Evidence } from '../types.ts';
import { DAY, HOUR, platformName } from '../history/time.ts';
import type { ReceivedEntry } from '../history/summary.ts';

const Params = z.lazy(() => z.strictObject({ windowDays: Num.default(14), min: Num.default(1) }));

/** Items named one by one in the evidence (the count covers them all). */
const NAMED = 3;

export const unanswered: RuleType<z.infer<typeof Params>> = {
  type: 'unanswered',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const windowMs = ctx.num(params.windowDays, `${path}.windowDays`) * DAY;
    const min = ctx.num(params.min, `${path}.min`);
    return perMinute(({ summary, now }) => {
      if (!summary) return null;
      const end = now.getTime();
      const since = end - windowMs;
      const { total: count, perPlatform, questions, oldest } = summary.waitingCount(since, end);
      if (count < min || count === 0) return null;
      const named = summary.firstWaiting(since, end, NAMED);
      // Most first; on a tie, the network whose comment has waited longest.
      const where = [...perPlatform]
        .sort((a, b) => b[1].count - a[1].count || a[1].oldest - b[1].oldest)
        .map(([p, { count: n }]) => `${n} on ${platformName(p)}`)
        .join(', ');
      const from = named.flatMap((i) => (i.from ? [i.from] : []));
      const evidence: Evidence[] = [
        { text: `${count} waiting: ${where}${from.length ? ` (from ${from.join(', ')})` : ''}` },
        ...named.map((item) => ({ text: describe(item, end) })),
      ];
      return {
        evidence,
        vars: {
          count,
          where,
          s: count === 1 ? '' : 's',
          questions,
          oldest: waited(end - (oldest ?? end)),
        },
      };
    });
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
