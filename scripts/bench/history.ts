/**
 * History costs: scoring with a 5,000-event ledger against an empty one, in the worker's way (the
 * summary kept in memory beside the ledger) and through `check()` with the raw events (the CLI's
 * `--history`), finely interleaved per draft so drift hits both alike; the one-off costs beside them
 * (summarising the raw events on the first call, rebuilding the worker's summary from its records,
 * recording 5,000 events); and a ledger append's p50/p95 on a full ledger. The append runs on
 * fake-indexeddb in node: it measures the ledger's own work per event (one transaction: the
 * duplicate check, the write, the size cap), not the browser's IndexedDB.
 */
import {
  check,
  compilePack,
  defaultPackJson,
  HistorySummary,
  isPromotional,
} from '../../src/engine/index.ts';
import type { BenchDraft } from '../../bench/drafts.ts';
import { benchHistory } from '../../bench/history.ts';
import { prepare, type LedgerRecord } from '../../src/background/ledger-record.ts';
import { median, percentile } from './stats.ts';
import { callsPerBatch, collectGarbage, sinkValue, timeSyncBatch, type SyncRun } from './timing.ts';

export const HISTORY_EVENTS = 5_000;
const NOW = new Date('2026-11-10T12:00:00Z');

export interface HistoryBenchResult {
  events: number;
  drafts: number;
  rounds: number;
  /** Mean over the drafts of each one's median µs per score. */
  noHistoryUs: number;
  worker: { emptyUs: number; fullUs: number; ratio: number };
  raw: { emptyUs: number; fullUs: number; ratio: number; firstCallMs: number };
  /** Recording the 5,000 events as the ledger does (classify, fingerprint, trim), total. */
  recordMs: number;
  /** The worker's summary rebuilt from 5,000 records (what a worker start costs once). */
  rebuildMs: number;
  waiting: number;
  append: { p50Ms: number; p95Ms: number; samples: number; ledgerSize: number };
  /** Read by nobody: keeps the scores "used". */
  sink: number;
}

const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export async function runHistoryBench(
  drafts: readonly BenchDraft[],
  opts: { budgetSeconds: number; appendSamples: number; log: (line: string) => void },
): Promise<HistoryBenchResult> {
  const pack = compilePack(defaultPackJson);
  const events = benchHistory(HISTORY_EVENTS, NOW);

  let t0 = process.hrtime.bigint();
  const records: LedgerRecord[] = [];
  for (const e of events) {
    const prepared = prepare(e, (d) => isPromotional(pack, d));
    if (prepared.ok) records.push(prepared.record);
  }
  const recordMs = msSince(t0);
  t0 = process.hrtime.bigint();
  const kept = new HistorySummary();
  for (const r of records) kept.add(r.event, { key: r.key, fingerprint: r.fingerprint ?? [] });
  const rebuildMs = msSince(t0);
  const empty = new HistorySummary();
  const noEvents: typeof events = [];

  // The first call summarises the raw events (and classifies the posts the ratio nudge reads).
  const draft0 = drafts[0]!;
  t0 = process.hrtime.bigint();
  check({ text: draft0.text, platform: draft0.platform, kind: draft0.kind }, pack, {
    history: events,
    now: NOW,
  });
  const firstCallMs = msSince(t0);

  const variants: Record<string, (d: BenchDraft) => SyncRun> = {
    none: (d) => () => check(d, pack, { now: NOW }).score,
    workerEmpty: (d) => () => check(d, pack, { summary: empty, now: NOW }).score,
    workerFull: (d) => () => check(d, pack, { summary: kept, now: NOW }).score,
    rawEmpty: (d) => () => check(d, pack, { history: noEvents, now: NOW }).score,
    rawFull: (d) => () => check(d, pack, { history: events, now: NOW }).score,
  };
  const names = Object.keys(variants);
  const bound = names.map((name) =>
    drafts.map((d) => variants[name]!({ text: d.text, platform: d.platform, kind: d.kind } as BenchDraft)),
  );
  // Warm-up and batch sizes from a few calls of each.
  const calls = bound.map((runs) =>
    runs.map((run) => {
      for (let i = 0; i < 3; i++) run();
      return callsPerBatch(timeSyncBatch(run, 20), 500_000);
    }),
  );
  const samples = names.map(() => drafts.map(() => [] as number[]));
  // Each path is measured in its own phase, against the empty history it is compared with: a
  // worker holds one summary, and hopping between two 5,000-event ones would only measure the
  // caches. Within a phase the variants are finely interleaved — per draft, back to back, in
  // rotating order, about half a millisecond a batch — so whatever else the machine is doing hits
  // them alike; the medians drop the batches another process interrupted.
  const phases = [
    [names.indexOf('none'), names.indexOf('workerEmpty'), names.indexOf('workerFull')],
    [names.indexOf('rawEmpty'), names.indexOf('rawFull')],
  ];
  let rounds = 0;
  for (const phase of phases) {
    const started = process.hrtime.bigint();
    let r = 0;
    while (r < 5 || msSince(started) < (opts.budgetSeconds * 1000) / phases.length) {
      collectGarbage();
      for (let d = 0; d < drafts.length; d++) {
        for (let k = 0; k < phase.length; k++) {
          const v = phase[(k + r + d) % phase.length]!;
          samples[v]![d]!.push(timeSyncBatch(bound[v]![d]!, calls[v]![d]!));
        }
      }
      r++;
    }
    rounds += r;
  }
  const meanUs = (v: number) => samples[v]!.reduce((sum, s) => sum + median(s), 0) / drafts.length / 1000;
  const [none, workerEmpty, workerFull, rawEmpty, rawFull] = names.map((_, v) => meanUs(v)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  opts.log(
    `  history: ${rounds} rounds; worker ${workerFull.toFixed(1)} vs ${workerEmpty.toFixed(1)} µs, raw ${rawFull.toFixed(1)} vs ${rawEmpty.toFixed(1)} µs`,
  );

  const append = await measureAppend(records.length, opts.appendSamples, events);
  return {
    events: events.length,
    drafts: drafts.length,
    rounds,
    noHistoryUs: none,
    worker: { emptyUs: workerEmpty, fullUs: workerFull, ratio: workerFull / workerEmpty },
    raw: { emptyUs: rawEmpty, fullUs: rawFull, ratio: rawFull / rawEmpty, firstCallMs },
    recordMs,
    rebuildMs,
    waiting: kept.waiting(NOW.getTime() - 14 * 86_400_000, NOW.getTime()).length,
    append,
    sink: sinkValue(),
  };
}

/** Appends to a ledger already at its cap (each append also drops the oldest record). */
async function measureAppend(size: number, samples: number, events: ReturnType<typeof benchHistory>) {
  // @ts-expect-error -- the package's types are not reachable through its "exports"; it only sets globals.
  await import('fake-indexeddb/auto');
  const { createLedger } = await import('../../src/background/ledger.ts');
  const ledger = createLedger({
    name: `bench-${Date.now()}`,
    now: () => NOW,
    maxEvents: size,
    log: () => undefined,
  });
  for (const e of events) await ledger.add(e);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const at = new Date(NOW.getTime() - (samples - i) * 1000).toISOString();
    const t0 = process.hrtime.bigint();
    await ledger.add({
      at,
      type: 'comment-received',
      platform: 'x',
      id: `bench-append-${i}`,
      text: 'Does this scale?',
    });
    times.push(msSince(t0));
  }
  return { p50Ms: median(times), p95Ms: percentile(times, 95), samples, ledgerSize: size };
}
