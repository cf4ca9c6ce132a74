/**
 * Fills the worker's ledger the way the extension itself does, through the worker's own messages
 * sent from an extension page open in a tab: `published` (the composer's publish; the ledger
 * classifies the text as promotional or not), `comments-seen` (a reader's findings, one message per
 * network and exactness, at most 200 items each) and `no-reply-needed` (the popup's button). The
 * worker keeps its in-memory summary in step, as it would for real events.
 */
import type { HistoryEvent } from '../../src/engine/types.ts';
import type { Tab } from './tab.ts';

const DAY = 86_400_000;

/** `days` (may be fractional) before `now`, as the ledger stores times. */
export const daysAgo = (now: number, days: number) => new Date(now - days * DAY).toISOString();

/** The largest `comments-seen` a reader may send. */
const SEEN_BATCH = 200;

/**
 * The messages that record `events`. A `replied` has no message of its own at a chosen time (a
 * reader's `answered` is recorded when it is seen): answer with a published reply's `to` instead.
 */
export function seedMessages(events: readonly HistoryEvent[]): unknown[] {
  const messages: unknown[] = [];
  const seen = new Map<string, Extract<HistoryEvent, { type: 'comment-received' }>[]>();
  for (const event of events) {
    switch (event.type) {
      case 'published':
        messages.push({
          type: 'published',
          platform: event.platform,
          kind: event.kind,
          at: event.at,
          text: event.text ?? `A ${event.kind} on ${event.platform}`,
          ...(event.to ? { to: event.to } : {}),
        });
        break;
      case 'comment-received': {
        const group = `${event.platform} ${event.exact === true}`;
        seen.set(group, [...(seen.get(group) ?? []), event]);
        break;
      }
      case 'no-reply-needed':
        messages.push({ type: 'no-reply-needed', platform: event.platform, to: event.to });
        break;
      case 'replied':
        throw new Error('seedMessages: record an answer as a published reply with `to`');
    }
  }
  for (const group of seen.values()) {
    for (let i = 0; i < group.length; i += SEEN_BATCH) {
      const batch = group.slice(i, i + SEEN_BATCH);
      messages.push({
        type: 'comments-seen',
        platform: batch[0]?.platform,
        exact: batch[0]?.exact === true,
        items: batch.map(({ id, on, from, at, text, url }) => ({ id, on, from, at, text, url })),
        answered: [],
      });
    }
  }
  return messages;
}

/** Sends `messages` to the worker from the extension page in `tab`, `parallel` at a time; all must succeed. */
export async function sendToWorker(tab: Tab, messages: readonly unknown[], parallel = 1): Promise<void> {
  const failures = await tab.eval(
    async ({ messages, parallel }) => {
      const api =
        (globalThis as unknown as { browser?: Ext; chrome: Ext }).browser ??
        (globalThis as unknown as { chrome: Ext }).chrome;
      const failed: string[] = [];
      for (let i = 0; i < messages.length; i += parallel) {
        const replies = await Promise.all(
          messages.slice(i, i + parallel).map((m) => api.runtime.sendMessage(m)),
        );
        for (const reply of replies) {
          if ((reply as { ok?: boolean } | undefined)?.ok !== true) failed.push(JSON.stringify(reply));
        }
      }
      return failed;
    },
    { messages, parallel },
  );
  if (failures.length > 0)
    throw new Error(`the worker refused ${failures.length} seed messages: ${failures[0]}`);
}

interface Ext {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** Records `events` in the worker's ledger through its messages (see seedMessages). */
export function seedLedger(tab: Tab, events: readonly HistoryEvent[], parallel = 1): Promise<void> {
  return sendToWorker(tab, seedMessages(events), parallel);
}
