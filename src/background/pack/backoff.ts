/**
 * When to fetch the pack URL again: every REFRESH_MS while it works; after a failure 1 minute,
 * then doubling up to MAX_BACKOFF_MS, so a host that is down is not hammered by every browser of
 * an organisation at once, and comes back within hours of being fixed.
 */
export const REFRESH_MS = 60 * 60_000;
export const FIRST_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** Delay before the next attempt after `failures` failures in a row (0: the regular refresh). */
export function nextDelay(failures: number): number {
  if (failures <= 0) return REFRESH_MS;
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(failures - 1, 30), MAX_BACKOFF_MS);
}

/** The alarm that wakes the worker for the next check. */
export const PACK_ALARM = 'pack-sync';
