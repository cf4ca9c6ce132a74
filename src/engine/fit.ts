/**
 * Fits a pack's thresholds to labelled drafts: coordinate search, one threshold at a time, over a
 * fixed grid of multipliers, keeping a change only when it raises the mean F-score of the scored
 * nudges (β = 0.5: precision counts twice, because a wrong nudge costs more trust than a missed
 * one). Deterministic: the same pack and drafts give the same thresholds. The words stay as the
 * pack has them, so evidence still names what tipped each nudge; only numbers move.
 */
import { compilePack, type CompiledPack } from './pack/compile.ts';
import { evaluate, SCORED_NUDGES, type EvalReport, type EvalRow } from './evaluate.ts';

export interface FitOptions {
  /** Threshold names to fit; default: every one outside `history.*` and `linkedin.*` (facts, not taste). */
  only?: readonly string[];
  multipliers?: readonly number[];
  passes?: number;
  /** A change must raise the objective by more than this (no drifting on ties). */
  minGain?: number;
}

export interface FitResult {
  thresholds: Record<string, number>;
  changed: Record<string, { from: number; to: number }>;
  before: { objective: number; report: EvalReport };
  after: { objective: number; report: EvalReport };
}

const MULTIPLIERS = [0.6, 0.75, 0.9, 1.1, 1.25, 1.5];

/** Mean F0.5 over the scored nudges the drafts label at least once. */
export function objective(report: EvalReport, rows: readonly EvalRow[]): number {
  const ids = SCORED_NUDGES.filter((id) => rows.some((r) => r.expect.includes(id)));
  if (ids.length === 0) return 0;
  const b2 = 0.25;
  let sum = 0;
  for (const id of ids) {
    const s = report.perId[id]!;
    const p = s.precision;
    const r = s.recall;
    sum += p + r === 0 ? 0 : ((1 + b2) * p * r) / (b2 * p + r);
  }
  return sum / ids.length;
}

function withThresholds(
  json: Record<string, unknown>,
  thresholds: Record<string, number>,
): Record<string, unknown> {
  return {
    ...json,
    thresholds: { ...(json.thresholds as Record<string, number> | undefined), ...thresholds },
  };
}

export function fitThresholds(
  packJson: unknown,
  rows: readonly EvalRow[],
  base?: CompiledPack,
  options: FitOptions = {},
): FitResult {
  const json = packJson as Record<string, unknown>;
  // The merged pack knows every threshold, the base's included.
  const start = compilePack(json, base, { skipExamples: true });
  const all = start.source.thresholds;
  const names = (options.only ?? Object.keys(all).filter((k) => !/^(history|linkedin)\./.test(k))).filter(
    (k) => k in all,
  );
  const multipliers = options.multipliers ?? MULTIPLIERS;
  const minGain = options.minGain ?? 0.002;
  const current: Record<string, number> = {};
  for (const k of names) current[k] = all[k]!;

  const score = (t: Record<string, number>): { objective: number; report: EvalReport } => {
    const report = evaluate(rows, compilePack(withThresholds(json, t), base, { skipExamples: true }));
    return { objective: objective(report, rows), report };
  };
  const before = score(current);
  let best = before;
  for (let pass = 0; pass < (options.passes ?? 2); pass++) {
    let moved = false;
    for (const name of names) {
      const from = current[name]!;
      for (const m of multipliers) {
        const value = Math.round(from * m * 1000) / 1000;
        if (value === current[name]) continue;
        const trial = score({ ...current, [name]: value });
        if (trial.objective > best.objective + minGain) {
          best = trial;
          current[name] = value;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  const changed: FitResult['changed'] = {};
  for (const k of names) if (current[k] !== all[k]) changed[k] = { from: all[k]!, to: current[k]! };
  return { thresholds: current, changed, before, after: best };
}
