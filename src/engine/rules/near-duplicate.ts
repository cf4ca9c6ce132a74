/**
 * `near-duplicate`: the draft is (nearly) the same text as one already published on another
 * network. Word-trigram Jaccard similarity: robust to a changed hashtag or link.
 */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { DAY, platformName, timeline } from '../history/time.ts';
import { shingles, jaccard } from '../text/shingles.ts';

const Params = z.strictObject({
  windowDays: Num.default(14),
  similarity: Num.default(0.6),
  otherPlatformsOnly: z.boolean().default(true),
  minWords: Num.default(6),
});

export const nearDuplicate: RuleType<z.infer<typeof Params>> = {
  type: 'near-duplicate',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const windowMs = ctx.num(params.windowDays, `${path}.windowDays`) * DAY;
    const similarity = ctx.num(params.similarity, `${path}.similarity`);
    const minWords = ctx.num(params.minWords, `${path}.minWords`);
    return ({ history, now, doc, draft }) => {
      if (!history || doc.features.words < minWords) return null;
      const mine = shingles(doc.tokens);
      const since = now.getTime() - windowMs;
      for (const { event, t } of timeline(history, now).reverse()) {
        if (t < since) break;
        if (event.type !== 'published' || !event.text) continue;
        if (params.otherPlatformsOnly && event.platform === draft.platform) continue;
        const score = jaccard(mine, shingles(event.text));
        if (score >= similarity) {
          const days = Math.floor((now.getTime() - t) / DAY);
          const when = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
          return {
            evidence: [
              {
                text: `${Math.round(score * 100)}% the same as your ${platformName(event.platform)} post ${when}`,
              },
            ],
            vars: { platform: platformName(event.platform), when },
          };
        }
      }
      return null;
    };
  },
};
