import { expect, test } from 'vitest';
import { poolRuns, type KeystrokeRun } from '../../scripts/bench/keystrokes.ts';

const run = (perKeyMs: number[], hot: KeystrokeRun['hot'], longTasks = 0): KeystrokeRun => ({
  draftChars: 3000,
  perKeyMs,
  perKeyCpuMs: perKeyMs.map((ms) => ms / 2),
  sampledOnlyMs: 0.01,
  perKeyForcedLayoutMs: perKeyMs.map(() => 0),
  perKeyMainThreadMs: perKeyMs.map((ms) => ms + 5),
  totalExtensionMs: perKeyMs.reduce((a, b) => a + b, 0),
  traceLongTasks: longTasks,
  traceLongTasksWithExtension: longTasks,
  pageLongTasks: longTasks,
  hot,
  runP95Ms: [Math.max(...perKeyMs)],
});

test('pooling keeps every keystroke, adds up totals and hot functions, and keeps each run’s p95', () => {
  const pooled = poolRuns([
    run([0.1, 0.2], [{ name: 'tick', ms: 1 }]),
    run(
      [0.3],
      [
        { name: 'tick', ms: 0.5 },
        { name: 'render', ms: 2 },
      ],
      1,
    ),
  ]);
  expect(pooled.perKeyMs).toEqual([0.1, 0.2, 0.3]);
  expect(pooled.perKeyCpuMs).toEqual([0.05, 0.1, 0.15]);
  expect(pooled.sampledOnlyMs).toBeCloseTo(0.02, 10);
  expect(pooled.perKeyMainThreadMs).toEqual([5.1, 5.2, 5.3]);
  expect(pooled.totalExtensionMs).toBeCloseTo(0.6, 10);
  expect(pooled.traceLongTasks).toBe(1);
  expect(pooled.hot).toEqual([
    { name: 'render', ms: 2 },
    { name: 'tick', ms: 1.5 },
  ]);
  expect(pooled.runP95Ms).toEqual([0.2, 0.3]);
  expect(() => poolRuns([])).toThrow();
});
