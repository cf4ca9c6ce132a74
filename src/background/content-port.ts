/**
 * The worker's end of the content scripts' port (see src/shared/port.ts): each envelope is
 * checked, its request goes through the same router as any message (sender and payload checks
 * included), and the reply goes back under the request's id.
 */
import { CONTENT_PORT, PortRequest, type PortReply } from '../shared/port.ts';
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
        port.postMessage({ id: envelope.data.id, reply });
      } catch {
        // The tab closed or navigated while the draft was being scored.
      }
    });
  });
}
