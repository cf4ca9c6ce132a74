/**
 * `comments-seen`: a reader saw comments, replies and mentions waiting for the person on one
 * network (src/content/readers/). Each is recorded as `comment-received` (exact or "about"), each
 * that the person already answered also as `replied`, and a network's request to wait holds the
 * next read back. The router has validated the message.
 */
import type { AckResponse, CommentsSeenRequest } from '../../shared/messages.ts';
import type { Ledger } from '../ledger.ts';
import type { ReaderGate } from '../reader-gate.ts';
import type { Sender } from '../router.ts';

export function createCommentsSeenHandler(
  ledger: Ledger,
  gate: Pick<ReaderGate, 'backoff'>,
  now: () => Date = () => new Date(),
) {
  return async function commentsSeen(req: CommentsSeenRequest, sender: Sender): Promise<AckResponse> {
    // Readers run in a tab; a message from anywhere else is not a reading of a page.
    if (typeof sender.tab?.id !== 'number')
      return { ok: false, error: 'refused: comments-seen comes from a tab' };
    if (req.retryAfter) await gate.backoff(req.platform, req.retryAfter);
    const { platform, exact } = req;
    for (const { id, at, on, from, text, url } of req.items) {
      await ledger.add({
        type: 'comment-received',
        at,
        platform,
        id,
        ...(on ? { on } : {}),
        ...(from ? { from } : {}),
        ...(text ? { text } : {}),
        ...(url ? { url } : {}),
        exact,
      });
    }
    // Only items of this reading: an answer is about something the ledger has just been told of.
    const received = new Set(req.items.map((item) => item.id));
    const seenAt = now().toISOString();
    for (const to of new Set(req.answered)) {
      if (received.has(to)) await ledger.add({ type: 'replied', at: seenAt, platform, to });
    }
    return { ok: true };
  };
}
