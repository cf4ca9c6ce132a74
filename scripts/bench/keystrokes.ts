/**
 * Main-thread cost of typing into a 3,000-char draft: a Chromium trace and a CPU profile over
 * ~100 real keystrokes, split into one window per key (see attribution.ts).
 */
import type { Page } from 'playwright-core';
import { draftSets } from '../../bench/drafts.ts';
import { attributeKeystrokes, hotFunctions, type CpuProfile, type TraceEvent } from './attribution.ts';
import { EDITOR, enterDraft, longTasksBetween, readProbe, waitQuiet } from './page-probe.ts';
import { percentile } from './stats.ts';

/** Words typed after the 3,000-char draft, one key at a time. */
export const TYPED =
  ' Curious how others handled the finance side of this, and what you would do differently next time around.';
/** Time after the last key still billed to it, so debounced work is counted. */
export const TAIL_US = 1_000_000;

export interface KeystrokeRun {
  draftChars: number;
  /** Wall clock per key window. */
  perKeyMs: number[];
  /** Thread (CPU) time per key window: what the content script itself ran (attribution.ts). */
  perKeyCpuMs: number[];
  /** Content-script time only CPU-profile samples saw (0 in a run without the profiler). */
  sampledOnlyMs: number;
  perKeyForcedLayoutMs: number[];
  perKeyMainThreadMs: number[];
  totalExtensionMs: number;
  traceLongTasks: number;
  traceLongTasksWithExtension: number;
  pageLongTasks: number;
  hot: Array<{ name: string; ms: number }>;
  /** The p95 of each run pooled into this one (one entry for a single run). */
  runP95Ms: number[];
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

export interface KeystrokeOptions {
  /** The extension's URL prefix; null for the run without the extension. */
  origin: string | null;
  /** How many of the typed characters to type. */
  keys?: number;
  /**
   * Pause before each key: one number for a steady burst (25 ms: reads are debounced away), or
   * one per key for an ordinary rhythm (rhythm.ts), where pauses are followed by a read.
   */
  delayMs: number | readonly number[];
  /**
   * CPU-profile sampling interval, 0 (the default) for none. Synchronous handlers and port
   * deliveries are timed exactly by trace events; samples only add work that escapes them (awaited
   * continuations) and name the hot functions. Each sample interrupts the thread: on this machine
   * 200 µs sampling doubled the per-key figures at a typing rhythm, so the figures come from runs
   * without it, and one profiled run shows what the samples alone would add.
   */
  samplingIntervalUs?: number;
}

/**
 * Enters the draft, waits for the page (and the extension, if any) to settle, then traces the
 * typing. A run without the extension only has meaningful main-thread totals.
 */
export async function measureKeystrokes(page: Page, options: KeystrokeOptions): Promise<KeystrokeRun> {
  const { origin, delayMs } = options;
  const samplingIntervalUs = options.samplingIntervalUs ?? 0;
  const draft = draftSets()[1]?.drafts[0]?.text ?? '';
  await page.locator(EDITOR).click();
  await enterDraft(page, draft);
  const draftChars = (await page.evaluate("window.__fixture.read('post').length")) as number;
  await waitQuiet(page, 500, 2_000);

  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  if (samplingIntervalUs > 0) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      // The disabled-by-default category carries RunTask, the main thread's top-level tasks;
      // mojom carries the delivery of the worker's answers (attribution.ts).
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'mojom',
      ],
      excludedCategories: ['*'],
    },
  });
  const keysBefore = (await readProbe(page)).keydowns.length;
  const typed = TYPED.slice(0, options.keys ?? TYPED.length);
  if (typeof delayMs === 'number') await page.keyboard.type(typed, { delay: delayMs });
  else {
    let i = 0;
    for (const char of typed) {
      await page.waitForTimeout(delayMs[i++] ?? 0);
      await page.keyboard.type(char);
    }
  }
  await page.waitForTimeout(TAIL_US / 1000);
  const profile =
    samplingIntervalUs > 0 ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const probe = await readProbe(page);
  const typedKeys = probe.keydowns.slice(keysBefore);
  const from = typedKeys[0] ?? 0;
  const to = (typedKeys[typedKeys.length - 1] ?? 0) + TAIL_US / 1000;
  // A prefix no URL has: with no extension nothing is attributed.
  const prefix = origin ?? 'no-extension://';
  const a = attributeKeystrokes(events, profile, prefix, TAIL_US);
  return {
    draftChars,
    perKeyMs: a.perKeyMs.map(round3),
    perKeyCpuMs: a.perKeyCpuMs.map(round3),
    sampledOnlyMs: a.sampledOnlyMs,
    perKeyForcedLayoutMs: a.perKeyForcedLayoutMs.map(round3),
    perKeyMainThreadMs: a.perKeyMainThreadMs.map(round3),
    totalExtensionMs: a.totalExtensionMs,
    traceLongTasks: a.longTasks,
    traceLongTasksWithExtension: a.longTasksWithExtension,
    pageLongTasks: longTasksBetween(probe, from, to),
    runP95Ms: [round3(percentile(a.perKeyCpuMs, 95))],
    hot:
      origin && profile
        ? hotFunctions(profile, origin, a.fromUs, a.toUs)
            .slice(0, 8)
            .map((h) => ({ name: h.name, ms: Math.round(h.ms * 100) / 100 }))
        : [],
  };
}

/**
 * Several runs read as one: their keystrokes pooled (a p95 over a few hundred keys moves less
 * from run to run than one over a hundred), each run's own p95 kept for the record.
 */
export function poolRuns(runs: readonly KeystrokeRun[]): KeystrokeRun {
  const first = runs[0];
  if (!first) throw new Error('poolRuns needs at least one run');
  const hot = new Map<string, number>();
  for (const run of runs) for (const h of run.hot) hot.set(h.name, (hot.get(h.name) ?? 0) + h.ms);
  const sum = (pick: (run: KeystrokeRun) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    draftChars: first.draftChars,
    perKeyMs: runs.flatMap((r) => r.perKeyMs),
    perKeyCpuMs: runs.flatMap((r) => r.perKeyCpuMs),
    sampledOnlyMs: sum((r) => r.sampledOnlyMs),
    perKeyForcedLayoutMs: runs.flatMap((r) => r.perKeyForcedLayoutMs),
    perKeyMainThreadMs: runs.flatMap((r) => r.perKeyMainThreadMs),
    totalExtensionMs: sum((r) => r.totalExtensionMs),
    traceLongTasks: sum((r) => r.traceLongTasks),
    traceLongTasksWithExtension: sum((r) => r.traceLongTasksWithExtension),
    pageLongTasks: sum((r) => r.pageLongTasks),
    hot: [...hot]
      .map(([name, ms]) => ({ name, ms: Math.round(ms * 100) / 100 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8),
    runP95Ms: runs.flatMap((r) => r.runP95Ms),
  };
}
