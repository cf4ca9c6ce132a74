/**
 * `load-card` (content scripts): the person opened the card for the first time in this frame;
 * inject the card's code into that frame, beside the content script that asked (the same
 * isolated world). Nothing is exposed to pages, and it works wherever the content script runs,
 * Mastodon instances added at run time included.
 */
import type { AckResponse, LoadCardRequest } from '../../shared/messages.ts';
import type { Sender } from '../router.ts';

export function createLoadCardHandler(inject: (tabId: number, frameId: number) => Promise<unknown>) {
  return async function loadCard(_req: LoadCardRequest, sender: Sender): Promise<AckResponse> {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0) return { ok: false, error: 'no tab to load the card into' };
    await inject(tabId, sender.frameId ?? 0);
    return { ok: true };
  };
}
