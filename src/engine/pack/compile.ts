/**
 * Pack JSON → a compiled pack, or a PackError listing every problem with its JSON path.
 * Order of checks: size → JSON → schema → (merge onto the base) → rule params and regexes →
 * expiry → the pack's own examples. A pack whose examples fail is refused.
 */
import { Pack, MAX_PACK_BYTES, type Rule } from './schema.ts';
import { PackError, REPORT_INPUT, describeIssues } from './errors.ts';
import { mergePacks } from './merge.ts';
import { RULE_TYPES } from '../rules/registry.ts';
import type { CompileContext, Evaluate } from '../rules/rule-type.ts';
import type { Num, TermRef } from './schema-parts.ts';
import {
  Lexicon,
  NAME_PLACEHOLDER,
  PLACEHOLDERS,
  splitLanguage,
  type LexiconImages,
} from '../text/lexicon.ts';
import { tokenize } from '../text/tokenize.ts';
import type { Kind, Platform, Severity } from '../types.ts';
import { runExamples } from './examples.ts';
import { compileSignals, type CompiledSignal } from '../rules/signal-sum.ts';

/** Rule types that judge wording, and so need the draft in a language the pack covers. */
const WORDING_TYPES = new Set(['signals', 'clauses', 'lexicon', 'pattern']);
/**
 * Rule types that weigh the draft's words into a yes or no: two such rules of one nudge are two
 * ways to reach one verdict, and the second adds only quotes of the kind the first gave (unlike
 * two metrics, which measure two problems: too long, too many hashtags).
 */
const VERDICT_TYPES = new Set(['signals', 'clauses']);

export { PackError };

export interface CompiledRule {
  id: string;
  nudge: string;
  severity: Severity;
  message: Rule['message'];
  platforms: ReadonlySet<Platform> | null;
  kinds: ReadonlySet<Kind> | null;
  unless: readonly string[];
  history: boolean;
  /** Stays quiet on drafts in a language the pack does not cover. */
  wording: boolean;
  /** Weighs the words into a verdict (see VERDICT_TYPES); check skips it when an earlier one of its nudge stands. */
  verdict: boolean;
  /** Display order among nudges of one severity (lower first). */
  priority: number;
  /** Speaks against its nudge: when it fires on a draft where the nudge fired, the nudge stands down. */
  veto: boolean;
  evaluate: Evaluate;
  examples: NonNullable<Rule['examples']> | undefined;
}

export interface CompiledPack {
  name: string;
  version: string;
  expires: string | undefined;
  rules: readonly CompiledRule[];
  lexicon: Lexicon;
  /** The languages the pack's words cover; null: every language. */
  languages: ReadonlySet<string> | null;
  score: CompiledScore;
  bands: readonly { min: number; label: string }[];
  /** The complete pack after merging: what `extends` packs are laid over. */
  source: Pack;
  /**
   * The rule whose verdict is a published item's `promotional` flag: the classifier the pack's
   * `ratio` rules name, else `pure-promotion` when the pack has it. The ledger records one flag
   * per item, once, so every ratio rule must name the same classifier.
   */
  promotion: string | null;
}

export interface CompiledScore {
  base: number;
  bonus: readonly CompiledSignal[];
  bonusMax: number;
  penalty: { warn: number; info: number; history: number };
  caps: ReadonlyMap<string, number>;
}

export interface CompileOptions {
  now?: Date;
  /** Skip the examples (they are run separately by `rapport pack test`). */
  skipExamples?: boolean;
  /**
   * Compile a pack past its `expires` date. The worker keeps an expired pack working (and says so
   * on the options page) rather than drop an organisation's terms on a calendar date.
   */
  allowExpired?: boolean;
}

const DEFAULT_BANDS = [
  { min: 85, label: 'strong' },
  { min: 65, label: 'good' },
  { min: 40, label: 'fair' },
  { min: 0, label: 'weak' },
];

/** True when a pack's `expires` date is in the past at `now`. */
export function isExpired(expires: string | undefined, now: Date): boolean {
  return expires !== undefined && Date.parse(expires) < now.getTime();
}

/** Parses pack text (as fetched or read from disk) with a size cap and a clear JSON error. */
export function compilePackText(text: string, base?: CompiledPack, options?: CompileOptions): CompiledPack {
  if (text.length > MAX_PACK_BYTES)
    throw new PackError([`the pack is ${text.length} characters; the limit is ${MAX_PACK_BYTES}`]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PackError([`the pack is not valid JSON: ${(e as Error).message}`]);
  }
  return compilePack(json, base, options);
}

export function compilePack(json: unknown, base?: CompiledPack, options: CompileOptions = {}): CompiledPack {
  const parsed = Pack.safeParse(json, REPORT_INPUT);
  if (!parsed.success) throw new PackError(describeIssues(parsed.error));
  return compileParsed(parsed.data, base, options);
}

/**
 * The steps after the schema: `parsed` is `Pack`'s output. `ruleParams`, when given, holds each
 * rule's params as its type's schema already parsed them (the built-in pack, checked at build time:
 * validated.ts); without it every rule's params are parsed here. `phrasesChecked`: the term lists'
 * phrases passed unknownPlaceholders and brokenPhrases already (see compileValidatedPack).
 * `lexiconImages`: images of this pack's lexicon, taken up instead of filing its phrases when they
 * fit (see LexiconImage).
 */
export function compileParsed(
  parsed: Pack,
  base: CompiledPack | undefined,
  options: CompileOptions,
  ruleParams?: readonly Record<string, unknown>[],
  phrasesChecked = false,
  lexiconImages?: LexiconImages,
): CompiledPack {
  let pack = parsed;
  const problems: string[] = [];
  let exampleRules: Set<string> | null = null;
  if (pack.extends === 'default') {
    if (!base) throw new PackError(['extends: "default" needs the built-in pack to extend']);
    const known = base.source.rules.flatMap((r) => [r.id, r.nudge ?? r.id.split('/')[0]!]);
    for (const key of pack.disable)
      if (!known.includes(key)) problems.push(`disable: no rule or nudge "${key}" in the pack it extends`);
    for (const key of Object.keys(pack.overrides))
      if (!known.includes(key))
        problems.push(`overrides.${key}: no rule or nudge by that name in the pack it extends`);
    ({ pack, exampleRules } = mergePacks(base.source, pack));
  }
  const now = options.now ?? new Date();
  if (!options.allowExpired && isExpired(pack.expires, now))
    problems.push(`expires: the pack expired on ${pack.expires}`);

  const lists = new Map<string, readonly string[]>();
  for (const [name, list] of Object.entries(pack.terms))
    lists.set(name, Array.isArray(list) ? list : (list.add ?? []));
  const org = pack.organisation ?? {};
  lists.set('org.names', org.names ?? []);
  const required = Object.entries(org.productDisclosures ?? {});
  // A product with a required disclosure is a product, whether or not `products` repeats it.
  lists.set('org.products', [...(org.products ?? []), ...required.map(([product]) => product)]);
  const productDisclosures = required.map(([product, phrases], i) => {
    lists.set(`org.product:${i}`, [product]);
    lists.set(`org.product:${i}.disclosures`, phrases);
    return { product: `org.product:${i}`, disclosures: `org.product:${i}.disclosures` };
  });
  lists.set('org.disclosures', org.disclosures ?? []);
  lists.set('org.confidential', org.confidential ?? []);

  // A list's index is its place in `lists`, which is the order the lexicon numbers them in
  // (entries are only ever added, so a place never changes).
  const indexOf = (name: string): number => {
    let i = 0;
    for (const key of lists.keys()) {
      if (key === name) return i;
      i++;
    }
    return -1;
  };
  let inline = 0;
  const ctx: CompileContext = {
    num(value: Num, path: string): number {
      if (typeof value === 'number') return value;
      const v = pack.thresholds[value];
      if (v === undefined) {
        problems.push(`${path}: no threshold named "${value}" in thresholds`);
        return 0;
      }
      return v;
    },
    terms(ref: TermRef, path: string): number {
      if (Array.isArray(ref)) {
        lists.set(`inline:${inline++}`, ref);
        return lists.size - 1;
      }
      if (!lists.has(ref)) problems.push(`${path}: no term list named "${ref}" in terms`);
      return indexOf(ref);
    },
    problem(path: string, message: string) {
      problems.push(`${path}: ${message}`);
    },
    productDisclosures: () =>
      productDisclosures.map((r) => ({ product: indexOf(r.product), disclosures: indexOf(r.disclosures) })),
  };

  const ids = new Set<string>();
  const rules: CompiledRule[] = [];
  pack.rules.forEach((rule, i) => {
    const path = `rules[${i}]`;
    if (ids.has(rule.id)) problems.push(`${path}.id: "${rule.id}" is used by another rule`);
    ids.add(rule.id);
    const type = RULE_TYPES.get(rule.type);
    if (!type) {
      problems.push(
        `${path}.type: unknown rule type "${rule.type}" (known: ${[...RULE_TYPES.keys()].join(', ')})`,
      );
      return;
    }
    const checked = ruleParams?.[i];
    const params = checked
      ? { success: true as const, data: checked }
      : type.params.safeParse(rule.params, REPORT_INPUT);
    if (!params.success) {
      problems.push(...describeIssues(params.error, `${path}.params`));
      return;
    }
    if (rule.veto && rule.type !== 'signals')
      problems.push(`${path}.veto: only a "signals" rule can speak against its nudge, not "${rule.type}"`);
    // A veto is weighed inside the rule pass, before any nudge is silenced: an `unless` would never be read.
    if (rule.veto && rule.unless?.length)
      problems.push(`${path}.unless: a veto speaks only against its own nudge; it takes no "unless"`);
    rules.push({
      id: rule.id,
      nudge: rule.nudge ?? rule.id.split('/')[0]!,
      severity: rule.severity,
      message: rule.message,
      platforms: rule.platforms ? new Set(rule.platforms) : null,
      kinds: rule.kinds ? new Set(rule.kinds) : null,
      unless: rule.unless ?? [],
      history: type.history,
      wording: !rule.anyLanguage && WORDING_TYPES.has(rule.type),
      // A veto weighs against its nudge: it neither shadows nor is shadowed by the rules that find it.
      verdict: !rule.veto && VERDICT_TYPES.has(rule.type),
      veto: rule.veto === true,
      priority: rule.priority ?? (type.history ? 2 : rule.type === 'disclosure' ? 1 : 3),
      evaluate: type.compile(params.data, ctx, `${path}.params`),
      examples: exampleRules === null || exampleRules.has(rule.id) ? rule.examples : undefined,
    });
  });
  // History rules that classify past posts with another rule need that rule in the pack.
  pack.rules.forEach((rule, i) => {
    const classifier = rule.params.classifier;
    if (typeof classifier !== 'string') return;
    if (!pack.rules.some((r) => r.id === classifier || (r.nudge ?? r.id.split('/')[0]) === classifier)) {
      problems.push(`rules[${i}].params.classifier: no rule or nudge "${classifier}" in the pack`);
    }
  });
  const classifiers = new Set(
    pack.rules.flatMap((r) =>
      r.type === 'ratio' && typeof r.params.classifier === 'string' ? [r.params.classifier] : [],
    ),
  );
  if (classifiers.size > 1) {
    problems.push(
      `rules: the ratio rules name different classifiers (${[...classifiers].join(', ')}); a post keeps one promotional flag, so they must name the same rule`,
    );
  }
  const promotion =
    [...classifiers][0] ??
    (pack.rules.some((r) => (r.nudge ?? r.id.split('/')[0]) === 'pure-promotion') ? 'pure-promotion' : null);
  const sc = pack.score ?? {};
  const num = (v: Num | undefined, fallback: number, at: string): number =>
    v === undefined ? fallback : ctx.num(v, at);
  const score: CompiledScore = {
    base: num(sc.base, 100, 'score.base'),
    bonus: sc.bonus ? compileSignals(sc.bonus.signals, ctx, 'score.bonus.signals') : [],
    bonusMax: num(sc.bonus?.max, 0, 'score.bonus.max'),
    penalty: {
      warn: num(sc.penalty?.warn, 25, 'score.penalty.warn'),
      info: num(sc.penalty?.info, 10, 'score.penalty.info'),
      history: num(sc.penalty?.history, 0, 'score.penalty.history'),
    },
    caps: new Map(Object.entries(sc.caps ?? {})),
  };
  if (!phrasesChecked)
    for (const [name, phrases] of lists)
      problems.push(...unknownPlaceholders(name, phrases), ...brokenPhrases(name, phrases));
  if (problems.length) throw new PackError(problems);

  const compiled: CompiledPack = {
    name: pack.name,
    version: pack.version,
    expires: pack.expires,
    rules,
    lexicon: new Lexicon(lists, lexiconImages),
    languages: pack.languages ? new Set(pack.languages) : null,
    score,
    bands: [...(pack.score?.bands ?? DEFAULT_BANDS)].sort((a, b) => b.min - a.min),
    source: pack,
    promotion,
  };
  if (!options.skipExamples) {
    const failures = runExamples(compiled);
    if (failures.length) {
      throw new PackError(
        failures.map(
          (f) =>
            `rules.${f.rule}.examples: expected "${f.nudge}" to ${f.expected === 'fire' ? 'fire' : 'stay quiet'} on ${JSON.stringify(f.text.length > 80 ? f.text.slice(0, 80) + '…' : f.text)}`,
        ),
      );
    }
  }
  return compiled;
}

/** The one-word gap placeholder, and a phrase where every gap has a part on each side. */
const GAP = '<word>';
const GAP_INSIDE = /^(?!\s*<word>)(?!.*<word>\s*$)/i;
/** A phrase opening with the name placeholder, which no index can hold (see lexicon.ts). */
const NAME_FIRST = /^\s*<name>/i;

/** A piece in angle brackets: a placeholder, or a misspelt one ("<prices>", "<num>"). */
const ANGLED = /<([a-z][a-z_-]*)>/g;

/**
 * Phrases naming a placeholder the lexicon does not know: read as plain words, "<prize> off" would
 * quietly match only the words "prize off", so the pack is refused with the name and the list.
 * Only phrases holding "<" pay for the regex: a few dozen in a pack of thousands.
 */
function unknownPlaceholders(list: string, phrases: readonly string[]): string[] {
  const out: string[] = [];
  for (const phrase of phrases) {
    if (!phrase.includes('<')) continue;
    for (const m of phrase.toLowerCase().matchAll(ANGLED))
      if (!(m[0] in PLACEHOLDERS) && m[0] !== NAME_PLACEHOLDER)
        out.push(
          `${listLabel(list)}: "${phrase}" names "${m[0]}", which is no placeholder (known: ${[...Object.keys(PLACEHOLDERS), NAME_PLACEHOLDER].join(', ')})`,
        );
    if (NAME_FIRST.test(splitLanguage(phrase)[0]))
      out.push(
        `${listLabel(list)}: "${phrase}" opens with "${NAME_PLACEHOLDER}"; a name stands after a word ("code ${NAME_PLACEHOLDER}")`,
      );
    if (phrase.toLowerCase().includes(GAP) && !GAP_INSIDE.test(splitLanguage(phrase)[0]))
      out.push(
        `${listLabel(list)}: "${phrase}" puts "${GAP}" first or last; a gap stands only between two words ("free ${GAP} inspection")`,
      );
  }
  return out;
}

/** Characters that can end a sentence or clause in a draft (see tokenize); most phrases hold none. */
const BREAK_CHARS = /[.!?:\u2026\uff1f\uff01\u3002]/;

/**
 * Phrases with a sentence or clause break between their words ("1:1 coaching", "why? because"):
 * a draft's words are matched within one clause, so such a phrase could never match, and the
 * admin would never learn why. The phrase is read by the tokenizer whole, as a draft is, so a
 * break it does not count ("Dr. Yilmaz", "Kund:innen", "e.g") passes. Only phrases holding a
 * break character pay for it.
 */
function brokenPhrases(list: string, phrases: readonly string[]): string[] {
  const out: string[] = [];
  for (const phrase of phrases) {
    if (!BREAK_CHARS.test(phrase)) continue;
    // Placeholders as a word each: "<" and ">" are no break, but "<url>" is not read as a word.
    const read = splitLanguage(phrase)[0].replace(ANGLED, ' x ');
    const tokens = tokenize(read);
    const first = tokens.findIndex((t) => t.kind !== 'punct');
    const last = tokens.findLastIndex((t) => t.kind !== 'punct');
    const inner = tokens.find((t, i) => i > first && i < last && t.kind === 'punct');
    if (first >= 0 && inner)
      out.push(
        `${listLabel(list)}: "${phrase}" holds "${read.slice(inner.start, inner.end)}", which ends a clause; a phrase matches within one clause, so it could never match`,
      );
  }
  return out;
}

/** Where an admin wrote a compiled list: a rule's inline terms, the organisation's words, or `terms`. */
function listLabel(list: string): string {
  if (list.startsWith('inline:')) return "a rule's inline terms";
  if (list.startsWith('org.')) return `organisation (${list.slice(4)})`;
  return `terms.${list}`;
}
