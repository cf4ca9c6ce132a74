/**
 * `published`: a post, reply or comment went out (the content script saw it confirmed). The router
 * has validated the message; this records it in the ledger for the history nudges.
 */
import type { AckResponse, PublishedRequest } from '../../shared/messages.ts';
import { ledger as defaultLedger, type Ledger } from '../ledger.ts';
import type { Sender } from '../router.ts';

export function createPublishedHandler(ledger: Ledger, newId: () => string = () => crypto.randomUUID()) {
  return async function published(req: PublishedRequest, _sender: Sender): Promise<AckResponse> {
    await ledger.add({
      at: req.at,
      type: 'published',
      platform: req.platform,
      kind: req.kind,
      id: newId(),
      text: req.text,
      ...(req.to ? { to: req.to } : {}),
    });
    return { ok: true };
  };
}

export const handlePublished = createPublishedHandler(defaultLedger);
