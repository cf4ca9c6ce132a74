/**
 * Scores one draft against a compiled pack: the single entry point the worker, the CLI and
 * tests share. Linear in the draft: one tokenisation, one lexicon pass, then each rule reads
 * the shared features.
 */
import type { CompiledPack, CompiledRule } from './pack/compile.ts';
import type { Finding, RuleEnv } from './rules/rule-type.ts';
import type { CheckOptions, CheckResult, Draft, Nudge } from './types.ts';
import { analyse } from './text/features.ts';

/** Longer drafts are coached on their first part only, with a note saying so. */
export const MAX_DRAFT_CHARS = 100_000;
/** The popup and the indicator show this many nudges at most. */
export const MAX_SHOWN = 3;

// C0/C1 controls other than tab and newline become spaces, keeping every offset in place.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

function fill(template: string, vars: Finding['vars']): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

function applies(rule: CompiledRule, draft: Draft): boolean {
  return (
    (!rule.platforms || rule.platforms.has(draft.platform)) && (!rule.kinds || rule.kinds.has(draft.kind))
  );
}

function runRules(rules: readonly CompiledRule[], env: RuleEnv): { rule: CompiledRule; finding: Finding }[] {
  const out = [];
  for (const rule of rules) {
    if (!applies(rule, env.draft)) continue;
    if (rule.history && !env.history) continue;
    if (!rule.history && env.doc.text.trim() === '') continue;
    const finding = rule.evaluate(env);
    if (finding) out.push({ rule, finding });
  }
  return out;
}

function makeEnv(draft: Draft, pack: CompiledPack, options: CheckOptions): RuleEnv {
  const doc = analyse(draft.text);
  const env: RuleEnv = {
    doc,
    hits: pack.lexicon.match(doc.tokens),
    draft,
    history: options.history,
    now: options.now ?? new Date(),
    classify(ruleId, other) {
      const rules = pack.rules.filter((r) => (r.id === ruleId || r.nudge === ruleId) && !r.history);
      return runRules(rules, makeEnv(capped(other).draft, pack, {})).length > 0;
    },
  };
  return env;
}

function capped(draft: Draft): { draft: Draft; truncated: boolean } {
  let text = draft.text.replace(CONTROL, ' ');
  const truncated = text.length > MAX_DRAFT_CHARS;
  if (truncated) text = text.slice(0, MAX_DRAFT_CHARS);
  return { draft: { ...draft, text }, truncated };
}

export function check(input: Draft, pack: CompiledPack, options: CheckOptions = {}): CheckResult {
  const { draft, truncated } = capped(input);
  const notes: string[] = [];
  if (truncated) {
    notes.push(
      `The draft is ${input.text.length.toLocaleString('en')} characters; only the first ${MAX_DRAFT_CHARS.toLocaleString('en')} were coached.`,
    );
  }
  const empty = draft.text.trim() === '';
  if (empty) notes.push('Nothing to coach yet: the draft is empty.');

  const found = runRules(pack.rules, makeEnv(draft, pack, options));
  const fired = new Set(found.map((f) => f.rule.nudge));
  // A more specific diagnosis silences a generic one ("unless"); one level is enough.
  const kept = found.filter((f) => !f.rule.unless.some((id) => fired.has(id)));

  // Several rules may report one nudge (platform-fit: length, hashtags, fold): merge them.
  const byNudge = new Map<string, Nudge>();
  for (const { rule, finding } of kept) {
    const existing = byNudge.get(rule.nudge);
    if (existing) {
      existing.evidence.push(...finding.evidence);
      if (rule.severity === 'warn') existing.severity = 'warn';
      continue;
    }
    byNudge.set(rule.nudge, {
      id: rule.nudge,
      severity: rule.severity,
      title: fill(rule.message.title, finding.vars),
      reason: fill(rule.message.reason, finding.vars),
      suggestion: fill(rule.message.suggestion, finding.vars),
      evidence: [...finding.evidence],
    });
  }
  // Warnings first; within a severity, the pack's order says what matters most.
  const all = [...byNudge.values()].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'warn' ? -1 : 1,
  );
  let score = empty ? 0 : 100;
  if (!empty) {
    for (const n of all) {
      const rule = pack.rules.find((r) => r.nudge === n.id);
      if (rule && !rule.history) score -= n.severity === 'warn' ? pack.penalty.warn : pack.penalty.info;
    }
  }
  score = Math.max(0, Math.min(100, Math.round(score)));
  const band = empty ? 'empty' : (pack.bands.find((b) => score >= b.min)?.label ?? 'weak');
  return { score, band, nudges: all.slice(0, MAX_SHOWN), all, notes, truncated };
}
