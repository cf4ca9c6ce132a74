/**
 * `clauses`: reads the draft clause by clause and weighs what each one does. Tags mark a clause
 * as a pitch (a call to act opening it, an offer, a price, one's own product) or as substance (an
 * experience, an explanation, a question, a number that informs). The rule fires when pitch
 * clauses dominate and no substance is left beside them (a clause counts as what it does most), so a launch that explains what changed
 * and asks a question stays quiet while a bare ad fires, whatever words it uses for its offer.
 */
import { charCode } from '../text/code-at.ts';
import { z } from 'zod';
import { Num, TermRef } from '../pack/schema-parts.ts';
import { matchEvidence, type RuleType } from './rule-type.ts';
import { placed, widest } from './signal-sum.ts';
import type { Hits, Match } from '../text/lexicon.ts';
import { FEATURE_INDEX, type Doc } from '../text/features.ts';
import { KINDS, type Kind } from '../types.ts';

/** A question of at most this many words with more after it hooks ("Can't wait? Use code…"). */
const HOOK_WORDS = 3;
/**
 * A label before an opening question runs at most this many words ("Attention Heads of
 * Procurement:"); six, because other languages address a job title with an article and both
 * genders ("An alle IT-Leiterinnen und IT-Leiter:", "Directora de Compras, Director de Compras:").
 */
const LABEL_WORDS = 6;

interface Hooks {
  /** Per clause, 1 for a short question that more follows: it hooks the reader, it asks nothing. */
  short: number[];
  /**
   * The opening question behind a label, when more follows ("Founders: still reconciling payouts
   * at midnight? …"): a hook as much as one that opens the draft. -1 when there is none.
   */
  labelled: number;
}

// The last draft's hooks: the pack's clauses rules (three in the default pack) read one draft in
// turn, and a Doc never changes once made, so the first rule's answer serves the others (one Doc
// stays referenced until the next draft is scored).
let hooksOf: { doc: Doc; hooks: Hooks } | null = null;

function hookQuestions(doc: Doc): Hooks {
  if (hooksOf?.doc !== doc) hooksOf = { doc, hooks: findHooks(doc) };
  return hooksOf.hooks;
}

function findHooks(doc: Doc): Hooks {
  // Per clause its words and last word, counted by `analyse` (see Doc.clauseWords).
  const words = doc.clauseWords;
  const lastToken = doc.clauseLastWord;
  const last = doc.lastWordClause;
  const short = doc.questionClause.map((q, c) => (q === 1 && c < last && words[c]! <= HOOK_WORDS ? 1 : 0));
  let labelled = -1;
  let labels = 0;
  for (let c = 0; c < last; c++) {
    if (words[c] === 0) continue;
    if (doc.questionClause[c]) {
      if (labels > 0) labelled = c;
      break;
    }
    if (words[c]! > LABEL_WORDS || !labelEndsAt(doc.text, doc.tokens[lastToken[c]!]!.end)) break;
    labels++;
  }
  return { short, labelled };
}

/**
 * Whether a label ends at `at`: a colon or a line break follows, spaces and emoji aside (a short
 * line of its own, "Attention HR managers 👋", labels what follows as a colon does).
 */
function labelEndsAt(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && charCode(text, i) !== 10 && !/[:：\p{L}\p{N}?!.]/u.test(text[i]!)) i++;
  return text[i] === ':' || text[i] === '：' || text[i] === '\n';
}

const TOKEN_TAGS = [
  'price',
  'percent',
  'number',
  'url',
  'mention',
  'hashtag',
  'emoji',
  'question',
  'opening-question',
] as const;

/** The feature that counts each kind of token a tag can name. */
const COUNTS = {
  price: 'prices',
  percent: 'percents',
  number: 'numbers',
  url: 'urls',
  mention: 'mentions',
  hashtag: 'hashtags',
  emoji: 'emoji',
  question: 'questions',
  'opening-question': 'questions',
} as const;

const Tag = z.lazy(() =>
  z
    .strictObject({
      name: z.string().min(1).max(60),
      terms: TermRef.optional(),
      /**
       * A kind of token instead of terms; `question` marks a clause that ends with "?", except a
       * draft's opening clause when more follows: that one is `opening-question`, because an ad's
       * "Moving home this spring?" hooks the reader, while a question that asks them something
       * comes after what the draft has to say (or is the whole draft).
       */
      token: z.enum(TOKEN_TAGS).optional(),
      at: z.enum(['anywhere', 'start', 'lead']).default('anywhere'),
      /**
       * `aside` marks a clause that counts as neither: an ask for shares or follows beside an
       * offer tells the reader nothing, so it must not pass for a statement (see `statement`).
       * `veto` keeps the rule quiet wherever the tag is found: the draft is another thing, which
       * another nudge names ("check out my channel, I'll sub back" swaps follows; it sells nothing).
       */
      role: z.enum(['pitch', 'substance', 'aside', 'veto']),
      weight: Num,
      /** The tag marks at most this many clauses (a cost breakdown is not six offers). */
      maxClauses: z.number().int().min(1).max(1000).optional(),
      /**
       * The kinds of draft the tag reads (all when absent): "you're right" engages the person a
       * reply answers, while in a post it is only a turn of phrase.
       */
      kinds: z.array(z.enum(KINDS)).min(1).optional(),
      /**
       * The tag's weight in a kind of draft where it differs from `weight`. A price in an answer
       * to someone who asked what a thing costs ("a check-up is £38, X-rays £15 each") informs as
       * much as it sells, where the same price in a post is an offer.
       */
      weightIn: z
        .strictObject({ post: Num.optional(), reply: Num.optional(), comment: Num.optional() })
        .optional(),
      /**
       * In a post, a question the tag marks is a hook wherever it stands ("Want the same results?"
       * before the call to act): it tells nothing, so the substance tags beside it count for
       * nothing, as in an opening question. `true` means in a post; a list names the kinds of draft
       * where it holds: in a reply a question usually engages the person it answers ("Want me to
       * keep one for you?"), but one that puts a product to them ("Have you tried CloudVault?")
       * only leads into the pitch.
       */
      hook: z.union([z.boolean(), z.array(z.enum(KINDS)).min(1)]).optional(),
    })
    .refine((t) => (t.terms === undefined) !== (t.token === undefined), {
      message: 'a tag needs exactly one of "terms" or "token"',
    }),
);

const Params = z.lazy(() =>
  z.strictObject({
    // A tag is one bit of a 32-bit number, and bit 31 would make it negative: 31 at most.
    tags: z.array(Tag).min(1).max(31),
    /**
     * Tags that must be present for the rule to fire: each entry is a tag, or a list of tags of
     * which one is enough ("an ask" and "an offer": `[["cta", "link"], ["offer", "price"]]`).
     */
    requires: z.array(z.union([z.string(), z.array(z.string()).min(1)])).optional(),
    /**
     * Extra pitch weight for a clause that two tags mark together: a weak call to act with a link
     * beside it ("Request your demo 👉 https://…") asks for more than either does alone.
     */
    pairs: z
      .array(z.strictObject({ tags: z.tuple([z.string(), z.string()]), weight: Num }))
      .max(20)
      .optional(),
    /** The pitch weight (summed over clauses, each clause capped at `clauseMax`) needed to fire. */
    min: Num,
    clauseMax: Num.default(4),
    /**
     * The share of the draft's clauses that must be pitch clauses, not counting the clauses that
     * only ask for reach (an aside tag): a giveaway's "Like this post / Tag 3 friends" steps; nor,
     * when the share falls short, the bare items of a bulleted list (see listItems).
     */
    share: Num.default(0),
    /**
     * A clause that does not pitch and states something in at least `words` words (see
     * Doc.statementWords) counts as at least `weight` of substance: what happened, how a thing
     * works, even where only a number marks it.
     */
    statement: z.strictObject({ words: Num, weight: Num }).optional(),
    /**
     * Substance (in clauses that do not pitch) above this keeps the rule quiet; no bound when
     * absent. Not a default of Infinity: the CLI build serialises the validated pack as JSON,
     * where Infinity turns into null and the built-in pack would no longer compile.
     */
    maxSubstance: Num.optional(),
    /** …and so does substance at or above this share of the pitch weight. */
    substanceRatio: Num.optional(),
    /**
     * In a draft of at least `words` words, the pitch weight must come to `min` a word: a long
     * post that names its price or link in passing among many lines that tell is not all pitch.
     */
    density: z.strictObject({ words: Num, min: Num }).optional(),
    /**
     * In a draft of at least `words` words that carries at least `marks` emoji and exclamation
     * marks, the pitch needs only `min`, and neither substance nor the share keeps the rule quiet:
     * a long ad shouts (a row of 🔥 offers, "don't miss it!!"), while a long post that informs,
     * even one that names a price and a link, rarely does. Its facts then tell for the ad.
     */
    loud: z.strictObject({ words: Num, marks: Num }).optional(),
    /**
     * Reads only the draft's last `closing` clauses that hold more than emoji, their tags taken
     * together as one clause, and only when something comes before them: an ad dressed as a story
     * shows itself in how it ends ("48 hours only: $497 → $197. Link in bio."), a close that
     * several short clauses make between them.
     */
    closing: z.number().int().min(1).max(20).optional(),
    /**
     * In a post, a quotation that opens the draft and is signed with a name ("“Best groom my
     * spaniel ever had.” — Sarah, Hove") is a customer's word for the product, a testimonial: the
     * experience and numbers in it are the ad's, so they count as no substance.
     */
    testimonials: z.boolean().optional(),
    /**
     * A question right before a clause one of these tags marks is a hook, whatever it asks: "Who
     * else is obsessed with cosy socks? Ours are back in stock, $12 a pair." answers itself with
     * the offer, where a question to readers waits for their answer. In a reply too: "Planning
     * your next trip? Book by Sunday and save 25%" sells to the person it answers.
     */
    hookBefore: z.array(z.string().min(1).max(60)).max(32).optional(),
    /**
     * In a draft that holds a link and at most `words` content words, the `tags` satisfy no
     * `requires` group: a pointer at a link with next to nothing around it ("👉 link", "Worth a
     * read 👇 link") is a bare link, which says nothing (another nudge's call), not a sale. A
     * pointer with no link ("📲 07700 900 123") points at a way to buy.
     */
    thin: z.strictObject({ words: Num, tags: z.array(z.string().min(1).max(60)).min(1).max(32) }).optional(),
    /**
     * In a clause one of the `by` tags marks, the `tags` named here count for nothing: what the
     * writer lived through ("that saved us about $410 last quarter", "Our wedding cost $11,400")
     * names a price as a fact of their own, not an offer to the reader.
     */
    informs: z
      .strictObject({
        tags: z.array(z.string().min(1).max(60)).min(1).max(32),
        by: z.array(z.string().min(1).max(60)).min(1).max(32),
      })
      .optional(),
  }),
);

interface CompiledTag {
  name: string;
  bit: number;
  list?: number;
  token?: (typeof TOKEN_TAGS)[number];
  /** For a token tag: where the count of such tokens sits in `Doc.values` (see FEATURE_INDEX). */
  count?: number;
  at: 'anywhere' | 'start' | 'lead';
  pitch: boolean;
  aside: boolean;
  veto: boolean;
  /** The weight per kind of draft: the tag's `weight` unless `weightIn` names the kind. */
  weightIn: Readonly<Record<Kind, number>>;
  maxClauses: number;
  kinds: ReadonlySet<Kind> | null;
  /** The kinds of draft in which a question the tag marks is a hook (see Tag.hook). */
  hook: ReadonlySet<Kind>;
}

export const clauses: RuleType<z.infer<typeof Params>> = {
  type: 'clauses',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const tags: CompiledTag[] = params.tags.map((t, i) => {
      const weight = ctx.num(t.weight, `${path}.tags[${i}].weight`);
      return {
        name: t.name,
        bit: 1 << i,
        // Every field present (undefined where it does not apply): one object shape for every tag,
        // so the evaluation's reads of a tag stay monomorphic.
        list: t.terms !== undefined ? ctx.terms(t.terms, `${path}.tags[${i}].terms`) : undefined,
        token: t.token,
        count: t.token !== undefined ? FEATURE_INDEX[COUNTS[t.token]] : undefined,
        at: t.at,
        pitch: t.role === 'pitch',
        aside: t.role === 'aside',
        veto: t.role === 'veto',
        weightIn: Object.fromEntries(
          KINDS.map((k) => {
            const w = t.weightIn?.[k];
            return [k, w === undefined ? weight : ctx.num(w, `${path}.tags[${i}].weightIn.${k}`)];
          }),
        ) as Record<Kind, number>,
        maxClauses: t.maxClauses ?? Infinity,
        kinds: t.kinds ? new Set(t.kinds) : null,
        hook: new Set(t.hook === true ? ['post'] : t.hook || []),
      };
    });
    const names = new Map(tags.map((t) => [t.name, t.bit]));
    // The bits of the tags a param names, each unknown name reported at `at`.
    const bitsOf = (list: readonly string[], at: string): number => {
      let bits = 0;
      for (const name of list) {
        const bit = names.get(name);
        if (bit === undefined) ctx.problem(at, `no tag is named "${name}"`);
        else bits |= bit;
      }
      return bits;
    };
    const requires = (params.requires ?? []).map((group, i) =>
      bitsOf(typeof group === 'string' ? [group] : group, `${path}.requires[${i}]`),
    );
    // Per required group, the lists and token counts that could satisfy it: a draft holding none
    // of them cannot fire, and most drafts are ruled out by these array reads before any clause
    // is marked (the rule's placement and kinds only narrow what this finds).
    const possible = requires.map((bits) => ({
      lists: tags.filter((t) => t.bit & bits && t.list !== undefined).map((t) => t.list!),
      counts: tags.filter((t) => t.bit & bits && t.count !== undefined).map((t) => t.count!),
    }));
    const pairs = (params.pairs ?? []).map((pair, i) => ({
      bits: bitsOf(pair.tags, `${path}.pairs[${i}].tags`),
      weight: ctx.num(pair.weight, `${path}.pairs[${i}].weight`),
    }));
    const min = ctx.num(params.min, `${path}.min`);
    const clauseMax = ctx.num(params.clauseMax, `${path}.clauseMax`);
    const share = ctx.num(params.share, `${path}.share`);
    const maxSubstance =
      params.maxSubstance === undefined ? Infinity : ctx.num(params.maxSubstance, `${path}.maxSubstance`);
    const substanceRatio =
      params.substanceRatio === undefined
        ? Infinity
        : ctx.num(params.substanceRatio, `${path}.substanceRatio`);
    const closing = params.closing ?? 0;
    const hookBefore = bitsOf(params.hookBefore ?? [], `${path}.hookBefore`);
    const thinWords = params.thin ? ctx.num(params.thin.words, `${path}.thin.words`) : -1;
    const thinBits = params.thin ? bitsOf(params.thin.tags, `${path}.thin.tags`) : 0;
    const informs = params.informs
      ? {
          tags: bitsOf(params.informs.tags, `${path}.informs.tags`),
          by: bitsOf(params.informs.by, `${path}.informs.by`),
        }
      : null;
    const testimonials = params.testimonials === true;
    const densityWords = params.density ? ctx.num(params.density.words, `${path}.density.words`) : Infinity;
    const densityMin = params.density ? ctx.num(params.density.min, `${path}.density.min`) : 0;
    const loudWords = params.loud ? ctx.num(params.loud.words, `${path}.loud.words`) : Infinity;
    const loudMarks = params.loud ? ctx.num(params.loud.marks, `${path}.loud.marks`) : Infinity;
    const statementMin = params.statement
      ? ctx.num(params.statement.words, `${path}.statement.words`)
      : Infinity;
    const statementWeight = params.statement
      ? ctx.num(params.statement.weight, `${path}.statement.weight`)
      : 0;
    // Token tags by the kind of token they mark, and the feature that says whether any is there.
    const byKind = new Map<string, number[]>();
    tags.forEach((t, i) => {
      if (t.token === undefined || t.token === 'question' || t.token === 'opening-question') return;
      const list = byKind.get(t.token);
      if (list) list.push(i);
      else byKind.set(t.token, [i]);
    });
    const asideBits = tags.reduce((bits, t) => (t.aside ? bits | t.bit : bits), 0);
    const substanceBits = tags.reduce(
      (bits, t) => (!t.pitch && !t.aside && !t.veto ? bits | t.bit : bits),
      0,
    );
    const vetoBits = tags.reduce((bits, t) => (t.veto ? bits | t.bit : bits), 0);
    // What makes a labelled question a question to peers: words that tell, not a bare figure
    // ("CFOs: still closing the books in 12 days?" hooks; "Florists: do you charge by distance?").
    const askingBits = tags.reduce(
      (bits, t) => (t.token === 'number' || t.token === 'percent' ? bits & ~t.bit : bits),
      substanceBits,
    );
    const capped = tags.some((t) => t.maxClauses !== Infinity);
    // Per kind of draft, read once a draft: the bits of the tags that do not read it, the bits of
    // those whose question hooks in it (see Tag.hook), and each bit's weight in it.
    const forKind = new Map(
      KINDS.map((k) => [
        k,
        {
          off: tags.reduce((bits, t) => (t.kinds && !t.kinds.has(k) ? bits | t.bit : bits), 0),
          hookBits: tags.reduce((bits, t) => (t.hook.has(k) ? bits | t.bit : bits), 0),
          weights: tags.map((t) => t.weightIn[k]),
        },
      ]),
    );
    // The bits that pitch and the bits that tell (asides count as neither).
    const pitchMask = tags.reduce((bits, t) => (t.pitch ? bits | t.bit : bits), 0);
    const tellMask = tags.reduce((bits, t) => (!t.pitch && !t.aside ? bits | t.bit : bits), 0);
    const questionTags = tags.filter((t) => t.token === 'question');
    const openingTags = tags.filter((t) => t.token === 'opening-question');

    return ({ doc, hits, draft }) => {
      for (const group of possible) if (!mayHold(group, hits, doc.values)) return null;
      const { off, hookBits, weights } = forKind.get(draft.kind)!;
      // Presence first, from the lexicon and the feature counts: most drafts stop here.
      let present = 0;
      const termMatches: (readonly Match[] | undefined)[] = [];
      for (let i = 0; i < tags.length; i++) {
        const t = tags[i]!;
        if (t.bit & off) continue;
        if (t.list !== undefined) {
          // Most lists match nothing in a draft: those cost one array read.
          const all = hits[t.list];
          if (all === undefined) continue;
          const ms = placed(doc, all, t.at);
          if (ms.length === 0) continue;
          termMatches[i] = ms;
          present |= t.bit;
        } else if (doc.values[t.count!]! > 0) present |= t.bit;
      }
      if (present & vetoBits) return null;
      // In a bare draft some tags are not enough to make it a sale (see Params.thin).
      const held =
        doc.features.urls > 0 && doc.features['content-words'] <= thinWords ? present & ~thinBits : present;
      for (const bits of requires) if ((held & bits) === 0) return null;

      const clauseCount = doc.questionClause.length;
      if (MARKS.length < clauseCount) MARKS = new Int32Array(Math.max(clauseCount, MARKS.length * 2));
      const marks = MARKS;
      marks.fill(0, 0, clauseCount);
      markClauses(tags, termMatches, byKind, doc, off, capped, marks, null);
      // The opening clause, when a question and not the whole draft, is a hook (see Tag.token), even
      // behind a label ("Founders: …?"), and so is a short question further on that more follows.
      const hooks = questionTags.length && doc.features.questions > 0 ? hookQuestions(doc) : null;
      // A labelled question that a substance tag marks ("Florists: do you charge by distance?")
      // asks peers something; only a bare one ("Founders: still up at midnight?") hooks.
      const labelled =
        hooks && hooks.labelled >= 0 && !(marks[hooks.labelled]! & askingBits) ? hooks.labelled : -1;
      const opening = clauseCount > 1 && doc.questionClause[0] === 1 ? 0 : labelled;
      for (const t of questionTags)
        if (!(t.bit & off))
          for (let c = 0; c < clauseCount; c++)
            if (doc.questionClause[c] && c !== opening && !hooks?.short[c]) marks[c]! |= t.bit;
      if (opening >= 0) for (const t of openingTags) if (!(t.bit & off)) marks[opening]! |= t.bit;
      // A hook tells nothing, whatever words it borrows: "Have you tried our winter box?" reads as
      // a question to the reader and an experience, and still only leads into the pitch.
      if (opening >= 0) marks[opening]! &= ~substanceBits;
      // A testimonial's clauses state nothing of the poster's own either (see Params.testimonials).
      const signed = testimonials && draft.kind === 'post' ? doc.testimonial : -1;
      for (let c = 0; c <= signed; c++) marks[c]! &= ~substanceBits;
      // Where the tag says (see Tag.hook): mostly in a post, as a reply's question goes to the
      // person it answers ("Want me to keep one for you?"), which is engaging them.
      if (hookBits)
        for (let c = 0; c < clauseCount; c++)
          if (doc.questionClause[c] && marks[c]! & hookBits & ~off) marks[c]! &= ~substanceBits;
      if (hookBefore)
        for (let c = 0; c + 1 < clauseCount; c++)
          if (doc.questionClause[c] && marks[c + 1]! & hookBefore & ~off) marks[c]! &= ~substanceBits;
      // A price among what the writer lived through is a fact of theirs (see Params.informs).
      if (informs)
        for (let c = 0; c < clauseCount; c++) if (marks[c]! & informs.by) marks[c]! &= ~informs.tags;
      const closeFrom = closing ? closingStart(doc, closing, marks) : 0;
      if (closing) {
        // A draft no longer than its close has no story before it: the other rules judge it whole.
        if (closeFrom < 0) return null;
        let merged = 0;
        for (let c = 0; c < clauseCount; c++) {
          if (c >= closeFrom) merged |= marks[c]!;
          marks[c] = 0;
        }
        marks[clauseCount - 1] = merged;
      }

      let pitch = 0;
      let substance = 0;
      let pitchClauses = 0;
      // Clauses that only ask for reach ("Like this post", "Tag 3 friends"): neither side's share.
      let asides = 0;
      let pitchBits = 0;
      for (let c = 0; c < clauseCount; c++) {
        const m = marks[c]!;
        // A statement tells at least its weight, whatever else marks it (a number, a percent); a
        // question states nothing (one that asks the reader counts through its own tag, one that
        // hooks them, "Injured in a car accident?", not at all).
        const stated =
          doc.statementWords[c]! >= statementMin && !doc.questionClause[c] && !(m & asideBits) && c > signed
            ? statementWeight
            : 0;
        if (m === 0) {
          // A testimonial's clause is neither side's share, as an ask for reach is not; nor is a
          // short question that more follows ("Back pain? Neck stiffness? … call us"): it hooks,
          // and three symptoms asked in a row would otherwise thin the pitch's share as facts do.
          if (c <= signed || hooks?.short[c]) asides += doc.clauseWords[c]! > 0 ? 1 : 0;
          else substance += stated;
          continue;
        }
        // The weights of the tags marking it, bit by bit in tag order (most clauses carry one or two).
        let p = 0;
        let s = 0;
        for (let b = m & pitchMask; b !== 0; b &= b - 1) p += weights[31 - Math.clz32(b & -b)]!;
        for (let b = m & tellMask; b !== 0; b &= b - 1) s += weights[31 - Math.clz32(b & -b)]!;
        for (const pair of pairs) if ((m & pair.bits) === pair.bits) p += pair.weight;
        // A clause that tells as much as it sells ("last chance to tell us what broke") is substance.
        if (p > s) {
          pitch += Math.min(p, clauseMax);
          pitchClauses++;
          pitchBits |= m;
        } else if (!(m & asideBits)) substance += Math.max(s, stated);
        else asides++;
      }
      // Past `density.words`, the pitch needed grows with the draft (see Params.density), unless
      // the draft shouts (see Params.loud).
      const words = doc.features.words;
      const loud = words >= loudWords && shouts(doc) >= loudMarks;
      const floor = words >= densityWords && !loud ? Math.max(min, densityMin * words) : min;
      if (pitch < floor) return null;
      if (!loud && (substance > maxSubstance || substance >= substanceRatio * pitch)) return null;
      if (
        !loud &&
        pitchClauses < share * Math.max(doc.clauses - asides, 1) &&
        pitchClauses < share * Math.max(doc.clauses - asides - (closing ? 0 : listItems(doc, marks)), 1)
      )
        return null;
      // It fires: mark again, this time keeping the matches of the pitch tags for the evidence.
      const found: (Match[] | undefined)[] = [];
      const quoted: Match[][] = [];
      for (let i = 0; i < tags.length; i++) {
        const t = tags[i]!;
        if (t.pitch && pitchBits & t.bit) quoted.push((found[i] = []));
      }
      marks.fill(0, 0, clauseCount);
      markClauses(tags, termMatches, byKind, doc, off, capped, marks, found);
      // The evidence of a closing rule is what the close says, not the story before it.
      const evidence = widest(closing ? inClose(quoted, doc, closeFrom) : quoted);
      return {
        evidence: matchEvidence(doc.text, evidence, 6),
        vars: { pitchClauses, clauses: doc.clauses, score: Math.round(pitch * 10) / 10 },
      };
    };
  },
};

/**
 * Per group, the matches in the close (clauses from closeFrom on). A function of its own: arrows
 * inside the rule's evaluate that read `doc` made every call of every clauses rule allocate a
 * context for it, though only a closing rule that fires gets here.
 */
function inClose(groups: readonly Match[][], doc: Doc, closeFrom: number): Match[][] {
  return groups.map((q) => q.filter((m) => doc.clause[m.first]! >= closeFrom));
}

/** A bullet a list item opens with, when it is no emoji: • · - * – ✓ ✔ ▪ ► →. */
const BULLET = /[•·\-*–✓✔▪►→]/;

/**
 * The clauses no tag marked that are items of a bulleted list: a line of its own, opened by an
 * emoji or a bullet, of at most four words ("✅ Automated SMS reminders"). A sheet of such items
 * says no more than one clause would, so it does not thin out the pitch around it.
 */
function listItems(doc: Doc, marks: Int32Array): number {
  const words = doc.clauseWords;
  const tokens = doc.tokens;
  let items = 0;
  let seen = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const c = doc.clause[k]!;
    // Each clause once, at its first token (clause numbers only grow along the tokens).
    if (t.kind === 'punct' || c === seen) continue;
    seen = c;
    if (marks[c] !== 0 || words[c]! > 4) continue;
    // A line of its own, opened by an emoji or behind a bullet.
    const prev = k > 0 ? tokens[k - 1]! : undefined;
    if (prev === undefined || prev.kind !== 'punct' || prev.norm !== '\n') continue;
    if (t.kind === 'emoji' || BULLET.test(doc.text.slice(prev.end, t.start))) items++;
  }
  return items;
}

/**
 * The draft's exclamation marks and emoji, keycap numbers aside: "1️⃣ Like 2️⃣ Repost" numbers
 * steps as "1." would, where "🔥🔥" and "!!!" raise the voice.
 */
function shouts(doc: Doc): number {
  let n = doc.features.exclamations;
  for (const k of doc.others) {
    const t = doc.tokens[k]!;
    if (t.kind === 'emoji' && !t.norm.includes('\u20e3')) n++;
  }
  return n;
}

/** Whether a draft has a match of one of these lists, or a token one of these counts counts. */
function mayHold(
  group: { lists: readonly number[]; counts: readonly number[] },
  hits: Hits,
  values: readonly number[],
): boolean {
  for (const list of group.lists) if (hits[list] !== undefined) return true;
  for (const count of group.counts) if (values[count]! > 0) return true;
  return false;
}

/**
 * Scratch space for one evaluation: per clause, the bits of the tags that mark it (MARKS, grown
 * for a draft of more clauses), and per tag, the clauses it marked (MARKED, for maxClauses). An
 * evaluation runs to its end before another starts and nothing reads either after it returns, so
 * one pair serves every clauses rule and draft, where each call made fresh arrays (two more when
 * the rule fires). Int32: a clause's marks are bits of at most 31 tags, as bit operations give them.
 */
let MARKS = new Int32Array(64);
const MARKED = new Int32Array(32);

/**
 * Marks each clause with the tags found in it; with `found`, also keeps the matches for evidence
 * (asked for only when the rule fires, so a quiet draft allocates no list per tag). A plain
 * function, not a closure made per draft: each of the pack's clause rules runs it on every draft.
 */
function markClauses(
  tags: readonly CompiledTag[],
  termMatches: readonly (readonly Match[] | undefined)[],
  byKind: ReadonlyMap<string, readonly number[]>,
  doc: Doc,
  off: number,
  capped: boolean,
  marks: Int32Array,
  found: (Match[] | undefined)[] | null,
): void {
  // Clauses marked per tag, counted only when a tag has a cap (maxClauses).
  const marked = capped ? MARKED.fill(0) : null;
  for (let i = 0; i < tags.length; i++) {
    const ms = termMatches[i];
    if (!ms) continue;
    const t = tags[i]!;
    for (const m of ms) if (markOne(t, i, doc.clause[m.first]!, off, marks, marked)) found?.[i]?.push(m);
  }
  if (byKind.size === 0) return;
  const tokens = doc.tokens;
  for (const k of doc.others) {
    const tok = tokens[k]!;
    const list = byKind.get(tok.kind);
    if (!list) continue;
    for (const i of list)
      if (markOne(tags[i]!, i, doc.clause[k]!, off, marks, marked) && found?.[i])
        found[i].push({ first: k, last: k + 1, start: tok.start, end: tok.end });
  }
}

/** Whether tag `t` (the i-th) may mark clause c, marking it when so. */
function markOne(
  t: CompiledTag,
  i: number,
  c: number,
  off: number,
  marks: Int32Array,
  marked: Int32Array | null,
): boolean {
  if (t.bit & off) return false;
  if (!(marks[c]! & t.bit)) {
    if (marked) {
      if (marked[i]! >= t.maxClauses) return false;
      marked[i]!++;
    }
    marks[c]! |= t.bit;
  }
  return true;
}

/**
 * The most words a sign-off after a close holds ("Your future self will thank you."); it holds at
 * least three (a script without spaces reads a whole sentence as a word or two).
 */
const SIGN_OFF_WORDS = 8;

/**
 * The first clause of the last `n` clauses that hold a token other than punctuation, emoji or
 * hashtags (an emoji after the last full stop is no clause of its own, nor is a line of hashtags),
 * or -1 when no word comes before them.
 * A short last clause that no tag marks is a sign-off, not the close: it does not take one of
 * the `n` ("… book your free call. Your future self will thank you.").
 */
function closingStart(doc: Doc, n: number, marks: Int32Array): number {
  let seen = 0;
  let last = -1;
  let first = true;
  for (let i = doc.tokens.length - 1; i >= 0; i--) {
    const kind = doc.tokens[i]!.kind;
    // A line of hashtags files the draft: no clause the reader reads (see analyse), nor the close.
    if (kind === 'punct' || kind === 'emoji' || kind === 'hashtag') continue;
    const c = doc.clause[i]!;
    if (c === last) continue;
    last = c;
    if (first) {
      first = false;
      const words = doc.clauseWords[c]!;
      if (marks[c] === 0 && words >= 3 && words <= SIGN_OFF_WORDS) continue;
    }
    if (++seen === n) {
      // Anything before it?
      for (let k = i - 1; k >= 0; k--) if (doc.tokens[k]!.kind === 'word' && doc.clause[k] !== c) return c;
      return -1;
    }
  }
  return -1;
}
