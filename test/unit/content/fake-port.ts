/**
 * A stand-in for `runtime.connect`: each call opens a fake port whose other end is served by the
 * worker's real `servePort`, so tests exercise both ends of the channel.
 */
import { servePort } from '../../../src/background/content-port.ts';
import type { ContentPort } from '../../../src/content/channel.ts';

type Listener<T> = (value: T) => void;
export type FakePort = ContentPort & { closed: boolean; dropByWorker(): void };

export interface FakeWorker {
  id: string | undefined;
  ports: FakePort[];
  connect(info: { name: string }): ContentPort;
}

export function fakeWorker(route: (message: unknown) => Promise<unknown>): FakeWorker {
  const worker: FakeWorker = {
    id: 'ext-id',
    ports: [],
    connect({ name }) {
      const toContent: Listener<unknown>[] = [];
      const toWorker: Listener<unknown>[] = [];
      const disconnects: Listener<void>[] = [];
      const port: FakePort = {
        closed: false,
        postMessage(message: unknown) {
          if (port.closed) throw new Error('Attempting to use a disconnected port object');
          queueMicrotask(() => toWorker.forEach((l) => l(message)));
        },
        disconnect() {
          port.closed = true;
        },
        onMessage: { addListener: (l: Listener<unknown>) => toContent.push(l) },
        onDisconnect: { addListener: (l: Listener<void>) => disconnects.push(l) },
        dropByWorker() {
          port.closed = true;
          disconnects.forEach((l) => l());
        },
      };
      servePort(
        {
          name,
          sender: { id: 'ext-id', tab: { id: 1 } },
          postMessage: (reply) => {
            if (!port.closed) toContent.forEach((l) => l(reply));
          },
          onMessage: { addListener: (l) => toWorker.push(l) },
        },
        (message) => route(message),
      );
      worker.ports.push(port);
      return port;
    },
  };
  return worker;
}
