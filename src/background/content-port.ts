/**
 * The worker's end of the content scripts' port (see src/shared/port.ts): each envelope is
 * checked, its request goes through the same router as any message (sender and payload checks
 * included), and the reply goes back under the request's id.
 */
import { CONTENT_PORT, PortRequest, type PortReply } from '../shared/port.ts';
import { ScoreResponse } from '../shared/responses.ts';
import type { Sender } from './router.ts';

export interface ServedPort {
  name: string;
  sender?: Sender;
  postMessage(message: PortReply): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

export function servePort(
  port: ServedPort,
  route: (message: unknown, sender: Sender) => Promise<unknown>,
): void {
  if (port.name !== CONTENT_PORT) return;
  port.onMessage.addListener((raw) => {
    const envelope = PortRequest.safeParse(raw);
    // Without an id there is nothing to pair a reply with: a forged envelope gets silence.
    if (!envelope.success) return;
    void route(envelope.data.message, port.sender ?? {}).then((reply) => {
      try {
        port.postMessage({ id: envelope.data.id, reply: forContentScript(reply) });
      } catch {
        // The tab closed or navigated while the draft was being scored.
      }
    });
  });
}

/**
 * A score answer as a page's script receives it: only what the indicator shows. Evidence (which
 * quotes the draft back) and notes are for the popup. The reply stays small, and an answer that
 * did not change is the same message as before, which the content script recognises without
 * parsing it again. Other answers pass unchanged.
 */
export function forContentScript(reply: unknown): unknown {
  const parsed = ScoreResponse.safeParse(reply);
  if (!parsed.success || !parsed.data.ok) return reply;
  const { score, band, nudges } = parsed.data.result;
  return {
    ok: true,
    result: {
      score,
      band,
      nudges: nudges.map(({ id, severity, title, reason, suggestion }) => ({
        id,
        severity,
        title,
        reason,
        suggestion,
      })),
    },
  };
}
