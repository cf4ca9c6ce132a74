/**
 * `ratio`: too large a share of recent posts matched another rule (promotion, by default). Each
 * post's flag was set once, when it was recorded (or, for a raw event without one, the first time
 * it was needed), by the rule this names: the pack's classifier (see compile.ts `promotion`).
 */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { perMinute } from './per-minute.ts';

const Params = z.lazy(() =>
  z.strictObject({
    classifier: z.string().min(1),
    last: Num.default(10),
    maxShare: Num.default(0.2),
    minPosts: Num.default(5),
  }),
);

export const ratio: RuleType<z.infer<typeof Params>> = {
  type: 'ratio',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const last = ctx.num(params.last, `${path}.last`);
    const maxShare = ctx.num(params.maxShare, `${path}.maxShare`);
    const minPosts = ctx.num(params.minPosts, `${path}.minPosts`);
    return perMinute(({ summary, now }) => {
      if (!summary) return null;
      const posts = summary.lastFlaggedPosts(now.getTime(), last);
      if (posts.length < minPosts || posts.length === 0) return null;
      const hits = posts.filter((p) => p.promotional).length;
      if (hits / posts.length <= maxShare) return null;
      return {
        evidence: [{ text: `${hits} of your last ${posts.length} posts were promotional` }],
        vars: { count: hits, total: posts.length, percent: Math.round((100 * hits) / posts.length) },
      };
    });
  },
};
