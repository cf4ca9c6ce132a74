/**
 * What a history event is known by, and the small pieces of text the ledger keeps of it: shared by
 * the summary (engine), the worker's ledger and the CLI, so all three agree.
 */
import type { HistoryEvent } from '../types.ts';

/** What the ledger keeps of a published text for display: its first words, not the whole text. */
export const FIRST_WORDS_CHARS = 120;
/** A received comment's excerpt, as the popup and the nudge's evidence show it. */
export const EXCERPT_CHARS = 280;

/**
 * One event per (type, platform, id) for what has an id — a published item with its network id,
 * a received comment — and per (type, platform, to) for answers and "no reply needed": recording
 * the same thing twice changes nothing. Events with neither (a post whose id the page never
 * showed) have no key; each is its own.
 */
export function eventKey(event: HistoryEvent): string | undefined {
  const ref = event.type === 'published' || event.type === 'comment-received' ? event.id : event.to;
  return ref ? JSON.stringify([event.type, event.platform, ref]) : undefined;
}

/** The text on one line, cut at a word boundary with an ellipsis when longer than `max`. */
export function firstWords(text: string, max = FIRST_WORDS_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A question mark in any of the scripts the networks are used in (Latin, Arabic, full-width CJK). */
export function isQuestion(text: string | undefined): boolean {
  return text !== undefined && /[?؟？]/.test(text);
}

/** The item an event answers or closes, if it is one that does. */
export function closes(event: HistoryEvent): string | undefined {
  return event.type === 'comment-received' ? undefined : event.to || undefined;
}
