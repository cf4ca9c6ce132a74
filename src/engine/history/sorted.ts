/** Arrays kept in time order, so a window is two binary searches rather than a scan. */

/** The first index whose time is greater than `t` (everything before it is at or before `t`). */
export function upperBound<T>(items: readonly T[], t: number, time: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time(items[mid]!) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose time is at or after `t`. */
export function lowerBound<T>(items: readonly T[], t: number, time: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time(items[mid]!) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts after any item of the same time: events arrive mostly in order, so this is near the end. */
export function insertSorted<T>(items: T[], item: T, time: (item: T) => number): void {
  const at = upperBound(items, time(item), time);
  if (at === items.length) items.push(item);
  else items.splice(at, 0, item);
}

export function removeSorted<T>(items: T[], item: T, time: (item: T) => number): boolean {
  const t = time(item);
  for (let i = lowerBound(items, t, time); i < items.length && time(items[i]!) === t; i++) {
    if (items[i] === item) {
      items.splice(i, 1);
      return true;
    }
  }
  return false;
}
