/** `burst`: many posts in a short window, the pattern that precedes a long silence. */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { perMinute } from './per-minute.ts';
import { HOUR } from '../history/time.ts';

const Params = z.lazy(() => z.strictObject({ windowHours: Num.default(24), maxPosts: Num.default(5) }));

export const burst: RuleType<z.infer<typeof Params>> = {
  type: 'burst',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const hours = ctx.num(params.windowHours, `${path}.windowHours`);
    const maxPosts = ctx.num(params.maxPosts, `${path}.maxPosts`);
    return perMinute(({ summary, now }) => {
      if (!summary) return null;
      const end = now.getTime();
      const count = summary.postsBetween(end - hours * HOUR, end);
      if (count <= maxPosts) return null;
      return { evidence: [{ text: `${count} posts in the last ${hours} hours` }], vars: { count, hours } };
    });
  },
};
