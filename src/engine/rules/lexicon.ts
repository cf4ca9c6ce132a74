/**
 * `lexicon`: terms that must not appear (confidential names) or must not pile up (buzzwords).
 * Fires at `min` matches, or earlier when the matches are dense for the draft's length.
 */
import { z } from 'zod';
import { Num, TermRef } from '../pack/schema-parts.ts';
import { matchEvidence, type RuleType } from './rule-type.ts';

const Params = z.lazy(() =>
  z.strictObject({
    terms: TermRef,
    min: Num.default(1),
    /** Matches per 100 words at which `minForDensity` matches are already enough. */
    density: Num.optional(),
    minForDensity: Num.optional(),
  }),
);

export const lexicon: RuleType<z.infer<typeof Params>> = {
  type: 'lexicon',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const list = ctx.terms(params.terms, `${path}.terms`);
    const min = ctx.num(params.min, `${path}.min`);
    const density = params.density === undefined ? Infinity : ctx.num(params.density, `${path}.density`);
    const minForDensity =
      params.minForDensity === undefined ? min : ctx.num(params.minForDensity, `${path}.minForDensity`);
    return ({ doc, hits }) => {
      const matches = hits[list] ?? [];
      const count = matches.length;
      if (count === 0) return null;
      const per100 = (count * 100) / Math.max(doc.features.words, 1);
      if (count < min && !(count >= minForDensity && per100 >= density)) return null;
      const evidence = matchEvidence(doc.text, matches, 8);
      // One mention per term, as the person wrote it the first time ("Project Falcon", not "project falcon").
      const seen = new Map<string, string>();
      for (const e of evidence) if (!seen.has(e.text.toLowerCase())) seen.set(e.text.toLowerCase(), e.text);
      const terms = [...seen.values()].join(', ');
      return { evidence, vars: { count, terms } };
    };
  },
};
