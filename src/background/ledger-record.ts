/**
 * One ledger record: what the worker keeps of one history event, and how a stored value is
 * checked when it is read back (IndexedDB is a boundary: an old version, another extension build
 * or a damaged profile may have written it).
 *
 * A published item keeps its platform, kind, time, ids, its promotional flag (classified here,
 * once) and a fingerprint of its whole text for near-duplicates; of the text itself only the first
 * words, for display. A received comment keeps a short excerpt and its link; answers keep whom they
 * answer.
 */
import { z } from 'zod';
import { HistoryEventSchema } from '../engine/pack/schema-parts.ts';
import {
  EXCERPT_CHARS,
  eventKey,
  fingerprint,
  firstWords,
  FINGERPRINT_SIZE,
  type Draft,
  type HistoryEvent,
} from '../engine/index.ts';

/** The record format this build writes (the database version is separate: see ledger-schema.ts). */
export const RECORD_VERSION = 2;
/** No honest record comes near this (ids and links are capped at 2,048 characters, texts far lower). */
export const MAX_RECORD_CHARS = 12_000;

export const LedgerRecord = z.object({
  v: z.number().int(),
  key: z.string().min(1).max(4200),
  event: HistoryEventSchema,
  fingerprint: z.array(z.number().int().min(0).max(0x3fffffff)).max(FINGERPRINT_SIZE).optional(),
});
export type LedgerRecord = z.infer<typeof LedgerRecord>;

export type Prepared = { ok: true; record: LedgerRecord } | { ok: false; reason: string };

/** Whether a published draft is promotional, by the active pack (undefined: it cannot tell). */
export type Classify = (draft: Draft) => boolean | undefined;

const issue = (error: z.ZodError) => {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'event'}: ${first.message}` : 'invalid';
};

/** The record for an event: checked, trimmed to what the ledger keeps, fingerprinted, keyed. */
export function prepare(input: HistoryEvent, classify?: Classify, newKey = randomKey): Prepared {
  const parsed = HistoryEventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: `not a history event (${issue(parsed.error)})` };
  const event = { ...parsed.data, at: new Date(parsed.data.at).toISOString() } as HistoryEvent;
  let fp: number[] | undefined;
  if (event.type === 'published' && event.text) {
    const text = event.text;
    fp = Array.from(fingerprint(text));
    if (event.promotional === undefined) {
      const promotional = classify?.({ text, platform: event.platform, kind: event.kind });
      if (promotional !== undefined) event.promotional = promotional;
    }
    event.text = firstWords(text);
  } else if (event.type === 'replied' && event.text) {
    event.text = firstWords(event.text);
  } else if (event.type === 'comment-received' && event.text) {
    event.text = firstWords(event.text, EXCERPT_CHARS);
  }
  if (event.text === '') delete event.text;
  const record: LedgerRecord = {
    v: RECORD_VERSION,
    key: eventKey(event) ?? newKey(event),
    event,
    ...(fp && fp.length ? { fingerprint: fp } : {}),
  };
  const size = JSON.stringify(record).length;
  if (size > MAX_RECORD_CHARS) return { ok: false, reason: `oversized (${size} characters)` };
  return { ok: true, record };
}

/** A key for an event the network gave no id: unique, and still saying what it is. */
function randomKey(event: HistoryEvent): string {
  return JSON.stringify([event.type, event.platform, `local:${crypto.randomUUID()}`]);
}

/** A stored value, or why it is skipped. */
export function readRecord(value: unknown): Prepared {
  let size: number;
  try {
    size = JSON.stringify(value)?.length ?? 0;
  } catch {
    return { ok: false, reason: 'unreadable value' };
  }
  if (size > MAX_RECORD_CHARS) return { ok: false, reason: `oversized (${size} characters)` };
  const parsed = LedgerRecord.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `corrupt (${issue(parsed.error)})` };
  if (parsed.data.v > RECORD_VERSION) {
    return { ok: false, reason: `written by a newer Rapport (record version ${parsed.data.v})` };
  }
  return { ok: true, record: parsed.data as LedgerRecord };
}
