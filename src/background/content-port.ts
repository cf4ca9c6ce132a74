/**
 * The worker's end of the content scripts' port (see src/shared/port.ts): each envelope is
 * checked, its request goes through the same router as any message (sender and payload checks
 * included), and the reply goes back under the request's id.
 *
 * Requests on one port are answered one after another, in the order they came. The content
 * script relies on that: a quiet request left unanswered (its answer had not changed) is known to
 * be settled once a later request's answer arrives.
 */
import { applyEdit } from '../shared/edit.ts';
import { CONTENT_PORT, PortRequest, type PortReply } from '../shared/port.ts';
import { ScoreResponse } from '../shared/responses.ts';
import type { Sender } from './router.ts';

export interface ServedPort {
  name: string;
  sender?: Sender;
  postMessage(message: PortReply): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

/** Keys (drafts) remembered per port; a tab rarely has more than a few. */
const MAX_KEYS = 64;

export function servePort(
  port: ServedPort,
  route: (message: unknown, sender: Sender) => Promise<unknown>,
): void {
  if (port.name !== CONTENT_PORT) return;
  /** The last answer sent for each key, serialised: what the page holds. */
  const sent = new Map<string, string>();
  /** The key and text of the last keyed draft on this port: what the next `edit` applies to. */
  let base: [string, string] | null = null;
  let queue: Promise<void> = Promise.resolve();
  port.onMessage.addListener((raw) => {
    const envelope = PortRequest.safeParse(raw);
    // Without an id there is nothing to pair a reply with: a forged envelope gets silence.
    if (!envelope.success) return;
    const { id, key, quiet, brief, edit } = envelope.data;
    let { message } = envelope.data;
    queue = queue.then(answer).catch(() => {
      // A request that failed must not stall the ones after it; its sender gets no answer.
    });
    async function answer(): Promise<void> {
      // In order (this runs in the queue), so `base` is the text the page sent its edit against.
      if (edit) {
        const before = base && base[0] === key ? base[1] : undefined;
        if (before === undefined) {
          return port.postMessage({ id, reply: { ok: false, error: 'edit without its text' } });
        }
        message = { ...(message as object), text: applyEdit(before, edit) };
      }
      const text = (message as { text?: unknown } | null)?.text;
      if (key !== undefined && typeof text === 'string') base = [key, text];
      const reply = forContentScript(await route(message, port.sender ?? {}), brief === true);
      if (key !== undefined) {
        const json = JSON.stringify(reply) ?? '';
        if (quiet && sent.get(key) === json) return;
        if (!sent.has(key) && sent.size >= MAX_KEYS) sent.clear();
        sent.set(key, json);
      }
      try {
        port.postMessage({ id, reply });
      } catch {
        // The tab closed or navigated while the draft was being scored.
      }
    }
  });
}

/** Evidence items a nudge carries to the card, which quotes a couple of them. */
export const MAX_CARD_EVIDENCE = 8;

/**
 * A score answer as a page's script receives it: only what the indicator and its card show.
 * Notes are for the popup. `brief` (the card is closed) leaves out each nudge's reason, suggestion
 * and evidence (which quotes the draft back, with offsets that move as the person types): only
 * the open card shows them. Other answers pass unchanged.
 */
export function forContentScript(reply: unknown, brief = false): unknown {
  const parsed = ScoreResponse.safeParse(reply);
  if (!parsed.success || !parsed.data.ok) return reply;
  const { score, band, nudges } = parsed.data.result;
  return {
    ok: true,
    result: {
      score,
      band,
      nudges: nudges.map(({ id, severity, title, reason, suggestion, evidence }) =>
        brief
          ? { id, severity, title, reason: '', suggestion: '' }
          : { id, severity, title, reason, suggestion, evidence: evidence.slice(0, MAX_CARD_EVIDENCE) },
      ),
    },
  };
}
