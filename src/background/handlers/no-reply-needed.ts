/**
 * `no-reply-needed` (extension pages only): the person closed a waiting item from the popup. It
 * stays closed; a newer comment from the same author is a new item and waits on its own.
 */
import type { AckResponse, NoReplyNeededRequest } from '../../shared/messages.ts';
import type { Ledger } from '../ledger.ts';

export function createNoReplyNeededHandler(ledger: Pick<Ledger, 'add'>, now: () => Date = () => new Date()) {
  return async function noReplyNeeded(req: NoReplyNeededRequest): Promise<AckResponse> {
    await ledger.add({
      at: now().toISOString(),
      type: 'no-reply-needed',
      platform: req.platform,
      to: req.to,
    });
    return { ok: true };
  };
}
