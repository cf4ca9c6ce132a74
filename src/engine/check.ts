/**
 * Scores one draft against a compiled pack: the single entry point the worker, the CLI and
 * tests share. Linear in the draft: one tokenisation, one lexicon pass, then each rule reads
 * the shared features.
 */
import type { CompiledPack, CompiledRule } from './pack/compile.ts';
import type { Finding, RuleEnv } from './rules/rule-type.ts';
import type { CheckOptions, CheckResult, Draft, Nudge } from './types.ts';
import { FEATURE_INDEX, analyse } from './text/features.ts';
import { CONTROL } from './text/tokenize.ts';
import { blankSpan, quotedLead } from './text/quoted-lead.ts';
import { UNDETERMINED } from './text/language.ts';
import { scoreSignals } from './rules/signal-sum.ts';
import { summaryOf } from './history/memo.ts';

/** Longer drafts are coached on their first part only, with a note saying so. */
export const MAX_DRAFT_CHARS = 100_000;
/** The popup and the indicator show this many nudges at most. */
export const MAX_SHOWN = 3;

/** Templates split once into text and `{name}` slots: a nudge's wording is filled on every score. */
const templates = new Map<string, string[]>();

function fill(template: string, vars: Finding['vars']): string {
  if (!vars || !template.includes('{')) return template;
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Packs are few and their wording fixed; the bound only guards against a pathological caller.
    if (templates.size > 10_000) templates.clear();
    templates.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (key in vars ? String(vars[key]) : `{${key}}`) + parts[i + 1]!;
  }
  return out;
}

function applies(rule: CompiledRule, draft: Draft): boolean {
  return (
    (!rule.platforms || rule.platforms.has(draft.platform)) && (!rule.kinds || rule.kinds.has(draft.kind))
  );
}

/** Whether the pack's words cover the draft's language (a draft too short to tell is covered). */
function covered(pack: CompiledPack, env: RuleEnv): boolean {
  const lang = env.doc.language;
  return pack.languages === null || lang === UNDETERMINED || pack.languages.has(lang);
}

/**
 * The rules that read a draft of this platform and kind, in pack order, chosen once per pack and
 * pair rather than tested rule by rule on every score (a pack is never changed once compiled).
 */
const rulesFor = new WeakMap<readonly CompiledRule[], Map<string, Map<string, readonly CompiledRule[]>>>();

function applicable(rules: readonly CompiledRule[], draft: Draft): readonly CompiledRule[] {
  let byPlatform = rulesFor.get(rules);
  if (!byPlatform) rulesFor.set(rules, (byPlatform = new Map()));
  // Platform, then kind: two lookups of strings a caller passes as they are, where one key made
  // of both was a fresh string to hash on every score.
  let byKind = byPlatform.get(draft.platform);
  if (!byKind) {
    byKind = new Map();
    // Platforms and kinds are closed sets; the bounds only guard against a caller passing others.
    if (byPlatform.size < 100) byPlatform.set(draft.platform, byKind);
  }
  let list = byKind.get(draft.kind);
  if (!list) {
    list = rules.filter((rule) => applies(rule, draft));
    if (byKind.size < 100) byKind.set(draft.kind, list);
  }
  return list;
}

/**
 * Per rule of a list, the earlier rules whose firing makes it moot: both verdict rules (see
 * CompiledRule.verdict) of the same nudge, the earlier of a severity at least as high and with no
 * `unless` the later one lacks (so whenever the later one would stand, the earlier one stands
 * too). Such a rule would only add quotes of the same kind to a nudge already found: an ad that
 * fires the main pure-promotion rule skips the askless, closing and listing rules after it, about
 * a third of scoring that ad. Metric rules are never skipped (too long and too many hashtags are
 * two problems, each quoted).
 */
const shadowsOf = new WeakMap<readonly CompiledRule[], readonly (readonly number[])[]>();

function shadows(list: readonly CompiledRule[]): readonly (readonly number[])[] {
  let found = shadowsOf.get(list);
  if (!found) {
    found = list.map((later, j) =>
      list
        .slice(0, j)
        .map((earlier, i) => ({ earlier, i }))
        .filter(
          ({ earlier }) =>
            earlier.nudge === later.nudge &&
            earlier.verdict &&
            later.verdict &&
            (earlier.severity === 'warn' || later.severity === earlier.severity) &&
            earlier.unless.every((u) => later.unless.includes(u)),
        )
        .map(({ i }) => i),
    );
    shadowsOf.set(list, found);
  }
  return found;
}

/** Whether any of these rules fired: a loop, where `some` made a closure a rule once one fired. */
function anyFired(rules: readonly number[], fired: readonly number[]): boolean {
  for (const i of rules) for (const k of fired) if (k === i) return true;
  return false;
}

/** Whether a finding of this nudge is among these (a loop, not `some` with an arrow over `nudge`). */
function nudgeFound(found: readonly { rule: CompiledRule }[], nudge: string): boolean {
  for (const f of found) if (f.rule.nudge === nudge) return true;
  return false;
}

function runRules(
  rules: readonly CompiledRule[],
  env: RuleEnv,
  wording: boolean,
  blank: boolean,
): { rule: CompiledRule; finding: Finding }[] {
  let out = [];
  const list = applicable(rules, env.draft);
  const shadowed = shadows(list);
  // The indexes of the rules that fired, and of the vetoes, in list order: most drafts fire none
  // or a few, so a short list made on the first beats a flag per rule of the list (an array of
  // its length made and filled once one fired, on most drafts), and the veto pass reads only vetoes.
  let fired: number[] | null = null;
  let vetoes: number[] | null = null;
  for (let j = 0; j < list.length; j++) {
    const rule = list[j]!;
    // A veto is weighed after the others, and only where its nudge fired.
    if (rule.veto) {
      (vetoes ??= []).push(j);
      continue;
    }
    // Draft rules have nothing to read in a blank draft.
    if (rule.history ? !env.summary : blank) continue;
    if (rule.wording && !wording) continue;
    if (fired && anyFired(shadowed[j]!, fired)) continue;
    const finding = rule.evaluate(env);
    if (finding) {
      out.push({ rule, finding });
      (fired ??= []).push(j);
    }
  }
  if (vetoes && out.length) {
    for (const j of vetoes) {
      const rule = list[j]!;
      if (rule.wording && !wording) continue;
      const nudge = rule.nudge;
      if (nudgeFound(out, nudge) && rule.evaluate(env)) out = out.filter((f) => f.rule.nudge !== nudge);
    }
  }
  return out;
}

/**
 * The draft's analysis and matches, with the summary of its history. A draft holding control
 * characters is read as a copy with spaces in their place (offsets stay put); the tokenizer
 * notices them on its way, so a clean draft, nearly every one, costs no extra pass. A reply or
 * comment that opens by quoting the message it answers is read without that quotation, the
 * other person's words (see quoted-lead.ts).
 */
export function makeEnv(input: Draft, pack: CompiledPack, options: CheckOptions): RuleEnv {
  let draft = input;
  const quoted = draft.kind !== 'post' ? quotedLead(draft.text) : null;
  if (quoted) draft = { ...draft, text: blankSpan(draft.text, quoted) };
  let doc = analyse(draft.text);
  if (doc.controls) {
    draft = { ...draft, text: draft.text.replace(CONTROL, ' ') };
    doc = analyse(draft.text);
  }
  // The `quoted-lead` feature: a reply that quotes what it answers owes that message an answer.
  if (quoted) doc.features['quoted-lead'] = doc.values[FEATURE_INDEX['quoted-lead']] = 1;
  const summary = options.summary ?? (options.history ? historySummary(options.history, pack) : undefined);
  return {
    doc,
    hits: pack.lexicon.match(doc.tokens, doc.language),
    draft,
    summary,
    // Only history rules read the clock, and they run only beside a summary: a draft scored
    // without history makes no Date (one was a measurable part of scoring a short draft).
    now: options.now ?? (summary ? new Date() : NO_CLOCK),
  };
}

/**
 * The summary of a raw history. A function of its own: the arrow that classifies past posts
 * reads `pack`, and written inside makeEnv it made every score allocate a context for it, with
 * history or without.
 */
function historySummary(
  history: NonNullable<CheckOptions['history']>,
  pack: CompiledPack,
): ReturnType<typeof summaryOf> {
  return summaryOf(history, pack, (other) => isPromotional(pack, other) ?? false);
}

/** The `now` of a score without history, which no rule reads (see makeEnv). */
const NO_CLOCK = new Date(0);

const promotionRules = new WeakMap<CompiledPack, readonly CompiledRule[]>();

/**
 * Whether the pack's promotion classifier (the rule its `ratio` rules name; `pure-promotion` in
 * the default pack) fires on a draft: the flag the ledger records once per published item.
 * Undefined when the pack has no such rule.
 */
export function isPromotional(pack: CompiledPack, input: Draft): boolean | undefined {
  const id = pack.promotion;
  if (id === null) return undefined;
  // Kept per pack, so the per-pair choice in `applicable` is made once for these rules too (a
  // fresh filtered array per call would start it over for every past post classified).
  let rules = promotionRules.get(pack);
  if (!rules) {
    rules = pack.rules.filter((r) => (r.id === id || r.nudge === id) && !r.history);
    promotionRules.set(pack, rules);
  }
  const env = makeEnv(capped(input).draft, pack, {});
  return runRules(rules, env, covered(pack, env), !/\S/.test(env.draft.text)).length > 0;
}

function capped(draft: Draft): { draft: Draft; truncated: boolean } {
  // Most drafts fit: they go through as they are, with no copy.
  const truncated = draft.text.length > MAX_DRAFT_CHARS;
  if (!truncated) return { draft, truncated };
  return { draft: { ...draft, text: draft.text.slice(0, MAX_DRAFT_CHARS) }, truncated };
}

export function check(input: Draft, pack: CompiledPack, options: CheckOptions = {}): CheckResult {
  const { draft, truncated } = capped(input);
  const notes: string[] = [];
  if (truncated) {
    notes.push(
      `The draft is ${input.text.length.toLocaleString('en')} characters; only the first ${MAX_DRAFT_CHARS.toLocaleString('en')} were coached.`,
    );
  }
  const env = makeEnv(draft, pack, options);
  // A test, not trim(): trim copies the whole draft to answer a yes/no question. Of the text as
  // read, controls made spaces: a draft of nothing but controls is empty.
  const empty = !/\S/.test(env.draft.text);
  if (empty) notes.push('Nothing to coach yet: the draft is empty.');

  const found = runRules(pack.rules, env, covered(pack, env), empty);
  // A more specific diagnosis silences a generic one ("unless"); one level is enough. Few rules
  // fire on a draft, so plain scans beat building sets and maps for them.
  const byNudge: { nudge: Nudge; rule: CompiledRule }[] = [];
  for (const { rule, finding } of found) {
    if (rule.unless.length && anyNudgeFired(rule.unless, found)) continue;
    // Several rules may report one nudge (platform-fit: length, hashtags, fold): merge them.
    const existing = byNudge.find((b) => b.rule.nudge === rule.nudge);
    if (existing) {
      // Two rules of one nudge often quote the same words (an ad fires the main and the askless
      // pure-promotion rules alike): the card shows each quote once.
      const have = existing.nudge.evidence;
      for (const e of finding.evidence)
        if (!have.some((h) => h.text === e.text && h.start === e.start && h.end === e.end)) have.push(e);
      if (rule.severity === 'warn') existing.nudge.severity = 'warn';
      continue;
    }
    byNudge.push({
      rule,
      nudge: {
        id: rule.nudge,
        severity: rule.severity,
        title: fill(rule.message.title, finding.vars),
        reason: fill(rule.message.reason, finding.vars),
        suggestion: fill(rule.message.suggestion, finding.vars),
        evidence: [...finding.evidence],
      },
    });
  }
  // Warnings before tips; then the specific before the generic (a confidential name, a missing
  // disclosure, the person's own history before a soft wording tip); then the pack's order.
  // Most drafts have one nudge or none: no sort to set up for them.
  const ranked = byNudge.length > 1 ? byNudge.sort(byRank) : byNudge;
  const all = ranked.map((r) => r.nudge);
  const score = empty ? 0 : scoreOf(pack, env, ranked);
  const band = empty ? 'empty' : bandOf(pack, score);
  return { score, band, nudges: all.slice(0, MAX_SHOWN), all, notes, truncated };
}

/** Warnings before tips; then by priority (a stable sort keeps the pack's order among equals). */
function byRank(a: { nudge: Nudge; rule: CompiledRule }, b: { nudge: Nudge; rule: CompiledRule }): number {
  return (
    (a.nudge.severity === b.nudge.severity ? 0 : a.nudge.severity === 'warn' ? -1 : 1) ||
    a.rule.priority - b.rule.priority
  );
}

/**
 * Whether any of these nudges is among those found. This and bandOf are loops in functions of
 * their own, where arrows inside check that read `found` and `score` made every score allocate a
 * context for them.
 */
function anyNudgeFired(ids: readonly string[], found: readonly { rule: CompiledRule }[]): boolean {
  for (const id of ids) if (nudgeFound(found, id)) return true;
  return false;
}

/** The label of the first band (highest first) whose minimum the score reaches. */
function bandOf(pack: CompiledPack, score: number): string {
  for (const b of pack.bands) if (score >= b.min) return b.label;
  return 'weak';
}

/**
 * An engagement estimate: the pack's base, plus positive evidence (a question to readers, a
 * first-hand experience, a specific detail), minus a penalty per nudge; a history nudge lowers
 * the score beside it, and some nudges cap it (a confidential name is a stop sign).
 */
function scoreOf(
  pack: CompiledPack,
  env: RuleEnv,
  fired: readonly { nudge: Nudge; rule: CompiledRule }[],
): number {
  const sc = pack.score;
  let score = sc.base;
  if (sc.bonus.length) {
    const bonus = scoreSignals(sc.bonus, env.doc, env.hits, env.draft.kind);
    score += Math.max(-sc.bonusMax, Math.min(sc.bonusMax, bonus));
  }
  let cap = 100;
  for (const { nudge, rule } of fired) {
    const weight = nudge.severity === 'warn' ? 1 : 0.5;
    if (rule.history) score -= sc.penalty.history * weight;
    else score -= nudge.severity === 'warn' ? sc.penalty.warn : sc.penalty.info;
    const c = sc.caps.get(nudge.id);
    if (c !== undefined) cap = Math.min(cap, c);
  }
  return Math.max(0, Math.min(cap, Math.round(score)));
}
