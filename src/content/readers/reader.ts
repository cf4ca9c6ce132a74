/**
 * What a reader is, and what every reader shares: it reads the comments, replies and mentions
 * waiting for the person on one network, from where the person already is, and says which of
 * them the person already answered. Readers are not in the main content script: the worker
 * injects one network's reader (built on its own, see scripts/build/readers-plugin.ts) when the person opens
 * that network, at most once per page view and no more often than the worker's interval.
 *
 * Session tokens: a reader reads one from the page, puts it in one request's header and keeps
 * it nowhere else; nothing a reader returns carries it (run.ts sends only `Seen`).
 */
import * as z from 'zod/mini';
import type { Platform } from '../../engine/types.ts';

/** One received item, as `comments-seen` carries it (src/shared/messages.ts). */
export interface SeenItem {
  /** The network's own id of the item (a status id, `t1_…`, an at:// URI, a comment URN…). */
  id: string;
  /** The person's item it was left on, when the network says. */
  on?: string;
  /** The author's handle. */
  from?: string;
  /** When it was written (ISO 8601). */
  at: string;
  /** A short excerpt, at most EXCERPT characters. */
  text?: string;
  /** Where to open it. */
  url?: string;
}

export interface Seen {
  /** True when read from the network's JSON; false when read from a page's DOM ("about"). */
  exact: boolean;
  items: SeenItem[];
  /** Ids among `items` that the person already answered. */
  answered: string[];
  /** The network asked to wait this many seconds before the next read (429 or a spent budget). */
  retryAfter?: number;
}

/** What a reader may use: the page, a clock, and a fetch that goes out as the page's own. */
export interface ReaderContext {
  doc: Document;
  url: URL;
  now(): Date;
  fetch(url: string, init: { headers?: Record<string, string> }): Promise<Response>;
  /** The page's localStorage (Bluesky keeps its session there), or null. */
  storage(): Storage | null;
}

export interface Reader {
  platform: Platform;
  /** null: nothing to read here (signed out, no session on the page, not the right page). */
  read(ctx: ReaderContext): Promise<Seen | null>;
}

/** The `comments-seen` limits: an excerpt's length and the items per message. */
export const EXCERPT = 280;
export const MAX_ITEMS = 200;

/** The answer does not have the network's documented shape: refused whole, nothing recorded. */
export class Refused extends Error {
  override name = 'Refused';
}

/** The network said 429, or its rate budget is spent: wait `seconds` before the next read. */
export class RateLimited extends Error {
  override name = 'RateLimited';
  constructor(readonly seconds: number) {
    super(`rate limited for ${seconds} s`);
  }
}

/** Signed out or the session expired: nothing to read, and no retry (never a token refresh). */
export class NoSession extends Error {
  override name = 'NoSession';
}

/** When a 429 names no time to wait. */
export const DEFAULT_BACKOFF_S = 15 * 60;
/** Never wait longer than a day on the network's word. */
const MAX_BACKOFF_S = 24 * 60 * 60;
/** Below this many requests left in the window, stop and wait for the window to reset. */
const LOW_REMAINING = 3;

const clampSeconds = (s: number) => Math.min(MAX_BACKOFF_S, Math.max(1, Math.ceil(s)));

/**
 * Seconds until a reset value: seconds to wait (Reddit's `x-ratelimit-reset`), a Unix time in
 * seconds (Bluesky's `ratelimit-reset`), or a date (Mastodon's `x-ratelimit-reset`).
 */
export function secondsUntil(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    // A Unix time is far above any plausible wait (a day is 86,400 s).
    return clampSeconds(n > 1e9 ? n - now.getTime() / 1000 : n);
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : clampSeconds((date - now.getTime()) / 1000);
}

/** Retry-After on a 429, else the rate-limit reset, else a default wait. */
export function retryAfterOf(headers: Headers, now: Date): number {
  return (
    secondsUntil(headers.get('retry-after'), now) ??
    secondsUntil(headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset'), now) ??
    DEFAULT_BACKOFF_S
  );
}

/** The wait before the next read when the budget is nearly spent, else undefined. */
export function budgetWait(headers: Headers, now: Date): number | undefined {
  const left = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining');
  if (left === null || !(Number(left) < LOW_REMAINING)) return undefined;
  return secondsUntil(headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset'), now) ?? 60;
}

/**
 * JSON requests for one read. Each answer is parsed with the network's schema (a mismatch is
 * refused, never guessed at); a 429 or a nearly spent budget stops the read and names the wait.
 */
export function createJsonClient(ctx: ReaderContext) {
  let wait: number | undefined;
  return {
    /** Seconds the network asked to wait after this read, if any. */
    get retryAfter(): number | undefined {
      return wait;
    },
    async get<T>(
      label: string,
      url: string,
      schema: z.ZodMiniType<T>,
      headers: Record<string, string> = {},
    ): Promise<T> {
      if (wait !== undefined) throw new RateLimited(wait);
      const response = await ctx.fetch(url, { headers: { accept: 'application/json', ...headers } });
      if (response.status === 429) throw new RateLimited((wait = retryAfterOf(response.headers, ctx.now())));
      if (response.status === 401 || response.status === 403) throw new NoSession(`${label}: signed out`);
      if (!response.ok) throw new Refused(`${label}: HTTP ${response.status}`);
      wait = budgetWait(response.headers, ctx.now());
      return parseJson(label, await response.text(), schema);
    },
  };
}

/** Parses a body with the network's schema; anything else is a clear refusal. */
export function parseJson<T>(label: string, body: string, schema: z.ZodMiniType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Refused(`${label}: the answer is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Refused(`${label}: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  return parsed.data;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of a network's sanitised HTML (Mastodon's `content`), without a parser: tags out, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

/** An excerpt for the ledger: whitespace folded, at most EXCERPT characters; undefined when empty. */
export function excerpt(text: string | null | undefined): string | undefined {
  const folded = (text ?? '').replace(/\s+/g, ' ').trim();
  if (folded === '') return undefined;
  return folded.length <= EXCERPT ? folded : `${folded.slice(0, EXCERPT - 1)}…`;
}

/** An ISO time from a network's timestamp, or undefined when it is not one. */
export function isoTime(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/**
 * A relative time as notification pages print it ("5m", "2h", "3 days ago", "1 week ago") back
 * to an ISO time; undefined when the text is none of these.
 */
export function agoTime(text: string | null | undefined, now: Date): string | undefined {
  const match = /(\d+)\s*(sec|min|hour|day|week|month|year|s|m|h|d|w|y)[a-z]*\b/i.exec(text ?? '');
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const seconds = unit.startsWith('mo') ? 2_592_000 : (UNITS[unit[0]!] ?? 0);
  return new Date(now.getTime() - Number(match[1]) * seconds * 1000).toISOString();
}

/** Items at most MAX_ITEMS, each id once (a notification page can show one item twice). */
export function distinct(items: SeenItem[]): SeenItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id)).slice(0, MAX_ITEMS);
}

/** Fields with a value only (the message schema takes absent, not undefined, optionals). */
export function item(fields: {
  id: string;
  at: string;
  on?: string | undefined;
  from?: string | undefined;
  text?: string | undefined;
  url?: string | undefined;
}): SeenItem {
  const out: SeenItem = { id: fields.id.slice(0, 2048), at: fields.at };
  if (fields.on) out.on = fields.on.slice(0, 2048);
  if (fields.from) out.from = fields.from.slice(0, 200);
  if (fields.text) out.text = fields.text;
  if (fields.url) out.url = fields.url.slice(0, 2048);
  return out;
}
