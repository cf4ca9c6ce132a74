/**
 * `get-engagement` (extension pages only): the comments waiting for an answer and the last four
 * weeks at a glance, computed from the ledger's events (engagement.ts holds the rules).
 */
import type { EngagementResponse, GetEngagementRequest } from '../../shared/messages.ts';
import { computeEngagement } from '../engagement.ts';
import type { HistorySource } from './score.ts';

/** Everything engagement.ts looks at fits in this window (14 days waiting, 28 days, 10 posts). */
const LOOKBACK_DAYS = 60;

export function createGetEngagementHandler(history: HistorySource, now: () => Date = () => new Date()) {
  return async function getEngagement(_req: GetEngagementRequest): Promise<EngagementResponse> {
    const at = now();
    const events = await history.list({ since: new Date(at.getTime() - LOOKBACK_DAYS * 86_400_000) });
    // The person's days and weeks start at their midnight, not UTC's.
    const engagement = computeEngagement(events, { now: at, utcOffsetMinutes: -at.getTimezoneOffset() });
    return { ok: true, engagement };
  };
}
