import type { HistoryEvent } from '../types.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Events at or before `now`, newest last, each with its parsed time. */
export function timeline(history: readonly HistoryEvent[], now: Date): { event: HistoryEvent; t: number }[] {
  const end = now.getTime();
  return history
    .map((event) => ({ event, t: Date.parse(event.at) }))
    .filter((e) => Number.isFinite(e.t) && e.t <= end)
    .sort((a, b) => a.t - b.t);
}

const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  youtube: 'YouTube',
};
export const platformName = (p: string): string => PLATFORM_NAMES[p] ?? p;
