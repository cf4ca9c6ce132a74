/**
 * The bench's statistics, kept free of timing so a unit test can check them on known data.
 */

function sortedCopy(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('no values');
  return [...values].sort((a, b) => a - b);
}

/**
 * The p-th percentile (0..100) with linear interpolation between closest ranks — the same
 * definition as numpy's default and spreadsheets' PERCENTILE.INC, so numbers can be cross-checked.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const sorted = sortedCopy(values);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  const highValue = sorted[high] as number;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('no values');
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination; 1 when every point lies on the line. */
  r2: number;
}

/** Ordinary least squares of y on x. */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  if (xs.length !== ys.length) throw new RangeError('xs and ys differ in length');
  if (xs.length < 2) throw new RangeError('need at least two points');
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new RangeError('all x values are equal');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  // A flat y is perfectly explained by a flat line.
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}

/**
 * How time grows with size between two points: 1 is linear, 2 quadratic. Read from the
 * log-log slope, so a constant overhead shows up as an exponent below 1.
 */
export function growthExponent(x1: number, y1: number, x2: number, y2: number): number {
  if (x1 <= 0 || x2 <= 0 || y1 <= 0 || y2 <= 0 || x1 === x2) return Number.NaN;
  return Math.log(y2 / y1) / Math.log(x2 / x1);
}
