import { describe, expect, it } from 'vitest';
import { growthExponent, linearFit, mean, median, percentile } from '../../scripts/bench/stats.ts';
import { callsPerBatch } from '../../scripts/bench/timing.ts';
import { judge } from '../../scripts/bench/targets.ts';
import { buildLongDraft, draftSets } from '../../bench/drafts.ts';

describe('bench statistics', () => {
  it('takes the median of odd and even counts regardless of input order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates percentiles between ranks like numpy', () => {
    const values = Array.from({ length: 21 }, (_, i) => 20 - i); // 0..20, reversed
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 0)).toBe(0);
    expect(percentile(values, 100)).toBe(20);
    // numpy.percentile([1, 2, 3, 4], 95) == 3.85
    expect(percentile([4, 1, 3, 2], 95)).toBeCloseTo(3.85, 10);
    expect(percentile([10, 20], 25)).toBeCloseTo(12.5, 10);
  });

  it('refuses empty input and out-of-range percentiles', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => mean([])).toThrow(RangeError);
  });

  it('fits an exact line with R² of 1', () => {
    const xs = [280, 3_000, 10_000, 30_000];
    const fit = linearFit(
      xs,
      xs.map((x) => 0.04 * x + 2),
    );
    expect(fit.slope).toBeCloseTo(0.04, 12);
    expect(fit.intercept).toBeCloseTo(2, 9);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('matches a hand-computed fit on noisy data', () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: slope 0.6, intercept 2.2, R² = 0.6
    const fit = linearFit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(fit.slope).toBeCloseTo(0.6, 12);
    expect(fit.intercept).toBeCloseTo(2.2, 12);
    expect(fit.r2).toBeCloseTo(0.6, 12);
  });

  it('gives a quadratic curve a visibly worse R² and an exponent of 2', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(
      linearFit(
        xs,
        xs.map((x) => x ** 4),
      ).r2,
    ).toBeLessThan(0.9);
    expect(growthExponent(3_000, 9, 30_000, 900)).toBeCloseTo(2, 12);
    expect(growthExponent(3_000, 10, 30_000, 100)).toBeCloseTo(1, 12);
  });

  it('refuses a fit it cannot make', () => {
    expect(() => linearFit([1, 1], [2, 3])).toThrow(RangeError);
    expect(() => linearFit([1, 2], [2])).toThrow(RangeError);
  });
});

describe('bench plumbing', () => {
  it('sizes batches to the target duration within bounds', () => {
    expect(callsPerBatch(1_000, 1_000_000)).toBe(1_000);
    expect(callsPerBatch(5_000_000, 1_000_000)).toBe(1);
    expect(callsPerBatch(0.001, 1_000_000, 500)).toBe(500);
  });

  it('judges targets in both directions and skips what was not measured', () => {
    expect(judge(29.9, '<=', 30)).toBe('PASS');
    expect(judge(30.1, '<=', 30)).toBe('MISS');
    expect(judge(4.9, '>=', 5)).toBe('MISS');
    expect(judge(null, '>=', 5)).toBe('SKIP');
    expect(judge(Number.NaN, '<=', 5)).toBe('SKIP');
  });

  it('builds long drafts close to their size, deterministic and not one paragraph repeated', () => {
    const a = buildLongDraft(3_000, 7);
    expect(a).toBe(buildLongDraft(3_000, 7));
    expect(a).not.toBe(buildLongDraft(3_000, 8));
    expect(a.length).toBeLessThanOrEqual(3_000);
    expect(a.length).toBeGreaterThan(2_950);
    const paragraphs = a.split('\n\n');
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    for (const set of draftSets()) {
      for (const d of set.drafts) expect(d.text.length).toBeLessThanOrEqual(set.size);
    }
  });
});
