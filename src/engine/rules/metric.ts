/**
 * `metric`: a measured value against a per-network limit: length (as the network counts it),
 * hashtags, mentions, or where the first sentence ends (LinkedIn's "see more" fold).
 */
import { z } from 'zod';
import { FEATURE_INDEX, FEATURES } from '../text/features.ts';
import { Num, Platform } from '../pack/schema-parts.ts';
import type { Evidence, Platform as PlatformId } from '../types.ts';
import type { RuleType } from './rule-type.ts';
import { platformName } from '../history/time.ts';
import { measureLength } from '../text/length.ts';

/** Evidence excerpts stop here: enough to find the spot, not a copy of the draft. */
const EXCERPT = 80;

const Limit = z.lazy(() => z.union([Num, z.partialRecord(Platform, Num)]));

const Params = z.lazy(() =>
  z.strictObject({
    measure: z.union([z.literal('length'), z.enum(FEATURES)]),
    max: Limit,
    /** For length: how many characters a URL counts as (X and Mastodon count every link as 23). */
    urlLength: z.partialRecord(Platform, z.number().int().min(1).max(100)).optional(),
    /** For length: networks that count CJK characters and emoji double (X). */
    doubleWide: z.array(Platform).optional(),
    /** Only measure drafts longer than this many characters (a fold only hides what is past it). */
    whenLongerThan: Num.optional(),
  }),
);

export const metric: RuleType<z.infer<typeof Params>> = {
  type: 'metric',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const max: Partial<Record<PlatformId, number>> | number =
      typeof params.max === 'object'
        ? Object.fromEntries(Object.entries(params.max).map(([p, v]) => [p, ctx.num(v, `${path}.max.${p}`)]))
        : ctx.num(params.max, `${path}.max`);
    const longerThan =
      params.whenLongerThan === undefined ? -1 : ctx.num(params.whenLongerThan, `${path}.whenLongerThan`);
    const doubleWide = new Set(params.doubleWide ?? []);
    const index = params.measure === 'length' ? -1 : FEATURE_INDEX[params.measure];
    return ({ doc, draft }) => {
      const limit = typeof max === 'number' ? max : max[draft.platform];
      if (limit === undefined || doc.text.length <= longerThan) return null;
      let value: number;
      let evidence: Evidence;
      // Each measure is compared with the limit before its evidence is made: most drafts are
      // within it, and a copy of their text or a sentence about their count would be thrown away.
      if (params.measure === 'length') {
        // Most drafts are far below the limit: an upper bound settles them without a walk.
        const urlLength = params.urlLength?.[draft.platform] ?? 0;
        const wide = doubleWide.has(draft.platform) ? 2 : 1;
        if (doc.text.length * wide + doc.features.urls * urlLength <= limit) return null;
        const m = measureLength(
          doc,
          limit,
          params.urlLength?.[draft.platform] ?? 0,
          doubleWide.has(draft.platform),
        );
        value = m.length;
        if (value <= limit) return null;
        // The evidence is the part past the limit (its start, up to a readable excerpt).
        const end = Math.min(doc.text.length, m.overflowAt + EXCERPT);
        evidence = { text: doc.text.slice(m.overflowAt, end), start: m.overflowAt, end };
      } else if (params.measure === 'first-sentence-chars') {
        value = doc.values[index]!;
        if (value <= limit) return null;
        const end = Math.min(value, EXCERPT);
        evidence = { text: doc.text.slice(0, end), start: 0, end };
      } else {
        value = doc.values[index]!;
        if (value <= limit) return null;
        evidence = { text: `${value} ${params.measure} (limit ${limit})` };
      }
      return {
        evidence: [evidence],
        vars: { value, max: limit, over: value - limit, platform: platformName(draft.platform) },
      };
    };
  },
};
