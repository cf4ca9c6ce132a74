/**
 * What the popup shows from the ledger: the comments waiting for an answer, and the last four
 * weeks at a glance. A pure function of the events and the clock (no storage, no browser API), so
 * it is tested with a fixed clock and can later read the ledger's in-memory summary instead.
 */
import type { HistoryEvent } from '../engine/types.ts';
import type { Engagement, WaitingItem, WeekBucket } from '../shared/messages.ts';

const DAY = 86_400_000;
/** The default pack's `history.unansweredDays`: the popup and the nudge count the same items. */
export const WAITING_DAYS = 14;
/** The list the popup gets; `total` still counts every waiting item. */
export const WAITING_LIST_CAP = 50;
export const EXCERPT_CHARS = 160;
export const GLANCE_WEEKS = 4;
const GLANCE_DAYS = GLANCE_WEEKS * 7;
/** The default pack's `history.promoWindow`. */
export const PROMO_LAST = 10;

export interface EngagementOptions {
  now: Date;
  /** Minutes east of UTC (`-new Date().getTimezoneOffset()`): days and weeks are the person's. */
  utcOffsetMinutes?: number;
}

type Dated = { event: HistoryEvent; t: number };

export function computeEngagement(events: readonly HistoryEvent[], options: EngagementOptions): Engagement {
  const end = options.now.getTime();
  const dated: Dated[] = [];
  for (const event of events) {
    const t = Date.parse(event.at);
    // Events from the future (a skewed clock) wait until their time comes, as in the engine.
    if (Number.isFinite(t) && t <= end) dated.push({ event, t });
  }
  dated.sort((a, b) => a.t - b.t);
  const waiting = waitingItems(dated, end);
  return {
    asOf: options.now.toISOString(),
    waiting: waiting.slice(0, WAITING_LIST_CAP),
    total: waiting.length,
    ...activity(dated, end, (options.utcOffsetMinutes ?? 0) * 60_000),
    ...promotion(dated),
  };
}

/** Platform-scoped: two networks may well use the same numeric ids. */
const ref = (platform: string, id: string) => `${platform}\u0000${id}`;

/**
 * An item waits until a reply (`replied`, or a published reply whose `to` is it) or "no reply
 * needed" names it. By its id, whatever the clocks say (a reader may record an answer before the
 * comment it answers); by its link, only for what was received up to that answer: on pages that
 * show no comment ids a link may stand for a whole thread, so the same person writing again on the
 * same item afterwards waits again (the conversation reopens). A newer comment with its own id is
 * a new item and waits on its own. The ledger's summary keeps the same rules (history/waiting.ts
 * on the ledger's branch), so the popup and the nudge count alike.
 */
function waitingItems(dated: readonly Dated[], end: number): WaitingItem[] {
  const closedIds = new Set<string>();
  /** Per target, the latest answer's time: a link closes what arrived up to then. */
  const closedLinkAt = new Map<string, number>();
  for (const { event, t } of dated) {
    if (event.type === 'comment-received' || !event.to) continue;
    const key = ref(event.platform, event.to);
    closedIds.add(key);
    closedLinkAt.set(key, Math.max(closedLinkAt.get(key) ?? -Infinity, t));
  }
  const since = end - WAITING_DAYS * DAY;
  const seen = new Set<string>();
  const items: WaitingItem[] = [];
  for (const { event, t } of dated) {
    if (event.type !== 'comment-received' || t < since) continue;
    const key = ref(event.platform, event.id);
    if (seen.has(key)) continue;
    seen.add(key);
    if (closedIds.has(key)) continue;
    if (event.url && (closedLinkAt.get(ref(event.platform, event.url)) ?? -Infinity) >= t) continue;
    items.push(toItem(event, t));
  }
  // Questions first, then oldest first (`dated` is oldest first and the sort is stable).
  return items.sort((a, b) => Number(b.question) - Number(a.question));
}

function toItem(event: Extract<HistoryEvent, { type: 'comment-received' }>, t: number): WaitingItem {
  const text = event.text?.replace(/\s+/g, ' ').trim();
  const url = safeLink(event.url);
  return {
    id: event.id,
    platform: event.platform,
    ...(event.from ? { from: event.from.slice(0, 200) } : {}),
    ...(text ? { excerpt: excerpt(text) } : {}),
    ...(url ? { url } : {}),
    at: new Date(t).toISOString(),
    // Question marks in the scripts the networks are used in (Latin, Arabic, full-width CJK).
    question: /[?؟？]/.test(text ?? ''),
    exact: event.exact === true,
  };
}

function excerpt(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  return `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** Only an https link is worth opening; `javascript:` and the like from a page never get through. */
function safeLink(url: string | undefined): string | undefined {
  if (!url || url.length > 2048) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Posts and replies per week and the days active, on one grid of the person's last 28 days (the
 * last week ends today, so no week is half-counted). A reply recorded twice, once published in the
 * composer and once found among the person's replies by a reader, counts once.
 */
function activity(dated: readonly Dated[], end: number, offset: number) {
  const dayOf = (t: number) => Math.floor((t + offset) / DAY);
  const today = dayOf(end);
  const first = today - GLANCE_DAYS + 1;
  const weekly: WeekBucket[] = Array.from({ length: GLANCE_WEEKS }, (_, i) => ({
    weekStart: new Date((first + 7 * i) * DAY - offset).toISOString(),
    posts: 0,
    replies: 0,
  }));
  const active = new Array<boolean>(GLANCE_DAYS).fill(false);
  const publishedReplies = new Set<string>();
  for (const { event } of dated) {
    if (event.type === 'published' && event.kind !== 'post' && event.to) {
      publishedReplies.add(ref(event.platform, event.to));
    }
  }
  for (const { event, t } of dated) {
    const day = dayOf(t) - first;
    if (day < 0) continue;
    let field: 'posts' | 'replies';
    if (event.type === 'published') field = event.kind === 'post' ? 'posts' : 'replies';
    else if (event.type === 'replied' && !(event.to && publishedReplies.has(ref(event.platform, event.to)))) {
      field = 'replies';
    } else continue;
    const week = weekly[Math.floor(day / 7)];
    if (week) week[field] += 1;
    active[day] = true;
  }
  // A ledger younger than four weeks: the days before it say nothing about the person.
  const start = dated[0] ? Math.max(0, dayOf(dated[0].t) - first) : GLANCE_DAYS;
  let longestGapDays = 0;
  let gap = 0;
  for (let day = start; day < GLANCE_DAYS; day++) {
    gap = active[day] ? 0 : gap + 1;
    longestGapDays = Math.max(longestGapDays, gap);
  }
  return {
    weekly,
    daysActive: active.filter(Boolean).length,
    longestGapDays,
    watchedDays: GLANCE_DAYS - start,
  };
}

/**
 * The share of the last posts that were promotional, by the flag set when each was recorded. Posts
 * recorded before that flag existed are left out rather than counted as not promotional.
 */
function promotion(dated: readonly Dated[]) {
  const flagged: boolean[] = [];
  for (const { event } of dated) {
    if (event.type === 'published' && event.kind === 'post' && event.promotional !== undefined) {
      flagged.push(event.promotional);
    }
  }
  const recent = flagged.slice(-PROMO_LAST);
  const promotional = recent.filter(Boolean).length;
  return {
    promoShare: recent.length ? promotional / recent.length : null,
    recentPosts: recent.length,
  };
}
