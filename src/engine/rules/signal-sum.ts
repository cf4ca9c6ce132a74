/**
 * A weighted sum of evidence: term lists and text features add (or, with a negative weight,
 * subtract). The `signals` rule type fires when the sum reaches a threshold; the pack's score
 * adds the same kind of sum as positive evidence (a question to readers, a specific detail).
 */
import { z } from 'zod';
import { FEATURE_INDEX, FEATURES, type Doc } from '../text/features.ts';
import { Kind, Num, TermRef } from '../pack/schema-parts.ts';
import type { Hits, Match } from '../text/lexicon.ts';
import type { CompileContext } from './rule-type.ts';
import type { Kind as DraftKind } from '../types.ts';

const NONE: readonly Match[] = [];

export const Signal = z.lazy(() =>
  z
    .strictObject({
      name: z.string().max(60).optional(),
      terms: TermRef.optional(),
      feature: z.enum(FEATURES).optional(),
      /**
       * `start`: only term matches that open a sentence; `lead`: that open a clause, after a
       * comma, dash, emoji or a lead-in like "please" too (where imperatives stand).
       */
      at: z.enum(['anywhere', 'start', 'lead']).default('anywhere'),
      /** With a feature: the signal counts once when the feature's value is within these bounds. */
      atLeast: Num.optional(),
      atMost: Num.optional(),
      weight: Num,
      /** Counts above this add nothing more. */
      max: z.number().int().min(1).max(100).default(3),
      /** Only for drafts of these kinds (a reply that engages the person replied to). */
      kinds: z.array(Kind).min(1).optional(),
      /**
       * With terms: only matches whose clause also holds a match of this list ("share" counts as
       * an ask for reach when "this video" or "our page" sits in the same clause).
       */
      with: TermRef.optional(),
      /**
       * With terms: only matches that lie inside no match of this list. A tip's "make sure" is
       * evidence of an explanation, but not inside "make sure you're following", which asks.
       */
      without: TermRef.optional(),
    })
    .refine((s) => (s.terms === undefined) !== (s.feature === undefined), {
      message: 'a signal needs exactly one of "terms" or "feature"',
    })
    .refine((s) => (s.with === undefined && s.without === undefined) || s.terms !== undefined, {
      message: '"with" and "without" narrow term matches: they need "terms"',
    }),
);
export type Signal = z.infer<typeof Signal>;

export interface CompiledSignal {
  name: string | undefined;
  list?: number;
  with?: number;
  without?: number;
  feature?: (typeof FEATURES)[number];
  /** Where `feature` sits in a draft's `values` (see FEATURE_INDEX). */
  index?: number;
  at: 'anywhere' | 'start' | 'lead';
  atLeast: number;
  atMost: number;
  weight: number;
  max: number;
  /** The kinds of draft it reads, one bit each (see kindBit). */
  kindMask: number;
}

/** A kind of draft as one bit, so a signal's kinds are a mask test rather than a Set lookup. */
export function kindBit(kind: DraftKind): number {
  return kind === 'post' ? 1 : kind === 'reply' ? 2 : 4;
}

export function compileSignals(
  signals: readonly Signal[],
  ctx: CompileContext,
  path: string,
): CompiledSignal[] {
  return signals.map((s, i) => {
    const at = `${path}[${i}]`;
    // Every field present, undefined where it does not apply: one object shape for every signal,
    // so the reads in scoreSignals stay monomorphic (optional fields spread in made a shape per
    // combination, and every signal read there went through a polymorphic lookup).
    return {
      name: s.name,
      list: s.terms !== undefined ? ctx.terms(s.terms, `${at}.terms`) : undefined,
      with: s.with !== undefined ? ctx.terms(s.with, `${at}.with`) : undefined,
      without: s.without !== undefined ? ctx.terms(s.without, `${at}.without`) : undefined,
      feature: s.feature,
      index: s.feature !== undefined ? FEATURE_INDEX[s.feature] : undefined,
      at: s.at,
      atLeast: s.atLeast === undefined ? -Infinity : ctx.num(s.atLeast, `${at}.atLeast`),
      atMost: s.atMost === undefined ? Infinity : ctx.num(s.atMost, `${at}.atMost`),
      weight: ctx.num(s.weight, `${at}.weight`),
      max: s.max,
      kindMask: s.kinds ? s.kinds.reduce((mask, k) => mask | kindBit(k), 0) : 7,
    };
  });
}

/** Term matches restricted to where the signal looks (anywhere, sentence starts, clause leads). */
export function placed(doc: Doc, matches: readonly Match[], at: CompiledSignal['at']): readonly Match[] {
  if (at === 'anywhere' || matches.length === 0) return matches;
  if (at === 'start') return matches.filter((m) => doc.tokens[m.first]!.sentenceStart);
  return matches.filter((m) => doc.lead[m.first] === 1);
}

/** How many term matches sit where the signal looks: `placed(…).length` without the copy. */
function countPlaced(doc: Doc, matches: readonly Match[], at: CompiledSignal['at']): number {
  if (at === 'anywhere') return matches.length;
  let n = 0;
  if (at === 'start') {
    for (const m of matches) if (doc.tokens[m.first]!.sentenceStart) n++;
  } else for (const m of matches) if (doc.lead[m.first] === 1) n++;
  return n;
}

/** A feature signal's count: the feature's value, or 1 when bounds are set and it is within them. */
function featureCount(s: CompiledSignal, doc: Doc): number {
  const v = doc.values[s.index!]!;
  return s.atLeast !== -Infinity || s.atMost !== Infinity ? (v >= s.atLeast && v <= s.atMost ? 1 : 0) : v;
}

/**
 * The sum alone, as `sumSignals(…).score`: every rule weighs every draft and most stay below their
 * threshold, so this pass allocates nothing; the matches are gathered only for a sum that fires.
 */
export function scoreSignals(list: readonly CompiledSignal[], doc: Doc, hits: Hits, kind: DraftKind): number {
  let score = 0;
  const bit = kindBit(kind);
  for (const s of list) {
    if ((s.kindMask & bit) === 0) continue;
    let count: number;
    if (s.list !== undefined) {
      const all = hits[s.list];
      if (!all) continue;
      count =
        s.with === undefined && s.without === undefined
          ? countPlaced(doc, all, s.at)
          : narrowed(s, doc, placed(doc, all, s.at), hits).length;
    } else count = featureCount(s, doc);
    if (count !== 0) score += Math.min(count, s.max) * s.weight;
  }
  return score;
}

/**
 * Whether a feature signal counts in this draft (a term signal is settled by its list's hits): a
 * rule that requires a feature ("a post of 20 words or more") reads it before the whole sum.
 */
export function featurePresent(s: CompiledSignal, doc: Doc, kind: DraftKind): boolean {
  return (s.kindMask & kindBit(kind)) !== 0 && featureCount(s, doc) !== 0;
}

/**
 * Per signal, the count it weighs in this draft (capped at its `max`; 0 for a kind it does not
 * read): the inputs `fitSignals` learns weights from, counted exactly as the score counts them.
 */
export function signalCounts(
  list: readonly CompiledSignal[],
  doc: Doc,
  hits: Hits,
  kind: DraftKind,
): number[] {
  const bit = kindBit(kind);
  return list.map((s) => {
    if ((s.kindMask & bit) === 0) return 0;
    const count = s.list !== undefined ? termMatches(s, doc, hits).length : featureCount(s, doc);
    return Math.min(count, s.max);
  });
}

/** A term signal's matches where it looks, narrowed by `with` and `without`. */
function termMatches(s: CompiledSignal, doc: Doc, hits: Hits): readonly Match[] {
  const matches = placed(doc, hits[s.list!] ?? NONE, s.at);
  return matches.length ? narrowed(s, doc, matches, hits) : matches;
}

export interface Sum {
  score: number;
  /** Matches of the signals that added to the score, for evidence. */
  positive: (readonly Match[])[];
  /** Names of the positive signals present. */
  named: Set<string>;
}

export function sumSignals(list: readonly CompiledSignal[], doc: Doc, hits: Hits, kind: DraftKind): Sum {
  let score = 0;
  const positive: (readonly Match[])[] = [];
  const named = new Set<string>();
  const bit = kindBit(kind);
  for (const s of list) {
    if ((s.kindMask & bit) === 0) continue;
    let count: number;
    let matches: readonly Match[] = NONE;
    if (s.list !== undefined) {
      matches = termMatches(s, doc, hits);
      count = matches.length;
    } else {
      count = featureCount(s, doc);
      // A name line is words of the draft: quoted like a term's match ("Lumora").
      if (s.feature === 'name-lines') matches = doc.nameLines;
      else if (s.feature === 'signed') matches = doc.signature;
      // So is a list's run of items ("Tabs, a reading timer, folder colours and faster search").
      else if (s.feature === 'list-items') matches = doc.list;
    }
    if (count === 0) continue;
    score += Math.min(count, s.max) * s.weight;
    if (s.weight > 0) {
      if (matches.length) positive.push(matches);
      if (s.name !== undefined) named.add(s.name);
    }
  }
  return { score, positive, named };
}

/** The matches a signal's `with` and `without` keep. */
function narrowed(s: CompiledSignal, doc: Doc, matches: readonly Match[], hits: Hits): readonly Match[] {
  let kept = matches;
  if (s.with !== undefined) kept = inClauseWith(doc, kept, hits[s.with] ?? NONE);
  if (s.without !== undefined && kept.length) kept = outside(kept, hits[s.without] ?? NONE);
  return kept;
}

/** The matches that lie inside none of `others` (a match of the same words counts as inside). */
function outside(matches: readonly Match[], others: readonly Match[]): readonly Match[] {
  if (!others.length) return matches;
  return matches.filter((m) => !others.some((o) => o.start <= m.start && m.end <= o.end));
}

/** The matches whose clause also holds one of `others`. */
function inClauseWith(doc: Doc, matches: readonly Match[], others: readonly Match[]): readonly Match[] {
  if (!others.length) return NONE;
  const clauses = new Set(others.map((m) => doc.clause[m.first]));
  return matches.filter((m) => clauses.has(doc.clause[m.first]));
}

const byStartThenWidest = (a: Match, b: Match): number => a.start - b.start || b.end - a.end;

/**
 * Two lists may match the same words ("Shop" as a call to buy and in "Shop now"): keep the
 * widest match and drop ranges inside one already kept.
 */
export function widest(groups: readonly (readonly Match[])[]): Match[] {
  // One list's matches are already in order and never overlap (the lexicon keeps them so).
  if (groups.length <= 1) return groups[0] ? [...groups[0]] : [];
  const sorted: Match[] = [];
  for (const group of groups) for (const m of group) sorted.push(m);
  // Insertion sort: a few matches, each group already in order, so the runs are nearly sorted and
  // this beats Array.prototype.sort's comparator calls and set-up.
  for (let i = 1; i < sorted.length; i++) {
    const m = sorted[i]!;
    let j = i - 1;
    while (j >= 0 && byStartThenWidest(sorted[j]!, m) > 0) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = m;
  }
  const out: Match[] = [];
  for (const m of sorted) if (!out.length || m.end > out[out.length - 1]!.end) out.push(m);
  return out;
}
