import type { HistorySummary } from './history/summary.ts';

/**
 * The engine's public vocabulary. Everything here is plain data so the same values travel
 * through the worker, the CLI and tests unchanged.
 */

export const PLATFORMS = [
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'threads',
  'bluesky',
  'mastodon',
  'reddit',
  'youtube',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const KINDS = ['post', 'reply', 'comment'] as const;
export type Kind = (typeof KINDS)[number];

export const DRAFT_NUDGES = [
  'pure-promotion',
  'nothing-to-say',
  'vanity-metrics',
  'corporate-voice',
  'canned-reply',
  'platform-fit',
  'no-invitation',
  'missing-disclosure',
  'confidential-term',
] as const;

export const HISTORY_NUDGES = [
  'unanswered-comments',
  'promo-ratio',
  'burst',
  'silence',
  'cross-post',
] as const;

export type Severity = 'info' | 'warn';

export interface Draft {
  text: string;
  platform: Platform;
  kind: Kind;
}

/** A character range in the (possibly capped) draft, or a plain fact for history nudges. */
export interface Evidence {
  text: string;
  start?: number;
  end?: number;
}

export interface Nudge {
  id: string;
  severity: Severity;
  title: string;
  reason: string;
  suggestion: string;
  evidence: Evidence[];
}

export interface CheckResult {
  score: number;
  band: string;
  nudges: Nudge[];
  /** Every finding, before the "at most three" cut; the UI shows `nudges`. */
  all: Nudge[];
  /** Plain-language notes about the input itself (capped, empty, …). */
  notes: string[];
  truncated: boolean;
}

/** One line of the activity ledger (the `--history` JSONL format in product.md). */
export type HistoryEvent =
  | {
      at: string;
      type: 'published';
      platform: Platform;
      kind: Kind;
      /** The network's id or URL of the item, when the page shows it. */
      id?: string;
      text?: string;
      /** For a reply: the id or URL of the item it answers (that item counts as answered). */
      to?: string;
      /** Classified once, when recorded (the ledger keeps the flag, not the whole text). */
      promotional?: boolean;
    }
  | {
      at: string;
      type: 'comment-received';
      platform: Platform;
      id: string;
      /** The person's own item it was left on. */
      on?: string;
      /** The author's handle. */
      from?: string;
      text?: string;
      /** Where to open it. */
      url?: string;
      /** False when read from a notifications page's DOM ("about" in the UI), true from an API. */
      exact?: boolean;
    }
  | { at: string; type: 'replied'; platform: Platform; to?: string; text?: string }
  /** "No reply needed": the person closed a waiting item without answering it. */
  | { at: string; type: 'no-reply-needed'; platform: Platform; to: string; text?: never };

export interface CheckOptions {
  /**
   * Raw events (the `--history` file, a pack's examples): summarised once, and the summary reused
   * while the same array is passed again (events appended to it are added, not re-read).
   */
  history?: readonly HistoryEvent[];
  /** A summary kept up to date elsewhere (the worker's); wins over `history`. */
  summary?: HistorySummary;
  /** The clock; history nudges measure windows back from here. */
  now?: Date;
}
