/**
 * `published`: a post, reply or comment went out (the content script saw it confirmed). The router
 * has validated the message; the ledger records it (flagged promotional or not, fingerprinted, its
 * text cut to the first words) and the reply it answers, if the page showed which.
 */
import type { AckResponse, PublishedRequest } from '../../shared/messages.ts';
import { ledger as defaultLedger, type Ledger } from '../ledger.ts';
import type { Sender } from '../router.ts';

export function createPublishedHandler(ledger: Pick<Ledger, 'add'>) {
  return async function published(req: PublishedRequest, _sender: Sender): Promise<AckResponse> {
    // The page rarely shows the new item's own id, and its address is the page's, not the
    // item's: only `to` (what a reply answers) is recorded.
    await ledger.add({
      at: req.at,
      type: 'published',
      platform: req.platform,
      kind: req.kind,
      text: req.text,
      ...(req.to ? { to: req.to } : {}),
    });
    return { ok: true };
  };
}

export const handlePublished = createPublishedHandler(defaultLedger);
