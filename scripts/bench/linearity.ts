/**
 * Rapport's linearity, measured on its own. The size classes of the engine bench run one after
 * another, seconds apart, so a machine that slows down during one of them (another process, a
 * throttled core) bends the per-character cost between sizes by as much as the code could. Here
 * every draft of every size is timed in each round, in a shuffled order, so drift lands on all
 * sizes alike and what remains is how the cost grows with length.
 */
import { check, compilePack, defaultPackJson } from './shipped-engine.ts';
import { mulberry32, type DraftSet } from '../../bench/drafts.ts';
import { mean, median } from './stats.ts';
import { callsPerBatch, collectGarbage, timeSyncBatch, type SyncRun } from './timing.ts';

export interface LinearitySize {
  size: number;
  chars: number[];
  meanChars: number;
  /** Median of each draft's own samples, in draft order. */
  perDraftMedianUs: number[];
  medianUs: number;
}

export interface LinearityRun {
  rounds: number;
  seconds: number;
  sizes: LinearitySize[];
}

export interface LinearityOptions {
  budgetSeconds: number;
  warmUpMs: number;
  batchTargetNs: number;
  log: (line: string) => void;
}

export function runLinearityBench(sets: readonly DraftSet[], opts: LinearityOptions): LinearityRun {
  const pack = compilePack(defaultPackJson);
  const drafts = sets.flatMap((set, s) =>
    set.drafts.map((d) => {
      const draft = { text: d.text, platform: d.platform, kind: d.kind };
      const run: SyncRun = () => check(draft, pack).score;
      return { set: s, chars: d.text.length, run, calls: 1, samples: [] as number[] };
    }),
  );
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  // Warm-up, then size each draft's batch so a short draft's sample is not one timer tick.
  const estimates: number[][] = drafts.map(() => []);
  while (elapsed() * 1000 < opts.warmUpMs)
    drafts.forEach((d, i) => estimates[i]?.push(timeSyncBatch(d.run, 1)));
  drafts.forEach(
    (d, i) => (d.calls = callsPerBatch(median(estimates[i]?.slice(1) ?? []), opts.batchTargetNs)),
  );
  const timedFrom = elapsed();
  const random = mulberry32(9);
  const order = drafts.map((_, i) => i);
  let rounds = 0;
  while (rounds < 3 || elapsed() - timedFrom < opts.budgetSeconds) {
    // Fisher–Yates, seeded: no size class always runs right after a collection.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    collectGarbage();
    for (const i of order) {
      const d = drafts[i];
      if (d) d.samples.push(timeSyncBatch(d.run, d.calls) / 1000);
    }
    rounds++;
  }
  const sizes = sets.map((set, s): LinearitySize => {
    const mine = drafts.filter((d) => d.set === s);
    const perDraftMedianUs = mine.map((d) => median(d.samples));
    const chars = mine.map((d) => d.chars);
    return {
      size: set.size,
      chars,
      meanChars: mean(chars),
      perDraftMedianUs,
      medianUs: median(perDraftMedianUs),
    };
  });
  const seconds = elapsed();
  opts.log(
    `  linearity: ${drafts.length} drafts of ${sets.length} sizes in each of ${rounds} rounds, ${seconds.toFixed(1)} s`,
  );
  return { rounds, seconds, sizes };
}
