import { describe, expect, it } from 'vitest';
import {
  attributeKeystrokes,
  exactSpans,
  coveredWithin,
  EXTENSION_PORT_MOJO,
  hotFunctions,
  mergeIntervals,
  portMessageTasks,
  profileIntervals,
  type CpuProfile,
  type TraceEvent,
} from '../../scripts/bench/attribution.ts';
import { importsOf } from '../../scripts/bench/bundle-size.ts';

const EXT = 'chrome-extension://abc/';
const main = { pid: 1, tid: 7 };
const keydown = (ts: number): TraceEvent => ({
  name: 'EventDispatch',
  ph: 'X',
  ts,
  dur: 5,
  ...main,
  args: { data: { type: 'keydown' } },
});
const call = (ts: number, dur: number, url: string, where = main): TraceEvent => ({
  name: 'FunctionCall',
  ph: 'X',
  ts,
  dur,
  ...where,
  args: { data: { url } },
});

describe('interval arithmetic', () => {
  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(
      mergeIntervals([
        [5, 8],
        [1, 3],
        [2, 4],
        [8, 9],
        [10, 10],
      ]),
    ).toEqual([
      [1, 4],
      [5, 9],
    ]);
  });

  it('measures only the part inside a window', () => {
    const merged = mergeIntervals([
      [0, 10],
      [20, 30],
    ]);
    expect(coveredWithin(merged, 5, 25)).toBe(10);
    expect(coveredWithin(merged, 10, 20)).toBe(0);
    expect(coveredWithin(merged, -5, 100)).toBe(20);
  });
});

describe('CPU profile attribution', () => {
  // root → page (page.js) → ext handler (extension) → leaf (native, no url)
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 3] },
      { id: 2, callFrame: { url: 'https://x.com/page.js', functionName: 'react' }, children: [4] },
      { id: 3, callFrame: { url: '', functionName: '(idle)' } },
      {
        id: 4,
        callFrame: { url: `${EXT}assets/cs.js`, functionName: 'render', lineNumber: 41 },
        children: [5],
      },
      { id: 5, callFrame: { url: '', functionName: 'getBoundingClientRect' } },
    ],
    startTime: 1000,
    endTime: 1400,
    samples: [2, 5, 5, 3],
    timeDeltas: [0, 100, 100, 100],
  };

  it('bills a sample to the extension when any frame of its stack is the extension’s', () => {
    expect(profileIntervals(profile, EXT)).toEqual([
      [1100, 1200],
      [1200, 1300],
    ]);
  });

  it('leaves out samples taken inside spans the trace already timed exactly', () => {
    expect(profileIntervals(profile, EXT, [[1050, 1150]])).toEqual([[1200, 1300]]);
    expect(profileIntervals(profile, EXT, [[0, 1150]])).toEqual([[1200, 1300]]);
    expect(profileIntervals(profile, EXT, [[1300, 1400]])).toEqual([
      [1100, 1200],
      [1200, 1300],
    ]);
  });

  it('names the innermost extension function for the samples in a window', () => {
    expect(hotFunctions(profile, EXT, 0, 5000)).toEqual([{ name: 'render assets/cs.js:41', ms: 0.2 }]);
    expect(hotFunctions(profile, EXT, 1250, 5000)).toEqual([]);
  });
});

describe('per-keystroke attribution', () => {
  it('splits typing at keydowns, counts only the extension on the page’s main thread, and bills the tail to the last key', () => {
    const events: TraceEvent[] = [
      keydown(10_000),
      call(10_100, 300, `${EXT}cs.js`),
      call(10_500, 2_000, 'https://x.com/page.js'),
      call(10_600, 900, `${EXT}cs.js`, { pid: 2, tid: 1 }), // another process: not this page
      keydown(20_000),
      call(20_100, 50, `${EXT}cs.js`),
      call(20_120, 50, `${EXT}cs.js`), // overlaps the one before: counted once
      { name: 'Layout', ph: 'X', ts: 20_130, dur: 20, ...main },
      keydown(30_000),
      call(500_000, 4_000, `${EXT}cs.js`), // debounced work after the last key
      call(2_000_000, 4_000, `${EXT}cs.js`), // past the tail
      { name: 'RunTask', ph: 'X', ts: 499_000, dur: 60_000, ...main },
    ];
    const a = attributeKeystrokes(events, null, EXT, 1_000_000);
    expect(a.perKeyMs).toEqual([0.3, 0.07, 4]);
    expect(a.perKeyForcedLayoutMs).toEqual([0, 0.02, 0]);
    expect(a.longTasks).toBe(1);
    expect(a.longTasksWithExtension).toBe(1);
    expect(a.totalExtensionMs).toBeCloseTo(4.37, 10);
  });

  it('adds profile-sampled microtask time that no FunctionCall covers', () => {
    const events = [keydown(1_000), call(1_000, 100, `${EXT}cs.js`), keydown(2_000)];
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2] },
        { id: 2, callFrame: { url: `${EXT}cs.js`, functionName: 'afterAwait' } },
      ],
      startTime: 1_000,
      endTime: 1_400,
      samples: [2, 2, 2],
      timeDeltas: [50, 100, 100], // samples at 1050 (inside the FunctionCall), 1150, 1250
    };
    const a = attributeKeystrokes(events, profile, EXT, 500);
    // 1000–1100 traced, plus 1150–1400 sampled (the last sample runs to endTime); the sample at
    // 1050 fell inside the traced call, which already timed that moment.
    expect(a.perKeyMs[0]).toBeCloseTo(0.35, 10);
    expect(a.perKeyCpuMs[0]).toBeCloseTo(0.35, 10);
    expect(a.sampledOnlyMs).toBeCloseTo(0.25, 10);
  });

  it('bills the whole task that delivers an extension port message, and no other mojo task', () => {
    const task = (ts: number, dur: number): TraceEvent => ({ name: 'RunTask', ph: 'X', ts, dur, ...main });
    const mojo = (ts: number, tag: string): TraceEvent => ({
      name: 'Receive mojo message',
      ph: 'X',
      ts,
      dur: 50,
      ...main,
      args: { chrome_mojo_event_info: { mojo_interface_tag: tag } },
    });
    const events = [
      keydown(1_000),
      task(1_200, 400),
      mojo(1_210, EXTENSION_PORT_MOJO), // the worker's answer: listener and continuations, 400 µs
      task(1_700, 900),
      mojo(1_710, 'blink.mojom.ResourceLoadInfoNotifier'), // the page's own: not ours
      keydown(3_000),
    ];
    const a = attributeKeystrokes(events, null, EXT, 500);
    expect(a.perKeyMs[0]).toBeCloseTo(0.4, 10);
    expect(portMessageTasks(events, main.pid, main.tid)).toEqual([[1_200, 1_600]]);
    // Without the extension nothing is billed, whatever arrives.
    expect(attributeKeystrokes(events, null, 'no-extension://', 500).perKeyMs).toEqual([0, 0]);
  });

  it('counts thread time for exact spans (an interrupted span only for what it ran) and nested spans once', () => {
    const timed = (ts: number, dur: number, tdur: number): TraceEvent => ({
      ...call(ts, dur, `${EXT}cs.js`),
      tdur,
    });
    const events = [
      keydown(1_000),
      timed(1_100, 900, 300), // the OS ran something else for 600 µs of it
      timed(1_200, 100, 100), // inside the one before: its time is already in the outer span
      keydown(5_000),
      timed(5_100, 200, 200),
      keydown(9_000),
    ];
    const a = attributeKeystrokes(events, null, EXT, 500);
    expect(a.perKeyMs).toEqual([0.9, 0.2, 0]);
    expect(a.perKeyCpuMs).toEqual([0.3, 0.2, 0]);
    expect(exactSpans(events, EXT, main.pid, main.tid)).toEqual([
      { start: 1_100, end: 2_000, cpu: 300 },
      { start: 5_100, end: 5_300, cpu: 200 },
    ]);
    expect(a.sampledOnlyMs).toBe(0);
  });

  it('finds nothing when there was no typing', () => {
    expect(attributeKeystrokes([call(0, 10, EXT)], null, EXT, 1).perKeyMs).toEqual([]);
  });
});

describe('content-script imports in the build', () => {
  it('follows static, side-effect, dynamic and getURL imports from the importing file', () => {
    const source = [
      'import { a } from "./core-1.js";',
      "import './side.js';",
      'export { b } from "../shared/x.js";',
      'const m = import("./lazy.js");',
      '(async () => { await import(chrome.runtime.getURL("assets/main-2.js")); })();',
      'import pkg from "preact";',
    ].join('\n');
    expect(importsOf(source, 'assets/loader.js').sort()).toEqual(
      ['assets/core-1.js', 'assets/side.js', 'shared/x.js', 'assets/lazy.js', 'assets/main-2.js'].sort(),
    );
  });
});
