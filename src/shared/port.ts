/**
 * The content script talks to the worker over one long-lived port instead of a `sendMessage`
 * per request: Chromium opens and closes a whole channel for every `sendMessage`, which cost
 * about 0.4 ms of the page's main thread on each debounced keystroke. Requests and replies are
 * wrapped in an envelope that pairs them by id; the request inside is parsed as before.
 *
 * Delivering a message to a page costs its main thread about as much as reading the draft, and
 * while someone types the answer rarely changes. So a request can ask to be answered only on a
 * change: with `key` (a draft) and `quiet`, the worker stays silent when its answer for that key
 * is the one it last sent. `brief` leaves out each nudge's reason and suggestion, which only the
 * open card shows (and which quote counts that change with every keystroke).
 *
 * Posting a 3,000-character draft costs the page several times what posting a few characters
 * does, and a read usually changes a few. So a keyed draft whose key is the same as the last
 * keyed draft on the port comes as an `edit` of that text: how many characters are kept at the
 * start and at the end, and what replaces the middle. Both ends keep the last text per port, and
 * requests are handled in order, so the two stay in step; a new port starts from whole texts.
 * The edit itself is in src/shared/edit.ts.
 */
import * as z from 'zod/mini';

export const CONTENT_PORT = 'rapport-content';

export const PortRequest = z.object({
  id: z.number(),
  message: z.unknown(),
  key: z.optional(z.string()),
  quiet: z.optional(z.boolean()),
  brief: z.optional(z.boolean()),
  edit: z.optional(z.tuple([z.number(), z.number(), z.string()])),
});

/** How a request wants its answer; the content script sends these beside the message. */
export interface AnswerFlags {
  key?: string;
  quiet?: boolean;
  brief?: boolean;
}

export interface PortReply {
  id: number;
  reply: unknown;
}
