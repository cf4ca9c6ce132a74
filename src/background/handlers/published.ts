/** `published`: a post or reply went out. The router has validated it; the ledger records it later. */
import type { AckResponse, PublishedRequest } from '../../shared/messages.ts';
import type { Sender } from '../router.ts';

export async function handlePublished(_req: PublishedRequest, _sender: Sender): Promise<AckResponse> {
  return { ok: true };
}
