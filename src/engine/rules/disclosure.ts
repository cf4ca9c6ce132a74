/**
 * `disclosure`: the draft talks up the organisation's own products (from the pack) without a
 * disclosure the pack accepts ("#ad", "I work at …"). A product with its own required disclosure
 * (`organisation.productDisclosures`) is disclosed only by that: the generic list holds words
 * such as "our", so "Acme Cloud cut our deploy times in half" would otherwise pass.
 */
import { z } from 'zod';
import { TermRef } from '../pack/schema-parts.ts';
import { matchEvidence, type RuleType } from './rule-type.ts';

const Params = z.lazy(() =>
  z.strictObject({
    subjects: TermRef,
    /** Names of term lists whose phrases count as a disclosure (the pack's and the organisation's). */
    disclosures: z.array(z.string().min(1)).min(1).max(10),
    /** When set, the subject must come with one of these (praise, a call to try or buy). */
    context: TermRef.optional(),
  }),
);

export const disclosure: RuleType<z.infer<typeof Params>> = {
  type: 'disclosure',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const subjects = ctx.terms(params.subjects, `${path}.subjects`);
    const disclosures = params.disclosures.map((name, i) => ctx.terms(name, `${path}.disclosures[${i}]`));
    const context = params.context === undefined ? undefined : ctx.terms(params.context, `${path}.context`);
    // Only when this rule's subjects are the organisation's products do their requirements apply.
    const required = params.subjects === 'org.products' ? ctx.productDisclosures() : [];
    return ({ doc, hits }) => {
      const named = hits[subjects];
      if (!named?.length) return null;
      if (context !== undefined && !hits[context]?.length) return null;
      // Products with a requirement the draft does not meet, then the others (generic disclosure).
      const undisclosed = required.flatMap((r) => {
        const product = hits[r.product];
        return product?.length && !hits[r.disclosures]?.length ? product : [];
      });
      const spans = new Set(required.flatMap((r) => (hits[r.product] ?? []).map((m) => m.start)));
      const others = named.filter((m) => !spans.has(m.start));
      const generic = others.length > 0 && !disclosures.some((d) => hits[d]?.length);
      const missing = [...undisclosed, ...(generic ? others : [])].sort((a, b) => a.start - b.start);
      if (missing.length === 0) return null;
      const evidence = matchEvidence(doc.text, missing);
      return { evidence, vars: { subject: evidence[0]?.text ?? '' } };
    };
  },
};
