/**
 * `near-duplicate`: the draft is (nearly) the same text as one already published on another
 * network. Word-trigram Jaccard similarity, robust to a changed hashtag or link, read from the
 * fingerprints the summary keeps (text/fingerprint.ts) rather than from past texts.
 */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { DAY, platformName } from '../history/time.ts';
import { fingerprint } from '../text/fingerprint.ts';

const Params = z.lazy(() =>
  z.strictObject({
    windowDays: Num.default(14),
    similarity: Num.default(0.6),
    otherPlatformsOnly: z.boolean().default(true),
    minWords: Num.default(6),
  }),
);

export const nearDuplicate: RuleType<z.infer<typeof Params>> = {
  type: 'near-duplicate',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const windowMs = ctx.num(params.windowDays, `${path}.windowDays`) * DAY;
    const similarity = ctx.num(params.similarity, `${path}.similarity`);
    const minWords = ctx.num(params.minWords, `${path}.minWords`);
    return ({ summary, now, doc, draft }) => {
      if (!summary?.fingerprinted || doc.features.words < minWords) return null;
      const end = now.getTime();
      const except = params.otherPlatformsOnly ? draft.platform : undefined;
      const found = summary.similar(fingerprint(doc.tokens), end - windowMs, end, similarity, except);
      if (!found) return null;
      const days = Math.floor((end - found.entry.t) / DAY);
      const when = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
      const platform = platformName(found.entry.platform);
      return {
        evidence: [
          { text: `${Math.round(found.similarity * 100)}% the same as your ${platform} post ${when}` },
        ],
        vars: { platform, when },
      };
    };
  },
};
