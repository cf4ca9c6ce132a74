/**
 * The targets, judged from the bench's results. Each target says how it was measured so
 * a MISS is never a mystery.
 */
import type { EngineBenchResult, SizeResult } from './engine.ts';
import type { HistoryBenchResult } from './history.ts';
import { growthExponent, linearFit, median } from './stats.ts';

export interface Target {
  name: string;
  value: number | null;
  unit: string;
  /** `<=` or `>=` against `bound`; value null means not measured. */
  op: '<=' | '>=';
  bound: number;
  status: 'PASS' | 'MISS' | 'SKIP';
  note?: string;
}

export interface Linearity {
  /** Rapport's median µs per 1,000 characters, per long size class. */
  perKchar: Array<{ size: number; usPerKchar: number }>;
  /** Largest per-1,000-char cost over the smallest: 1 is perfectly linear. */
  ratio: number;
  /** R² of time against length over every draft's median, all sizes. */
  r2: number;
  slopeUsPerKchar: number;
  interceptUs: number;
  /** log-log growth between the smallest and the largest long size: 1 linear, 2 quadratic. */
  exponent: number;
}

/** Linear enough: per-char cost within 1.5× across 3k–30k and a straight line explains ≥ 95 % of the variance. */
export const LINEAR_MAX_RATIO = 1.5;
export const LINEAR_MIN_R2 = 0.95;

export function judge(value: number | null, op: '<=' | '>=', bound: number): Target['status'] {
  if (value === null || !Number.isFinite(value)) return 'SKIP';
  return (op === '<=' ? value <= bound : value >= bound) ? 'PASS' : 'MISS';
}

export function target(
  name: string,
  value: number | null,
  unit: string,
  op: '<=' | '>=',
  bound: number,
  note?: string,
): Target {
  return { name, value, unit, op, bound, status: judge(value, op, bound), ...(note ? { note } : {}) };
}

function bySize(engine: EngineBenchResult, size: number): SizeResult | undefined {
  return engine.sizes.find((s) => s.size === size);
}

/** The sizes linearity is judged on: Rapport's own interleaved run (linearity.ts). */
export interface LinearityInput {
  sizes: ReadonlyArray<{
    size: number;
    chars: number[];
    meanChars: number;
    perDraftMedianUs: number[];
    medianUs: number;
  }>;
}

export function linearity(engine: LinearityInput): Linearity | null {
  const long = engine.sizes.filter((s) => s.size >= 3_000);
  if (long.length < 2) return null;
  const perKchar = long.map((s) => ({
    size: s.size,
    usPerKchar: median(s.perDraftMedianUs.map((us, i) => (us / (s.chars[i] ?? 1)) * 1000)),
  }));
  const costs = perKchar.map((p) => p.usPerKchar);
  const xs = engine.sizes.flatMap((s) => s.chars);
  const ys = engine.sizes.flatMap((s) => s.perDraftMedianUs);
  const fit = linearFit(xs, ys);
  const first = long[0]!;
  const last = long[long.length - 1]!;
  return {
    perKchar,
    ratio: Math.max(...costs) / Math.min(...costs),
    r2: fit.r2,
    slopeUsPerKchar: fit.slope * 1000,
    interceptUs: fit.intercept,
    exponent: growthExponent(first.meanChars, first.medianUs, last.meanChars, last.medianUs),
  };
}

export function engineTargets(engine: EngineBenchResult, lin: Linearity | null): Target[] {
  const s280 = bySize(engine, 280);
  const s3k = bySize(engine, 3_000);
  const speedup = (s: SizeResult | undefined) => {
    const peer = s?.tools['write-good'];
    return s && peer ? peer.medianUs / s.tools.rapport.medianUs : null;
  };
  return [
    target('Rapport median @280', s280?.tools.rapport.medianUs ?? null, 'µs', '<=', 30),
    target('Rapport median @3,000', s3k?.tools.rapport.medianUs ?? null, 'µs', '<=', 150),
    // Issue 9: at least 20× faster than write-good at both sizes.
    target('write-good / Rapport @280', speedup(s280), '×', '>=', 20),
    target('write-good / Rapport @3,000', speedup(s3k), '×', '>=', 20),
    target('linear: per-1k-char cost max/min (3k–30k)', lin?.ratio ?? null, '×', '<=', LINEAR_MAX_RATIO),
    target('linear: R² of time vs length', lin?.r2 ?? null, '', '>=', LINEAR_MIN_R2),
  ];
}

/** The history targets: a 5,000-event ledger costs a score little more than an empty one. */
export function historyTargets(h: HistoryBenchResult | null, skipped?: string): Target[] {
  return [
    target(
      '5,000-event history / empty, worker (kept summary)',
      h?.worker.ratio ?? null,
      '×',
      '<=',
      1.5,
      skipped,
    ),
    target(
      '5,000-event history / empty, check() with raw history',
      h?.raw.ratio ?? null,
      '×',
      '<=',
      2,
      skipped,
    ),
    // The issue names no bound for the append; 5 ms is this bench's own, on fake-indexeddb in node.
    target('ledger append p95 (fake-indexeddb in node)', h?.append.p95Ms ?? null, 'ms', '<=', 5, skipped),
  ];
}
