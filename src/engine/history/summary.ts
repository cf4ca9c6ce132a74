/**
 * The history summary: what the history nudges read, kept up to date one event at a time. The
 * worker keeps one in memory beside its ledger; `check()` builds one from raw events (`--history`,
 * pack examples) and reuses it while the same events are passed again. No rule walks the raw
 * events: posts are in time order (counts per window are binary searches), each post carries its
 * promotional flag and its fingerprint (an index finds the posts sharing trigrams with a draft),
 * and the comments waiting for an answer are a set maintained as answers arrive.
 *
 * Pure: no clock of its own (every query takes `now`), no storage, no browser API.
 */
import type { Draft, HistoryEvent, Kind, Platform } from '../types.ts';
import { fingerprint as fingerprintOf, resemblance, type Fingerprint } from '../text/fingerprint.ts';
import { closes, eventKey, firstWords, isQuestion } from './record.ts';
import { insertSorted, lowerBound, removeSorted, upperBound } from './sorted.ts';
import { WaitingSet, type Closer, type ReceivedEntry, type WaitingCount } from './waiting.ts';

export type { ReceivedEntry, WaitingCount } from './waiting.ts';

export interface PublishedEntry {
  key: string;
  t: number;
  platform: Platform;
  kind: Kind;
  /** Classified once: when recorded, or on first need for a raw event that came without the flag. */
  promotional: boolean | undefined;
  fingerprint: Fingerprint | undefined;
  /** A raw event's text, kept only until it is classified. */
  text?: string;
}

/** What a post is judged by when it came without a promotional flag (the pack's classifier rule). */
export type Classify = (draft: Draft) => boolean;

export interface AddOptions {
  /** The ledger's key for the record; by default the event's own (`eventKey`), or a fresh one. */
  key?: string;
  /** The fingerprint the ledger computed from the whole text (its record keeps only the first words). */
  fingerprint?: ArrayLike<number>;
}

export interface Similar {
  entry: PublishedEntry;
  similarity: number;
}

/**
 * The index holds each fingerprint's LOOKUP_KEYS smallest hashes only. Two texts share one of
 * them unless none of the smallest hashes of their union is common to both: for texts at
 * similarity J that happens with probability about (1 − J)^12 (under 0.002 % at the default 0.6),
 * and the index stays small enough to stay in the processor's caches while a draft is scored.
 */
const LOOKUP_KEYS = 12;
const lookupKeys = (fp: Fingerprint | undefined): Fingerprint =>
  !fp ? new Uint32Array(0) : fp.length > LOOKUP_KEYS ? fp.subarray(0, LOOKUP_KEYS) : fp;

const time = (e: { t: number }) => e.t;
const num = (t: number) => t;

type Entry =
  | { type: 'published'; t: number; published: PublishedEntry; closer?: Closer }
  | { type: 'comment-received'; t: number; received: ReceivedEntry }
  | { type: 'replied' | 'no-reply-needed'; t: number; closer?: Closer };

export class HistorySummary {
  readonly #classify: Classify | undefined;
  #entries = new Map<string, Entry>();
  #version = 0;
  #fresh = 0;
  /** Every event's time, sorted: where the ledger starts. */
  #times: number[] = [];
  /** Posts (not replies), in time order. */
  #posts: PublishedEntry[] = [];
  /** The posts whose promotional flag is known or can be found, in time order. */
  #flaggable: PublishedEntry[] = [];
  /** Published items and replies: when the person last took part. */
  #activity: number[] = [];
  /** Fingerprint hash → the published entries holding it. */
  #index = new Map<number, PublishedEntry[]>();
  #waiting = new WaitingSet();
  /** Published items per network: where the person usually writes (the reminder opens it). */
  #perPlatform = new Map<Platform, number>();

  constructor(options: { classify?: Classify } = {}) {
    this.#classify = options.classify;
  }

  /** Bumped by every change: what was read from the summary at one version holds until the next. */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Whether any published item left a fingerprint (no near-duplicate can be found otherwise). */
  get fingerprinted(): boolean {
    return this.#index.size > 0;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Adds one event; false when it is already in (same key) or its time does not parse. */
  add(event: HistoryEvent, options: AddOptions = {}): boolean {
    const t = Date.parse(event.at);
    if (!Number.isFinite(t)) return false;
    const key = options.key ?? eventKey(event) ?? `#${this.#fresh++}`;
    if (this.#entries.has(key)) return false;
    const to = closes(event);
    const closer = to ? { t, platform: event.platform, to } : undefined;
    let entry: Entry;
    if (event.type === 'published') {
      const fp = options.fingerprint ?? (event.text ? fingerprintOf(event.text) : undefined);
      const published: PublishedEntry = {
        key,
        t,
        platform: event.platform,
        kind: event.kind,
        promotional: event.promotional,
        fingerprint: fp && fp.length ? Uint32Array.from(fp) : undefined,
      };
      if (published.promotional === undefined && event.text && this.#classify) published.text = event.text;
      entry = { type: 'published', t, published, ...(closer ? { closer } : {}) };
      if (published.kind === 'post') {
        insertSorted(this.#posts, published, time);
        if (published.promotional !== undefined || published.text !== undefined) {
          insertSorted(this.#flaggable, published, time);
        }
      }
      insertSorted(this.#activity, t, num);
      this.#perPlatform.set(event.platform, (this.#perPlatform.get(event.platform) ?? 0) + 1);
      for (const h of lookupKeys(published.fingerprint)) {
        const list = this.#index.get(h);
        if (list) list.push(published);
        else this.#index.set(h, [published]);
      }
    } else if (event.type === 'comment-received') {
      const received: ReceivedEntry = {
        key,
        t,
        platform: event.platform,
        id: event.id,
        ...(event.on ? { on: event.on } : {}),
        ...(event.from ? { from: event.from } : {}),
        ...(event.url ? { url: event.url } : {}),
        ...(event.text ? { excerpt: firstWords(event.text, 100) } : {}),
        question: isQuestion(event.text),
        exact: event.exact === true,
      };
      entry = { type: 'comment-received', t, received };
      this.#waiting.addReceived(received);
    } else {
      entry = { type: event.type, t, ...(closer ? { closer } : {}) };
      // Closing an item from the popup is not taking part on the network.
      if (event.type === 'replied') insertSorted(this.#activity, t, num);
    }
    if (closer) this.#waiting.addCloser(closer);
    this.#entries.set(key, entry);
    this.#version++;
    insertSorted(this.#times, t, num);
    return true;
  }

  /** Forgets one event (retention, the ledger's size cap); false when it was not there. */
  remove(key: string): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#entries.delete(key);
    this.#version++;
    removeSorted(this.#times, entry.t, num);
    if (entry.type === 'published') {
      const p = entry.published;
      if (p.kind === 'post') {
        removeSorted(this.#posts, p, time);
        removeSorted(this.#flaggable, p, time);
      }
      removeSorted(this.#activity, entry.t, num);
      const left = (this.#perPlatform.get(p.platform) ?? 1) - 1;
      if (left > 0) this.#perPlatform.set(p.platform, left);
      else this.#perPlatform.delete(p.platform);
      for (const h of lookupKeys(p.fingerprint)) {
        const list = this.#index.get(h);
        const i = list ? list.indexOf(p) : -1;
        if (list && i >= 0) list.splice(i, 1);
        if (list?.length === 0) this.#index.delete(h);
      }
    } else if (entry.type === 'comment-received') {
      this.#waiting.removeReceived(entry.received);
    } else if (entry.type === 'replied') {
      removeSorted(this.#activity, entry.t, num);
    }
    if ('closer' in entry && entry.closer) this.#waiting.removeCloser(entry.closer);
    return true;
  }

  clear(): void {
    this.#version++;
    this.#entries.clear();
    this.#times = [];
    this.#posts = [];
    this.#flaggable = [];
    this.#activity = [];
    this.#index.clear();
    this.#waiting.clear();
    this.#perPlatform.clear();
  }

  /** When the person published the item with this network id, if the ledger has it. */
  publishedAt(platform: Platform, id: string): number | undefined {
    const key = eventKey({ type: 'published', platform, kind: 'post', id, at: '' });
    const entry = key === undefined ? undefined : this.#entries.get(key);
    return entry?.type === 'published' ? entry.t : undefined;
  }

  /** The network with the most published items in the ledger; of a tie, the one that got there first. */
  mostPublishedOn(): Platform | undefined {
    let best: Platform | undefined;
    let most = 0;
    for (const [platform, n] of this.#perPlatform) {
      if (n > most) [best, most] = [platform, n];
    }
    return best;
  }

  /** The first event at or before `now`: since when the ledger has been watching. */
  firstSeen(now: number): number | undefined {
    const first = this.#times[0];
    return first !== undefined && first <= now ? first : undefined;
  }

  /** The last post or reply at or before `now`. */
  lastActive(now: number): number | undefined {
    const i = upperBound(this.#activity, now, num);
    return i > 0 ? this.#activity[i - 1] : undefined;
  }

  /** Posts (not replies) published in [from, to]. */
  postsBetween(from: number, to: number): number {
    return Math.max(0, upperBound(this.#posts, to, time) - lowerBound(this.#posts, from, time));
  }

  /**
   * The last `n` posts at or before `now` whose promotional flag is known or can be found (a raw
   * post with text is classified here, once), each with its flag; oldest first.
   */
  lastFlaggedPosts(now: number, n: number): { entry: PublishedEntry; promotional: boolean }[] {
    const out: { entry: PublishedEntry; promotional: boolean }[] = [];
    for (let i = upperBound(this.#flaggable, now, time) - 1; i >= 0 && out.length < n; i--) {
      const entry = this.#flaggable[i]!;
      const promotional = this.#flag(entry);
      if (promotional !== undefined) out.push({ entry, promotional });
    }
    return out.reverse();
  }

  /** Items received in [since, now] still waiting for an answer: questions first, then oldest first. */
  waiting(since: number, now: number): ReceivedEntry[] {
    return this.#waiting.waiting(since, now);
  }

  /** The first `limit` of `waiting(since, now)`, without listing the rest. */
  firstWaiting(since: number, now: number, limit: number): ReceivedEntry[] {
    return this.#waiting.first(since, now, limit);
  }

  /** How many wait in [since, now]: in all, per network, asking something, and since when. */
  waitingCount(since: number, now: number): WaitingCount {
    return this.#waiting.count(since, now);
  }

  /**
   * The newest published item in [since, now] whose text is at least `min` similar to the
   * fingerprint, skipping `exceptPlatform`. Only posts that share one of the fingerprint's
   * smallest hashes are compared (see `lookupKeys`).
   */
  similar(
    fp: Fingerprint,
    since: number,
    now: number,
    min: number,
    exceptPlatform?: Platform,
  ): Similar | null {
    if (fp.length === 0 || this.#index.size === 0) return null;
    const seen = new Set<PublishedEntry>();
    // The newest that is similar enough; no need to rank the rest.
    let best: Similar | null = null;
    for (const h of lookupKeys(fp)) {
      for (const entry of this.#index.get(h) ?? []) {
        if (entry.t < since || entry.t > now || entry.platform === exceptPlatform) continue;
        if ((best && entry.t <= best.entry.t) || seen.has(entry)) continue;
        seen.add(entry);
        const similarity = resemblance(fp, entry.fingerprint!);
        if (similarity >= min) best = { entry, similarity };
      }
    }
    return best;
  }

  #flag(entry: PublishedEntry): boolean | undefined {
    if (entry.promotional === undefined && entry.text !== undefined && this.#classify) {
      entry.promotional = this.#classify({ text: entry.text, platform: entry.platform, kind: entry.kind });
      delete entry.text;
    }
    return entry.promotional;
  }
}

/** A summary of raw events (the `--history` file, a pack example), in one pass. */
export function summarise(events: Iterable<HistoryEvent>, classify?: Classify): HistorySummary {
  const summary = new HistorySummary(classify ? { classify } : {});
  for (const event of events) summary.add(event);
  return summary;
}
