/**
 * The engine bench: Rapport's default pack against write-good, alex and a one-regex floor, on the
 * same drafts, interleaved in rounds within one process so machine drift hits every tool alike.
 */
import { text as alexText } from 'alex';
import writeGood from 'write-good';
import { check, compilePack, defaultPackJson } from './shipped-engine.ts';
import type { DraftSet } from '../../bench/drafts.ts';
import { mean, median, percentile } from './stats.ts';
import {
  callsPerBatch,
  collectGarbage,
  timeAsyncBatch,
  timeSyncBatch,
  type AsyncRun,
  type SyncRun,
} from './timing.ts';

export const TOOL_NAMES = ['rapport', 'write-good', 'alex', 'regex-floor'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

interface Tool {
  name: ToolName;
  /** Builds the call for one draft (the draft's text and context are bound once, outside the timing). */
  bind(draft: DraftSet['drafts'][number]): { sync: SyncRun } | { async: AsyncRun };
  /** Batches per draft per round: cheap tools take more samples in the time a slow one takes one. */
  batchesPerRound: number;
  /**
   * Largest size class it runs on. The peers' ratios are targets at 280 and 3,000 only, and at
   * 30k alex alone would take a second a call; linearity is about Rapport.
   */
  maxSize: number;
}

export interface ToolStats {
  medianUs: number;
  p95Us: number;
  samples: number;
  /** Median of each draft's own samples, in draft order (for the linear fit). */
  perDraftMedianUs: number[];
}

export interface SizeResult {
  size: number;
  drafts: number;
  meanChars: number;
  chars: number[];
  rounds: number;
  seconds: number;
  /** Rapport always; a peer only on the sizes it runs on. */
  tools: { rapport: ToolStats } & Partial<Record<ToolName, ToolStats>>;
  /** Drafts the engine reported as capped (its numbers then do not cover the whole text). */
  truncatedDrafts: number;
}

export interface EngineBenchResult {
  pack: { name: string; version: string };
  gcBetweenPhases: boolean;
  sizes: SizeResult[];
}

export interface EngineBenchOptions {
  /** Seconds of timed rounds per size class (warm-up not included). */
  budgetSeconds: (size: number) => number;
  minRounds: number;
  maxRounds: number;
  batchTargetNs: number;
  log: (line: string) => void;
}

const FLOOR = /\b(buy|sale|discount)\b/gi;

function makeTools(): {
  tools: Tool[];
  pack: { name: string; version: string };
  truncated: (t: DraftSet['drafts'][number]) => boolean;
} {
  const pack = compilePack(defaultPackJson);
  const tools: Tool[] = [
    {
      name: 'rapport',
      batchesPerRound: 5,
      maxSize: Infinity,
      bind: (d) => {
        const draft = { text: d.text, platform: d.platform, kind: d.kind };
        return { sync: () => check(draft, pack).score };
      },
    },
    {
      name: 'write-good',
      batchesPerRound: 1,
      maxSize: 3_000,
      bind: (d) => ({ sync: () => writeGood(d.text).length }),
    },
    {
      name: 'alex',
      batchesPerRound: 1,
      maxSize: 3_000,
      // alex 11's text() happens to be synchronous, but it is awaited per call so the bench stays
      // honest if it returns a promise in another version.
      bind: (d) => ({ async: async () => (await alexText(d.text)).messages.length }),
    },
    {
      name: 'regex-floor',
      batchesPerRound: 5,
      maxSize: Infinity,
      bind: (d) => ({ sync: () => d.text.match(FLOOR)?.length ?? 0 }),
    },
  ];
  return {
    tools,
    pack: { name: pack.name, version: pack.version },
    truncated: (d) => check({ text: d.text, platform: d.platform, kind: d.kind }, pack).truncated,
  };
}

async function timeBatch(run: { sync: SyncRun } | { async: AsyncRun }, calls: number): Promise<number> {
  return 'sync' in run ? timeSyncBatch(run.sync, calls) : timeAsyncBatch(run.async, calls);
}

/**
 * Warm-up per tool and size class. V8 moves hot code up its tiers (interpreter, baseline, Maglev,
 * TurboFan) over the first second or so of calls: measured here, Rapport's median at 280 chars
 * read ~97 µs after a 150 ms warm-up and ~64 µs after 3 s, so a short warm-up times half-compiled
 * code and the ratios say more about the JIT than about the tools. Every tool gets the same.
 */
const WARM_UP_MS = 1_000;

/** Warm-up: every draft a few times until WARM_UP_MS went by; returns each draft's per-call estimate. */
async function warmUp(run: Array<{ sync: SyncRun } | { async: AsyncRun }>): Promise<number[]> {
  const estimates: number[][] = run.map(() => []);
  const started = process.hrtime.bigint();
  for (let pass = 0; ; pass++) {
    for (let i = 0; i < run.length; i++)
      estimates[i]?.push(await timeBatch(run[i] as (typeof run)[number], 1));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (pass >= 2 && elapsedMs > WARM_UP_MS) break;
    if (pass >= 5000) break;
  }
  // The first calls carry compilation; the median of the rest is the steady-state estimate.
  return estimates.map((e) => median(e.slice(1)));
}

export async function runEngineBench(sets: DraftSet[], opts: EngineBenchOptions): Promise<EngineBenchResult> {
  const { tools: allTools, pack, truncated } = makeTools();
  const sizes: SizeResult[] = [];
  for (const set of sets) {
    const t0 = process.hrtime.bigint();
    const tools = allTools.filter((tool) => set.size <= tool.maxSize);
    const bound = tools.map((tool) => set.drafts.map((d) => tool.bind(d)));
    // One forced collection per size class, before the warm-ups, not one before every tool's turn:
    // measured here, a forced full GC leaves the next ~800 Rapport calls (about 100 ms) three to
    // four times slower while V8 settles again, so collecting before each turn billed that to the
    // fast tool (Rapport's median at 280 chars read 45-70 µs against 28-33 µs in steady state),
    // while a 1 ms write-good call hardly notices. Natural collections still happen during timing.
    collectGarbage();
    const calls: number[][] = [];
    for (const runs of bound) {
      const estimates = await warmUp(runs);
      calls.push(estimates.map((e) => callsPerBatch(e, opts.batchTargetNs)));
    }
    const samples: number[][][] = tools.map(() => set.drafts.map(() => []));
    const timedStart = process.hrtime.bigint();
    let rounds = 0;
    while (rounds < opts.maxRounds) {
      // Rotating which tool goes first keeps any within-round drift from favouring one of them.
      for (let k = 0; k < tools.length; k++) {
        const t = (k + rounds) % tools.length;
        const tool = tools[t] as Tool;
        for (let d = 0; d < set.drafts.length; d++) {
          const run = bound[t]?.[d];
          const n = calls[t]?.[d];
          if (!run || !n) continue;
          for (let b = 0; b < tool.batchesPerRound; b++) samples[t]?.[d]?.push(await timeBatch(run, n));
        }
      }
      rounds++;
      const elapsed = Number(process.hrtime.bigint() - timedStart) / 1e9;
      if (rounds >= opts.minRounds && elapsed >= opts.budgetSeconds(set.size)) break;
    }
    const stats = (t: number): ToolStats => {
      const perDraft = samples[t] ?? [];
      const all = perDraft.flat().map((ns) => ns / 1000);
      return {
        medianUs: median(all),
        p95Us: percentile(all, 95),
        samples: all.length,
        perDraftMedianUs: perDraft.map((s) => median(s) / 1000),
      };
    };
    const toolStats: SizeResult['tools'] = { rapport: stats(tools.findIndex((t) => t.name === 'rapport')) };
    tools.forEach((tool, t) => {
      toolStats[tool.name] = stats(t);
    });
    const chars = set.drafts.map((d) => d.text.length);
    const result: SizeResult = {
      size: set.size,
      drafts: set.drafts.length,
      meanChars: mean(chars),
      chars,
      rounds,
      seconds: Number(process.hrtime.bigint() - t0) / 1e9,
      tools: toolStats,
      truncatedDrafts: set.drafts.filter(truncated).length,
    };
    opts.log(
      `  ${set.size} chars: ${rounds} rounds in ${result.seconds.toFixed(1)} s (rapport median ${toolStats.rapport.medianUs.toFixed(2)} µs)`,
    );
    sizes.push(result);
  }
  return { pack, gcBetweenPhases: typeof (globalThis as { gc?: unknown }).gc === 'function', sizes };
}
