/**
 * A rule type is code; a rule is data in a pack that names its type and fills its params
 * (as in Vale). Each type compiles its params once into an `Evaluate` closure.
 */
import type { z } from 'zod';
import type { Hits, Match } from '../text/lexicon.ts';
import type { Doc } from '../text/features.ts';
import type { Draft, Evidence } from '../types.ts';
import type { HistorySummary } from '../history/summary.ts';
import type { Num, TermRef } from '../pack/schema-parts.ts';

export interface RuleEnv {
  doc: Doc;
  /** The lexicon's matches per term list, by the list's index (see CompileContext.terms); undefined: none. */
  hits: Hits;
  draft: Draft;
  /**
   * The person's history, summarised (history/summary.ts): history rules read it, never raw
   * events, so a score costs the same with five thousand events as with none. Absent: no history.
   */
  summary: HistorySummary | undefined;
  now: Date;
}

export interface Finding {
  evidence: Evidence[];
  /** Values for `{name}` placeholders in the rule's message. */
  vars?: Record<string, string | number>;
}

export type Evaluate = (env: RuleEnv) => Finding | null;

export interface CompileContext {
  /** Resolves a number or a threshold name; records a problem at `path` when unknown. */
  num(value: Num, path: string): number;
  /**
   * Resolves a term reference to the index of a list in the pack's lexicon: rules read their
   * matches as `hits[index]`, an array read where a lookup by name would hash a string.
   */
  terms(ref: TermRef, path: string): number;
  problem(path: string, message: string): void;
  /**
   * The organisation's per-product disclosure requirements, as term-list names: the product's
   * own list and the list of phrases that disclose it.
   */
  productDisclosures(): readonly { product: number; disclosures: number }[];
}

export interface RuleType<P> {
  type: string;
  /** History rules read the history summary and say nothing without it. */
  history: boolean;
  /**
   * Wrapped in z.lazy: zod builds a schema (binding every method to it) when it is created, and a
   * `rapport check` with the built-in pack never parses params, so it should not pay for building them.
   */
  params: z.ZodType<P>;
  compile(params: P, ctx: CompileContext, path: string): Evaluate;
}

/** Evidence for lexicon matches: the words as written, with their character range. */
export function matchEvidence(text: string, matches: readonly Match[], limit = 5): Evidence[] {
  return matches
    .slice(0, limit)
    .map((m) => ({ text: text.slice(m.start, m.end), start: m.start, end: m.end }));
}
