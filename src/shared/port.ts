/**
 * The content script talks to the worker over one long-lived port instead of a `sendMessage`
 * per request: Chromium opens and closes a whole channel for every `sendMessage`, which cost
 * about 0.4 ms of the page's main thread on each debounced keystroke. Requests and replies are
 * wrapped in an envelope that pairs them by id; the request inside is parsed as before.
 */
import * as z from 'zod/mini';

export const CONTENT_PORT = 'rapport-content';

export const PortRequest = z.object({
  id: z.number(),
  message: z.unknown(),
});

export interface PortReply {
  id: number;
  reply: unknown;
}
