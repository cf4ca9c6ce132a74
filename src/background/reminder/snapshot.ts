/**
 * What the task needs from the worker's history summary, read once per reminder: counts and a few
 * lookups, never a walk over the ledger beyond the comments that are waiting (at most two weeks').
 */
import type { HistorySummary } from '../../engine/index.ts';
import type { Platform } from '../../engine/types.ts';
import { WAITING_DAYS } from '../engagement.ts';
import type { TaskInput, WaitingSnapshot } from './task.ts';

const DAY = 86_400_000;

type Summary = Pick<
  HistorySummary,
  'waiting' | 'waitingCount' | 'lastActive' | 'firstSeen' | 'publishedAt' | 'mostPublishedOn'
>;

export function snapshot(
  summary: Summary,
  now: number,
): Pick<TaskInput, 'waiting' | 'lastActiveAt' | 'firstSeenAt' | 'mostPublishedOn'> {
  const lastActiveAt = summary.lastActive(now);
  const firstSeenAt = summary.firstSeen(now);
  const mostPublishedOn = summary.mostPublishedOn();
  return {
    waiting: waitingSnapshot(summary, now),
    ...(lastActiveAt !== undefined ? { lastActiveAt } : {}),
    ...(firstSeenAt !== undefined ? { firstSeenAt } : {}),
    ...(mostPublishedOn ? { mostPublishedOn } : {}),
  };
}

function waitingSnapshot(summary: Summary, now: number): WaitingSnapshot {
  const since = now - WAITING_DAYS * DAY;
  const count = summary.waitingCount(since, now);
  if (count.total === 0) return { total: 0, questions: 0 };
  const items = summary.waiting(since, now);
  const platforms = new Set(items.map((i) => i.platform));
  const posts = new Set(items.map((i) => `${i.platform}\u0000${i.on ?? ''}`));
  // The longest-waiting one that can be opened; the list is questions first, so sort by time.
  const byAge = [...items].sort((a, b) => a.t - b.t);
  const oldest = byAge[0]!;
  const link = byAge.find((i) => safeLink(i.url));
  const platform: Platform | undefined = platforms.size === 1 ? oldest.platform : undefined;
  const postAt =
    posts.size === 1 && oldest.on !== undefined ? summary.publishedAt(oldest.platform, oldest.on) : undefined;
  return {
    total: count.total,
    questions: count.questions,
    ...(platform ? { platform } : {}),
    ...(postAt !== undefined ? { postAt } : {}),
    oldest: link?.url ? { platform: link.platform, url: link.url } : { platform: oldest.platform },
  };
}

/** Only an https link is worth opening; anything a page slipped in stays out. */
export function safeLink(url: string | undefined): url is string {
  if (!url || url.length > 2048) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
