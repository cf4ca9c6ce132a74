/**
 * Which main-thread time belongs to the content script, per keystroke, from one Chromium trace
 * and one CPU profile taken over the same typing.
 *
 * Two kinds of trace events are exact: `FunctionCall` spans that enter a script at an extension
 * URL (listeners, observers, timers, animation frames), and the main-thread tasks that deliver an
 * extension port message (a `Receive mojo message` on `extensions.mojom.MessagePort`: the
 * worker's answer, its listener and the promise continuations it resolves all run in that task).
 * Anything else, a continuation that escaped both, is seen by CPU-profile samples, with less
 * precision: for samples taken outside the exact spans, the sampled interval counts when the stack
 * holds an extension frame. A sample taken inside an exact span adds nothing: the span already
 * measured that moment, and billing the sample's whole interval would add the time after the span
 * ends to every short handler a sample happens to hit. All use the same monotonic clock in
 * microseconds.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the span: `dur` less the time the OS ran something else on this core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; type?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

/** The mojo interface over which Chromium hands an extension port's messages to a renderer. */
export const EXTENSION_PORT_MOJO = 'extensions.mojom.MessagePort';

export interface CpuProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber?: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export type Interval = [start: number, end: number];

/** Sorted, non-overlapping union of intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Length of the merged intervals that falls inside [from, to). */
export function coveredWithin(merged: readonly Interval[], from: number, to: number): number {
  let total = 0;
  for (const [a, b] of merged) {
    if (b <= from) continue;
    if (a >= to) break;
    total += Math.min(b, to) - Math.max(a, from);
  }
  return total;
}

/**
 * Sampled intervals whose stack contains a frame from `origin` (e.g. chrome-extension://ID/),
 * leaving out samples taken inside `exact` (sorted, merged spans already timed by the trace).
 */
export function profileIntervals(
  profile: CpuProfile,
  origin: string,
  exact: readonly Interval[] = [],
): Interval[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, boolean>();
  const ours = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    // Walk up iteratively: stacks can be deep enough to overflow a recursive walk.
    const path: number[] = [];
    let cursor: number | undefined = id;
    let found = false;
    while (cursor !== undefined) {
      const cached = memo.get(cursor);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      path.push(cursor);
      if (byId.get(cursor)?.callFrame.url.startsWith(origin)) {
        found = true;
        break;
      }
      cursor = parent.get(cursor);
    }
    for (const p of path) memo.set(p, found);
    return found;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const out: Interval[] = [];
  let t = profile.startTime;
  let span = 0;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const next = i + 1 < samples.length ? t + (deltas[i + 1] ?? 0) : profile.endTime;
    // Samples come in time order, so one cursor walks the exact spans.
    while (span < exact.length && (exact[span] as Interval)[1] <= t) span++;
    const inExact = span < exact.length && (exact[span] as Interval)[0] <= t;
    if (!inExact && ours(samples[i] as number)) out.push([t, next]);
  }
  return out;
}

const onMainThread = (e: TraceEvent, pid: number, tid: number) =>
  e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur !== undefined;

/** Spans on the main thread that enter a script at `origin` (listeners, observers, timers, frames). */
function extensionCalls(
  events: readonly TraceEvent[],
  origin: string,
  pid: number,
  tid: number,
): TraceEvent[] {
  return events.filter((e) => onMainThread(e, pid, tid) && (e.args?.data?.url ?? '').startsWith(origin));
}

/**
 * Main-thread tasks that deliver an extension port message: the whole task is the content
 * script's (the message exists only for it). A delivery seen outside any task stands for itself.
 */
function deliveryTasks(events: readonly TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const deliveries = events.filter(
    (e) =>
      onMainThread(e, pid, tid) &&
      e.name === 'Receive mojo message' &&
      e.args?.chrome_mojo_event_info?.mojo_interface_tag === EXTENSION_PORT_MOJO,
  );
  if (deliveries.length === 0) return [];
  const tasks = events.filter((e) => onMainThread(e, pid, tid) && e.name === 'RunTask');
  return deliveries.map((d) => tasks.find((t) => t.ts <= d.ts && d.ts < t.ts + (t.dur ?? 0)) ?? d);
}

export function portMessageTasks(events: readonly TraceEvent[], pid: number, tid: number): Interval[] {
  return deliveryTasks(events, pid, tid).map((e) => [e.ts, e.ts + (e.dur ?? 0)] as Interval);
}

/** An exactly timed span of content-script work: wall-clock bounds and the thread time inside them. */
export interface Span {
  start: number;
  end: number;
  cpu: number;
}

/**
 * The exact spans (extension calls, and port-message deliveries when `origin` is an extension's)
 * with their thread time. A span inside another is dropped: the outer one's times include it.
 */
export function exactSpans(events: readonly TraceEvent[], origin: string, pid: number, tid: number): Span[] {
  const timed = [
    ...extensionCalls(events, origin, pid, tid),
    // Without an extension there is nobody's port to deliver to.
    ...(origin.startsWith('chrome-extension://') ? deliveryTasks(events, pid, tid) : []),
  ];
  const sorted = timed
    .map((e): Span => ({ start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0 }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const outer = kept[kept.length - 1];
    if (outer && span.start >= outer.start && span.end <= outer.end) continue;
    kept.push(span);
  }
  return kept;
}

/**
 * Sampled content-script time by innermost extension frame (function and location), largest first:
 * where the per-keystroke time goes.
 */
export function hotFunctions(
  profile: CpuProfile,
  origin: string,
  from: number,
  to: number,
): Array<{ name: string; ms: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = new Map<number, string | null>();
  const innermost = (id: number): string | null => {
    if (label.has(id)) return label.get(id) ?? null;
    let cursor: number | undefined = id;
    let found: string | null = null;
    while (cursor !== undefined) {
      const frame = byId.get(cursor)?.callFrame;
      if (frame?.url.startsWith(origin)) {
        const file = frame.url.slice(origin.length);
        found = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber ?? '?'}`;
        break;
      }
      cursor = parent.get(cursor);
    }
    label.set(id, found);
    return found;
  };
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    const next = i + 1 < samples.length ? t + (deltas[i + 1] ?? 0) : profile.endTime;
    if (t < from || t >= to) continue;
    const name = innermost(samples[i] as number);
    if (name) totals.set(name, (totals.get(name) ?? 0) + (next - t) / 1000);
  }
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

export interface KeystrokeAttribution {
  /** Content-script main-thread time in each keystroke's window, ms (keydown to next keydown), wall clock. */
  perKeyMs: number[];
  /**
   * The same as thread (CPU) time: a span the OS interrupted to run another process counts only
   * its own running time. Samples outside exact spans count whole, as in perKeyMs.
   */
  perKeyCpuMs: number[];
  /** The part of perKeyMs seen only by CPU-profile samples (outside every exact span). */
  sampledOnlyMs: number;
  /**
   * The part of perKeyMs spent in style and layout the content script forced (reading geometry
   * after the page changed the DOM). The page would pay much of it at its next frame anyway.
   */
  perKeyForcedLayoutMs: number[];
  /** All main-thread task time in each window, extension or not (compare runs with and without it). */
  perKeyMainThreadMs: number[];
  /** Tasks over 50 ms on the page's main thread while typing, and how many held content-script time. */
  longTasks: number;
  longTasksWithExtension: number;
  totalExtensionMs: number;
  /** The typing window, trace clock (µs): first keydown to `tailUs` after the last. */
  fromUs: number;
  toUs: number;
}

/**
 * Splits typing into windows from each keydown to the next (the last one runs to `tailUs` after
 * it, so debounced work lands on the key that triggered it) and sums the content script's time in
 * each.
 */
export function attributeKeystrokes(
  events: readonly TraceEvent[],
  profile: CpuProfile | null,
  origin: string,
  tailUs: number,
): KeystrokeAttribution {
  const keydowns = events
    .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  const first = keydowns[0];
  if (!first) {
    return {
      perKeyMs: [],
      perKeyCpuMs: [],
      sampledOnlyMs: 0,
      perKeyForcedLayoutMs: [],
      perKeyMainThreadMs: [],
      longTasks: 0,
      longTasksWithExtension: 0,
      totalExtensionMs: 0,
      fromUs: 0,
      toUs: 0,
    };
  }
  // The renderer main thread is where the page saw the keys.
  const { pid, tid } = first;
  const spans = exactSpans(events, origin, pid, tid);
  const exact = mergeIntervals(spans.map((s) => [s.start, s.end] as Interval));
  const sampled = mergeIntervals(profile ? profileIntervals(profile, origin, exact) : []);
  const merged = mergeIntervals([...exact, ...sampled]);
  const onMain = (e: TraceEvent) => onMainThread(e, pid, tid);
  const forced = mergeIntervals(
    events
      .filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && onMain(e))
      .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as Interval)
      .filter(([a, b]) => coveredWithin(merged, a, b) > (b - a) / 2),
  );
  const tasks = mergeIntervals(
    events
      .filter((e) => e.name === 'RunTask' && onMain(e))
      .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as Interval),
  );
  const windows = keydowns.map((k, i) => [k.ts, keydowns[i + 1]?.ts ?? k.ts + tailUs] as Interval);
  const perKeyMs = windows.map(([a, b]) => coveredWithin(merged, a, b) / 1000);
  // A span is billed to the window it starts in (spans are far shorter than the gaps between keys).
  const perKeyCpuMs = windows.map(
    ([a, b]) =>
      (spans.filter((s) => s.start >= a && s.start < b).reduce((sum, s) => sum + s.cpu, 0) +
        coveredWithin(sampled, a, b)) /
      1000,
  );
  const perKeyForcedLayoutMs = windows.map(([a, b]) => coveredWithin(forced, a, b) / 1000);
  const perKeyMainThreadMs = windows.map(([a, b]) => coveredWithin(tasks, a, b) / 1000);
  const last = keydowns[keydowns.length - 1] as TraceEvent;
  const typingEnd = last.ts + tailUs;
  const long = events.filter(
    (e) =>
      e.name === 'RunTask' &&
      e.ph === 'X' &&
      e.pid === pid &&
      e.tid === tid &&
      (e.dur ?? 0) > 50_000 &&
      e.ts < typingEnd &&
      e.ts + (e.dur ?? 0) > first.ts,
  );
  return {
    perKeyMs,
    perKeyCpuMs,
    sampledOnlyMs: coveredWithin(sampled, first.ts, typingEnd) / 1000,
    perKeyForcedLayoutMs,
    perKeyMainThreadMs,
    longTasks: long.length,
    longTasksWithExtension: long.filter((e) => coveredWithin(merged, e.ts, e.ts + (e.dur ?? 0)) > 0).length,
    totalExtensionMs: coveredWithin(merged, first.ts, typingEnd) / 1000,
    fromUs: first.ts,
    toUs: typingEnd,
  };
}
