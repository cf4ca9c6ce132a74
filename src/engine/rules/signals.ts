/**
 * `signals`: a weighted sum of evidence. Term lists and text features add (or, with a negative
 * weight, subtract) to a score; the rule fires at `threshold`. This is how the judgement nudges
 * (filler, engagement bait, canned replies) weigh several weak general signals instead of
 * trusting one phrase.
 */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import { matchEvidence, type Evaluate, type RuleType } from './rule-type.ts';
import {
  compileSignals,
  featurePresent,
  scoreSignals,
  Signal,
  sumSignals,
  widest,
  type CompiledSignal,
} from './signal-sum.ts';
import type { Hits } from '../text/lexicon.ts';
import type { Doc } from '../text/features.ts';
import type { Kind } from '../types.ts';

const Params = z.lazy(() =>
  z.strictObject({
    signals: z.array(Signal).min(1).max(50),
    threshold: Num,
    /** At least one of these named signals must be present for the rule to fire. */
    requires: z.array(z.string()).optional(),
  }),
);

export const signals: RuleType<z.infer<typeof Params>> = {
  type: 'signals',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const list = compileSignals(params.signals, ctx, `${path}.signals`);
    const threshold = ctx.num(params.threshold, `${path}.threshold`);
    const names = new Set(list.map((s) => s.name).filter(Boolean));
    for (const r of params.requires ?? [])
      if (!names.has(r)) ctx.problem(`${path}.requires`, `no signal is named "${r}"`);
    const requires = params.requires ?? null;
    // The term lists of the required signals: a draft with no match of any cannot hold one, and
    // is settled by these reads before the sum (most drafts ask for nothing, say, for reach).
    // A required feature signal may be present in any draft: then nothing is ruled out here.
    const required = requires ? list.filter((s) => s.name !== undefined && requires.includes(s.name)) : [];
    const gate = required.every((s) => s.list !== undefined) ? required.map((s) => s.list!) : [];
    // Required signals that are all features ("long": 20 words or more) are read before the sum.
    const featureGate = required.length && required.every((s) => s.list === undefined) ? required : null;
    // A rule whose feature signals cannot reach its threshold on their own needs a match of one of
    // its adding term lists: a draft with none is settled by these reads before the sum.
    const adding = featureReach(list) < threshold - REACH_MARGIN ? addingLists(list) : [];

    const evaluate: Evaluate = ({ doc, hits, draft }) => {
      if (gate.length && !mayHoldAny(gate, hits)) return null;
      if (featureGate && !anyFeaturePresent(featureGate, doc, draft.kind)) return null;
      if (adding.length && !mayHoldAny(adding, hits)) return null;
      if (scoreSignals(list, doc, hits, draft.kind) < threshold) return null;
      const sum = sumSignals(list, doc, hits, draft.kind);
      if (requires && !anyNamed(requires, sum.named)) return null;
      // Evidence is gathered only for rules that fire: most drafts fire nothing.
      return {
        evidence: matchEvidence(doc.text, widest(sum.positive)),
        vars: { score: Math.round(sum.score * 10) / 10 },
      };
    };
    // What `rapport pack fit --signals` reads to weigh the rule's own signals (fit-signals.ts).
    return Object.assign(evaluate, { signals: list });
  },
};

/**
 * How far below the threshold the feature signals' most must stay for `adding` to gate a rule: the
 * sum is of floating-point numbers, added in another order than here, so a bound that only just
 * falls short is not trusted.
 */
const REACH_MARGIN = 1e-9;

/**
 * The most the feature signals with a positive weight can add to a sum (each counts at most its
 * `max`, or once when it has bounds, as featureCount counts it): an upper bound of a draft's sum
 * when no term list adds to it, whatever the draft.
 */
function featureReach(list: readonly CompiledSignal[]): number {
  let most = 0;
  for (const s of list) {
    if (s.list !== undefined || s.weight <= 0) continue;
    const bounded = s.atLeast !== -Infinity || s.atMost !== Infinity;
    most += s.weight * (bounded ? 1 : s.max);
  }
  return most;
}

/** The term lists of the signals with a positive weight, each once. */
function addingLists(list: readonly CompiledSignal[]): number[] {
  const lists: number[] = [];
  for (const s of list)
    if (s.list !== undefined && s.weight > 0 && !lists.includes(s.list)) lists.push(s.list);
  return lists;
}

/** Whether any of these lists matched in the draft. */
function mayHoldAny(lists: readonly number[], hits: Hits): boolean {
  for (const l of lists) if (hits[l] !== undefined) return true;
  return false;
}

/**
 * Whether any of these feature signals counts in the draft. A loop in a function of its own, not
 * `some` with an arrow in `evaluate`: an arrow there that reads `doc` and `draft` makes every call
 * of every signals rule allocate a context for them, whether or not the rule has this gate.
 */
function anyFeaturePresent(gate: readonly CompiledSignal[], doc: Doc, kind: Kind): boolean {
  for (const s of gate) if (featurePresent(s, doc, kind)) return true;
  return false;
}

/** Whether any of these names is among the present signals' (a loop, for the reason above). */
function anyNamed(names: readonly string[], present: ReadonlySet<string>): boolean {
  for (const name of names) if (present.has(name)) return true;
  return false;
}
