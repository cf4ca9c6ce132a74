/**
 * Fits one `signals` rule to labelled drafts: the weight of each of its signals by logistic
 * regression over the counts the rule itself reads (each capped at the signal's `max`), and the
 * threshold where the fitted odds are even. The words, caps and gates stay as the pack has them,
 * so evidence still names the words that tipped the nudge; only numbers move.
 *
 * Deterministic: plain gradient descent from the pack's own weights with fixed steps, no sampling,
 * so the same pack and drafts give the same weights (a second run starts from the first's). A draft counts only where the rule could speak: its kinds and
 * platforms, its required signals present, and none of its `unless` nudges firing (those would
 * silence it whatever its weights). Genuine drafts (no label at all) weigh `genuineWeight` times a
 * flawed one, because a nudge on a good draft costs more trust than a missed one.
 *
 * A veto (a rule that speaks against its nudge, see Rule.veto) is fitted the other way round: on
 * the drafts where the rest of the pack fires its nudge, to tell the ones that do not carry it;
 * there a draft that does carry it weighs `genuineWeight` times, because a veto that silences a
 * true nudge undoes the rules that found it.
 */
import { compilePack, PackError, type CompiledPack } from './pack/compile.ts';
import { check, makeEnv } from './check.ts';
import { evaluate, type EvalReport, type EvalRow } from './evaluate.ts';
import { signalCounts, type CompiledSignal } from './rules/signal-sum.ts';
import type { Evaluate } from './rules/rule-type.ts';

export interface SignalFitOptions {
  /** L2 penalty on the weights: small, so that rare signals do not run to extremes. */
  l2?: number;
  iterations?: number;
  /** How much more a genuine draft weighs than a flawed one in the fit. */
  genuineWeight?: number;
  /**
   * Fit only on the drafts the pack's other rules leave without the rule's nudge: for a rule
   * meant to catch what the others miss, so that its weights learn the misses, not the drafts
   * the others already flag (a fit on those makes the rule a second, blunter copy of them).
   */
  residual?: boolean;
}

export interface SignalFit {
  /** The pack, as JSON, with the rule's fitted weights and threshold. */
  pack: Record<string, unknown>;
  /** Per signal, in the rule's order: a label for it, and its weight before and after. */
  weights: { signal: string; from: number; to: number; fixed: boolean }[];
  threshold: { from: number; to: number };
  /**
   * The drafts the rule could speak on, and how many of them carry its nudge; for a veto, the
   * drafts the rest of the pack flags, and how many of them do not carry it (what it should silence).
   */
  drafts: number;
  positives: number;
  veto: boolean;
  before: EvalReport;
  after: EvalReport;
}

type Rule = { id: string; type: string; params: Record<string, unknown> };

const round = (x: number): number => Math.round(x * 100) / 100;

export function fitSignals(
  packJson: unknown,
  rows: readonly EvalRow[],
  ruleId: string,
  base?: CompiledPack,
  options: SignalFitOptions = {},
): SignalFit {
  const json = packJson as Record<string, unknown>;
  const pack = compilePack(json, base, { skipExamples: true });
  const compiled = pack.rules.find((r) => r.id === ruleId);
  const source = (json.rules as Rule[] | undefined)?.find((r) => r.id === ruleId);
  const list = (compiled?.evaluate as (Evaluate & { signals?: CompiledSignal[] }) | undefined)?.signals;
  if (!compiled || !source || !list)
    throw new PackError([
      `rules: no signals rule "${ruleId}" in this pack (a pack that extends another fits only its own rules)`,
    ]);
  const params = source.params as { signals: { weight: unknown }[]; threshold: unknown; requires?: string[] };
  const required = new Set(params.requires ?? []);
  const fixed = list.map((s) => s.name !== undefined && required.has(s.name));

  // The drafts the rule could speak on, as count vectors.
  const xs: number[][] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  const genuineWeight = options.genuineWeight ?? 3;
  const veto = compiled?.veto === true;
  const others =
    options.residual || veto
      ? compilePack({ ...json, rules: (json.rules as Rule[]).filter((r) => r.id !== ruleId) }, base, {
          skipExamples: true,
        })
      : null;
  for (const row of rows) {
    if (compiled.kinds && !compiled.kinds.has(row.kind)) continue;
    if (compiled.platforms && !compiled.platforms.has(row.platform)) continue;
    // A veto reads the drafts the others flag; a residual rule, the ones they leave.
    if (others && check(row, others).all.some((n) => n.id === compiled.nudge) !== veto) continue;
    const env = makeEnv(row, pack, {});
    const x = signalCounts(list, env.doc, env.hits, row.kind);
    if (fixed.some((f) => f) && !x.some((c, i) => fixed[i] && c > 0)) continue;
    if (compiled.unless.length) {
      const fired = check(row, pack).all.map((n) => n.id);
      if (compiled.unless.some((u) => fired.includes(u))) continue;
    }
    const carries = row.expect.includes(compiled.nudge);
    xs.push(x);
    ys.push(carries !== veto ? 1 : 0);
    ws.push(veto ? (carries ? genuineWeight : 1) : row.expect.length === 0 ? genuineWeight : 1);
  }
  const positives = ys.reduce((a, b) => a + b, 0);
  if (positives === 0 || positives === ys.length)
    throw new PackError([
      `rules.${ruleId}: the labelled drafts it reads need both drafts that carry "${compiled.nudge}" and drafts that do not (${veto ? ys.length - positives : positives} of ${ys.length} do)`,
    ]);

  // Logistic regression; a required signal keeps its weight (it gates, it does not weigh).
  const n = list.length;
  // From the pack's own weights, and pulled back toward them: the fit moves a weight only as far
  // as the drafts give reason to (a pack author's judgement is the prior, the drafts the evidence).
  const prior = list.map((s) => s.weight);
  const w = [...prior];
  // Named numbers as the merged pack knows them: an admin pack may name one its base defines.
  const named = pack.source.thresholds;
  const threshold0 =
    typeof params.threshold === 'number' ? params.threshold : (named[params.threshold as string] ?? 0);
  let b = -threshold0;
  const l2 = options.l2 ?? 0.003;
  const rate = 0.05;
  const total = ws.reduce((a, c) => a + c, 0);
  for (let it = 0; it < (options.iterations ?? 4000); it++) {
    const grad = new Array<number>(n).fill(0);
    let gb = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      let z = b;
      for (let i = 0; i < n; i++) z += w[i]! * x[i]!;
      const g = (1 / (1 + Math.exp(-z)) - ys[k]!) * ws[k]!;
      for (let i = 0; i < n; i++) grad[i]! += g * x[i]!;
      gb += g;
    }
    for (let i = 0; i < n; i++) if (!fixed[i]) w[i]! -= rate * (grad[i]! / total + l2 * (w[i]! - prior[i]!));
    b -= rate * (gb / total);
  }
  const weights = w.map((v, i) => (fixed[i] ? v : round(v)));

  // The threshold: where the fitted odds are even (a genuine draft weighing `genuineWeight`
  // flawed ones). A search for the best F0.5 on the same drafts chose lower thresholds that gave
  // more false nudges on batches it had not seen.
  const threshold = round(-b);

  const fitted = structuredClone(json);
  const rule = (fitted.rules as Rule[]).find((r) => r.id === ruleId)!;
  const fittedParams = rule.params as typeof params;
  // A number the pack names in its thresholds moves there, so every rule that shares it agrees
  // (into this pack's own thresholds, over its base's value when the base defines the name).
  const thresholds = ((fitted.thresholds as Record<string, number> | undefined) ??= {});
  const put = (value: unknown, to: number, set: (v: number) => void): void => {
    if (typeof value === 'string' && value in named) thresholds[value] = to;
    else set(to);
  };
  fittedParams.signals.forEach((s, i) => {
    if (!fixed[i]) put(s.weight, weights[i]!, (v) => (s.weight = v));
  });
  put(fittedParams.threshold, threshold, (v) => (fittedParams.threshold = v));
  const label = (s: CompiledSignal, i: number): string => {
    const raw = params.signals[i] as { terms?: unknown; feature?: string };
    const what = typeof raw.terms === 'string' ? raw.terms : (raw.feature ?? `signal ${i}`);
    return s.name ? `${what} (${s.name})` : what;
  };
  return {
    pack: fitted,
    weights: list.map((s, i) => ({ signal: label(s, i), from: s.weight, to: weights[i]!, fixed: fixed[i]! })),
    threshold: { from: threshold0, to: threshold },
    drafts: xs.length,
    positives,
    veto,
    before: evaluate(rows, pack),
    after: evaluate(rows, compilePack(fitted, base, { skipExamples: true })),
  };
}
