/**
 * `disclosure`: the draft talks up the organisation's own products (from the pack) without a
 * disclosure the pack accepts ("#ad", "I work at …").
 */
import { z } from 'zod';
import { TermRef } from '../pack/schema-parts.ts';
import { matchEvidence, type RuleType } from './rule-type.ts';

const Params = z.strictObject({
  subjects: TermRef,
  /** Names of term lists whose phrases count as a disclosure (the pack's and the organisation's). */
  disclosures: z.array(z.string().min(1)).min(1).max(10),
  /** When set, the subject must come with one of these (praise, a call to try or buy). */
  context: TermRef.optional(),
});

export const disclosure: RuleType<z.infer<typeof Params>> = {
  type: 'disclosure',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const subjects = ctx.terms(params.subjects, `${path}.subjects`);
    const disclosures = params.disclosures.map((name, i) => ctx.terms(name, `${path}.disclosures[${i}]`));
    const context = params.context === undefined ? undefined : ctx.terms(params.context, `${path}.context`);
    return ({ doc, hits }) => {
      const named = hits.get(subjects);
      if (!named?.length || disclosures.some((d) => hits.get(d)?.length)) return null;
      if (context !== undefined && !hits.get(context)?.length) return null;
      const evidence = matchEvidence(doc.text, named);
      return { evidence, vars: { subject: evidence[0]?.text ?? '' } };
    };
  },
};
