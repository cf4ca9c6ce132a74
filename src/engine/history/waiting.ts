/**
 * The comments, replies and mentions waiting for the person's answer, kept up to date as events
 * arrive so a score never walks the whole ledger.
 *
 * An item is closed by an answer or "no reply needed" that names it (`to`): by its id, whatever
 * the clocks say (a reader may record an answer before the comment it answers), or by its link,
 * for the items received up to that answer. A link may stand for a whole thread on pages that
 * show no comment ids, so a comment that arrives after the answer — the same person writing again
 * on the same item — waits again: the conversation reopens.
 */
import type { Platform } from '../types.ts';
import { insertSorted, lowerBound, removeSorted, upperBound } from './sorted.ts';

export interface ReceivedEntry {
  key: string;
  t: number;
  platform: Platform;
  id: string;
  /** The person's item it was left on. */
  on?: string;
  from?: string;
  url?: string;
  /** The first words of the comment. */
  excerpt?: string;
  /** It asks something (a question mark): questions are answered first. */
  question: boolean;
  /** Read from an API (true) or from a notifications page (false: "about"). */
  exact: boolean;
}

export interface WaitingCount {
  total: number;
  questions: number;
  /** Per network: how many, and when its longest-waiting one arrived. */
  perPlatform: ReadonlyMap<Platform, { count: number; oldest: number }>;
  /** When the longest-waiting item arrived. */
  oldest: number | undefined;
}

export interface Closer {
  t: number;
  platform: Platform;
  to: string;
}

const time = (e: ReceivedEntry) => e.t;

/** Platform-scoped: two networks may use the same ids. */
const ref = (platform: string, id: string) => `${platform}\u0000${id}`;

export class WaitingSet {
  #received = new Map<string, ReceivedEntry>();
  #byUrl = new Map<string, Set<ReceivedEntry>>();
  /** Every closer's target. */
  #closedIds = new Set<string>();
  /** Per target, the latest closer's time: a link closes what arrived up to then. */
  #closedUrlAt = new Map<string, number>();
  #closers = new Set<Closer>();
  /** Open items in time order, questions apart: a window is two slices, already in list order. */
  #openQuestions: ReceivedEntry[] = [];
  #openOthers: ReceivedEntry[] = [];
  /** Open items in time order per network: counting a window is two binary searches each. */
  #openByPlatform = new Map<Platform, ReceivedEntry[]>();
  /** Set when a closer goes (retention, the size cap): the open set is rebuilt on the next read. */
  #stale = false;

  addReceived(entry: ReceivedEntry): void {
    this.#received.set(ref(entry.platform, entry.id), entry);
    if (entry.url) {
      const key = ref(entry.platform, entry.url);
      let set = this.#byUrl.get(key);
      if (!set) this.#byUrl.set(key, (set = new Set()));
      set.add(entry);
    }
    if (!this.#isClosed(entry)) this.#openItem(entry);
  }

  removeReceived(entry: ReceivedEntry): void {
    this.#received.delete(ref(entry.platform, entry.id));
    if (entry.url) {
      const key = ref(entry.platform, entry.url);
      const set = this.#byUrl.get(key);
      set?.delete(entry);
      if (set?.size === 0) this.#byUrl.delete(key);
    }
    this.#closeItem(entry);
  }

  addCloser(closer: Closer): void {
    this.#closers.add(closer);
    this.#note(closer);
    const key = ref(closer.platform, closer.to);
    const byId = this.#received.get(key);
    if (byId) this.#closeItem(byId);
    for (const entry of this.#byUrl.get(key) ?? []) if (entry.t <= closer.t) this.#closeItem(entry);
  }

  removeCloser(closer: Closer): void {
    if (this.#closers.delete(closer)) this.#stale = true;
  }

  clear(): void {
    this.#received.clear();
    this.#byUrl.clear();
    this.#closedIds.clear();
    this.#closedUrlAt.clear();
    this.#closers.clear();
    this.#openQuestions = [];
    this.#openOthers = [];
    this.#openByPlatform.clear();
    this.#stale = false;
  }

  /** Items received in [since, now] and still waiting: questions first, then oldest first. */
  waiting(since: number, now: number): ReceivedEntry[] {
    return this.first(since, now, Infinity);
  }

  /** The first `limit` items of `waiting(since, now)`, without listing the rest. */
  first(since: number, now: number, limit: number): ReceivedEntry[] {
    if (this.#stale) this.#rebuild();
    const out: ReceivedEntry[] = [];
    for (const items of [this.#openQuestions, this.#openOthers]) {
      const end = upperBound(items, now, time);
      for (let i = lowerBound(items, since, time); i < end && out.length < limit; i++) out.push(items[i]!);
    }
    return out;
  }

  /** How many items wait in [since, now], per network, how many ask something, and the oldest. */
  count(since: number, now: number): WaitingCount {
    if (this.#stale) this.#rebuild();
    const perPlatform = new Map<Platform, { count: number; oldest: number }>();
    let total = 0;
    let oldest: number | undefined;
    for (const [platform, items] of this.#openByPlatform) {
      const from = lowerBound(items, since, time);
      const n = upperBound(items, now, time) - from;
      if (n <= 0) continue;
      const t = items[from]!.t;
      perPlatform.set(platform, { count: n, oldest: t });
      total += n;
      if (oldest === undefined || t < oldest) oldest = t;
    }
    const q = this.#openQuestions;
    const questions = Math.max(0, upperBound(q, now, time) - lowerBound(q, since, time));
    return { total, questions, perPlatform, oldest };
  }

  #openItem(entry: ReceivedEntry): void {
    insertSorted(entry.question ? this.#openQuestions : this.#openOthers, entry, time);
    let list = this.#openByPlatform.get(entry.platform);
    if (!list) this.#openByPlatform.set(entry.platform, (list = []));
    insertSorted(list, entry, time);
  }

  #closeItem(entry: ReceivedEntry): void {
    if (removeSorted(entry.question ? this.#openQuestions : this.#openOthers, entry, time)) {
      removeSorted(this.#openByPlatform.get(entry.platform) ?? [], entry, time);
    }
  }

  #note(closer: Closer): void {
    const key = ref(closer.platform, closer.to);
    this.#closedIds.add(key);
    this.#closedUrlAt.set(key, Math.max(this.#closedUrlAt.get(key) ?? -Infinity, closer.t));
  }

  #isClosed(entry: ReceivedEntry): boolean {
    if (this.#closedIds.has(ref(entry.platform, entry.id))) return true;
    return (
      entry.url !== undefined &&
      (this.#closedUrlAt.get(ref(entry.platform, entry.url)) ?? -Infinity) >= entry.t
    );
  }

  #rebuild(): void {
    this.#closedIds.clear();
    this.#closedUrlAt.clear();
    for (const closer of this.#closers) this.#note(closer);
    this.#openQuestions = [];
    this.#openOthers = [];
    this.#openByPlatform.clear();
    for (const entry of this.#received.values()) if (!this.#isClosed(entry)) this.#openItem(entry);
    this.#stale = false;
  }
}
