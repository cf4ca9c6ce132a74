/**
 * Batched timing. One hrtime read costs tens of nanoseconds and has coarse steps on some
 * machines, so a sample is a batch of calls sized to last about a millisecond, divided by its
 * call count — fast tools get many calls per sample, slow ones one.
 */

/** One call of a tool on one text; returns a number derived from the result so it cannot be optimised away. */
export type SyncRun = () => number;
export type AsyncRun = () => Promise<number>;

let sink = 0;

/** Keeps the results "used"; printed nowhere, read by nobody. */
export function sinkValue(): number {
  return sink;
}

export function timeSyncBatch(run: SyncRun, calls: number): number {
  let acc = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) acc += run();
  const end = process.hrtime.bigint();
  sink += acc;
  return Number(end - start) / calls;
}

/** Awaits each call, so an async tool's whole per-draft time is counted, not just its first tick. */
export async function timeAsyncBatch(run: AsyncRun, calls: number): Promise<number> {
  let acc = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) acc += await run();
  const end = process.hrtime.bigint();
  sink += acc;
  return Number(end - start) / calls;
}

/** Calls per batch so a batch lasts about `targetNs`, given one call's estimated cost. */
export function callsPerBatch(estimateNs: number, targetNs: number, maxCalls = 200_000): number {
  if (!(estimateNs > 0)) return maxCalls;
  return Math.min(maxCalls, Math.max(1, Math.round(targetNs / estimateNs)));
}

/** Collects garbage between phases when node runs with --expose-gc, so one tool's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}
