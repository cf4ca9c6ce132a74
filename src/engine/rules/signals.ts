/**
 * `signals`: a weighted sum of evidence. Term lists and text features add (or, with a negative
 * weight, subtract) to a score; the rule fires at `threshold`. This is how the judgement nudges
 * (promotion, filler, engagement bait, canned replies) weigh several weak general signals
 * instead of trusting one phrase.
 */
import { z } from 'zod';
import { FEATURES } from '../text/features.ts';
import { Num, TermRef } from '../pack/schema-parts.ts';
import { matchEvidence, type RuleType } from './rule-type.ts';
import type { Match } from '../text/lexicon.ts';

const NONE: readonly Match[] = [];

const Signal = z
  .strictObject({
    name: z.string().max(60).optional(),
    terms: TermRef.optional(),
    feature: z.enum(FEATURES).optional(),
    /** `start`: only term matches that open a sentence or clause (imperatives, greetings). */
    at: z.enum(['anywhere', 'start']).default('anywhere'),
    /** With a feature: the signal counts once when the feature's value is within these bounds. */
    atLeast: Num.optional(),
    atMost: Num.optional(),
    weight: Num,
    /** Counts above this add nothing more. */
    max: z.number().int().min(1).max(100).default(3),
  })
  .refine((s) => (s.terms === undefined) !== (s.feature === undefined), {
    message: 'a signal needs exactly one of "terms" or "feature"',
  });

const Params = z.strictObject({
  signals: z.array(Signal).min(1).max(50),
  threshold: Num,
  /** At least one of these named signals must be present for the rule to fire. */
  requires: z.array(z.string()).optional(),
});

interface CompiledSignal {
  name: string | undefined;
  list?: string;
  feature?: (typeof FEATURES)[number];
  start: boolean;
  atLeast: number;
  atMost: number;
  weight: number;
  max: number;
}

export const signals: RuleType<z.infer<typeof Params>> = {
  type: 'signals',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const list: CompiledSignal[] = params.signals.map((s, i) => {
      const at = `${path}.signals[${i}]`;
      return {
        name: s.name,
        ...(s.terms !== undefined ? { list: ctx.terms(s.terms, `${at}.terms`) } : {}),
        ...(s.feature !== undefined ? { feature: s.feature } : {}),
        start: s.at === 'start',
        atLeast: s.atLeast === undefined ? -Infinity : ctx.num(s.atLeast, `${at}.atLeast`),
        atMost: s.atMost === undefined ? Infinity : ctx.num(s.atMost, `${at}.atMost`),
        weight: ctx.num(s.weight, `${at}.weight`),
        max: s.max,
      };
    });
    const threshold = ctx.num(params.threshold, `${path}.threshold`);
    const names = new Set(list.map((s) => s.name).filter(Boolean));
    for (const r of params.requires ?? [])
      if (!names.has(r)) ctx.problem(`${path}.requires`, `no signal is named "${r}"`);
    const requires = params.requires ? new Set(params.requires) : null;

    return ({ doc, hits }) => {
      let score = 0;
      let required = requires === null;
      // Evidence is gathered only for rules that fire: most drafts fire nothing.
      const positive: (readonly Match[])[] = [];
      for (const s of list) {
        let count: number;
        let matches: readonly Match[] = NONE;
        if (s.list !== undefined) {
          matches = hits.get(s.list) ?? NONE;
          if (s.start && matches.length) matches = matches.filter((m) => doc.tokens[m.first]!.sentenceStart);
          count = matches.length;
        } else {
          const v = doc.features[s.feature!];
          count =
            s.atLeast !== -Infinity || s.atMost !== Infinity ? (v >= s.atLeast && v <= s.atMost ? 1 : 0) : v;
        }
        if (count === 0) continue;
        score += Math.min(count, s.max) * s.weight;
        if (s.weight > 0) {
          if (matches.length) positive.push(matches);
          if (!required && s.name !== undefined && requires!.has(s.name)) required = true;
        }
      }
      if (!required || score < threshold) return null;
      // Two lists may match the same words ("Shop" as a call to buy and in "Shop now"): keep
      // the widest match and drop ranges inside one already kept.
      const sorted = positive.flat().sort((a, b) => a.start - b.start || b.end - a.end);
      const evidence: Match[] = [];
      for (const m of sorted)
        if (!evidence.length || m.end > evidence[evidence.length - 1]!.end) evidence.push(m);
      return { evidence: matchEvidence(doc.text, evidence), vars: { score: Math.round(score * 10) / 10 } };
    };
  },
};
