/** `ratio`: too large a share of recent posts matched another rule (promotion, by default). */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { timeline } from '../history/time.ts';

const Params = z.strictObject({
  classifier: z.string().min(1),
  last: Num.default(10),
  maxShare: Num.default(0.2),
  minPosts: Num.default(5),
});

export const ratio: RuleType<z.infer<typeof Params>> = {
  type: 'ratio',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const last = ctx.num(params.last, `${path}.last`);
    const maxShare = ctx.num(params.maxShare, `${path}.maxShare`);
    const minPosts = ctx.num(params.minPosts, `${path}.minPosts`);
    return ({ history, now, classify }) => {
      if (!history) return null;
      const posts = timeline(history, now)
        .map((e) => e.event)
        .filter((e) => e.type === 'published' && e.kind === 'post' && e.text !== undefined)
        .slice(-last);
      if (posts.length < minPosts) return null;
      let hits = 0;
      for (const p of posts)
        if (
          p.type === 'published' &&
          classify(params.classifier, { text: p.text ?? '', platform: p.platform, kind: p.kind })
        )
          hits++;
      if (hits / posts.length <= maxShare) return null;
      return {
        evidence: [{ text: `${hits} of your last ${posts.length} posts were promotional` }],
        vars: { count: hits, total: posts.length, percent: Math.round((100 * hits) / posts.length) },
      };
    };
  },
};
