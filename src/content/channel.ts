/**
 * Requests to the worker over one port (see src/shared/port.ts). The port opens on first use,
 * closes after a quiet spell so the worker can sleep, and reopens on demand; a request caught by
 * a disconnect (the worker restarted) is sent once more on a fresh port.
 */
import { editFrom } from '../shared/edit.ts';
import type { AnswerFlags, PortReply } from '../shared/port.ts';

export interface ContentPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface PortRuntime {
  readonly id?: string;
  connect(info: { name: string }): ContentPort;
}

interface Pending {
  message: unknown;
  flags: AnswerFlags | undefined;
  at: number;
  resolve(reply: unknown): void;
  reject(error: unknown): void;
  retried: boolean;
}

export class PortClosed extends Error {
  constructor() {
    super('port closed');
  }
}

/** `name` is CONTENT_PORT; passed in so this file does not pull the envelope schema into the bundle. */
export function createChannel(runtime: () => PortRuntime | undefined, name: string, idleMs = 20_000) {
  let port: ContentPort | null = null;
  let nextId = 1;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let lastUsed = 0;
  const pending = new Map<number, Pending>();
  /** The key and text of the last keyed draft posted on this port, which the next one is sent against. */
  let base: [string, string] | null = null;

  function open(): ContentPort {
    const rt = runtime();
    if (!rt?.id) throw new PortClosed();
    const opened = rt.connect({ name });
    base = null;
    opened.onMessage.addListener((message) => {
      const { id, reply } = (message ?? {}) as Partial<PortReply>;
      const request = pending.get(id as number);
      if (!request) return;
      pending.delete(id as number);
      // Answers come in order, so earlier requests for the same key are settled: those still
      // waiting were quiet ones whose answer had not changed (see src/shared/port.ts).
      const key = request.flags?.key;
      if (key !== undefined) {
        for (const [earlier, other] of pending)
          if (earlier < (id as number) && other.flags?.key === key) pending.delete(earlier);
      }
      request.resolve(reply);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      const caught = [...pending.values()];
      pending.clear();
      for (const request of caught) {
        if (request.retried) request.reject(new PortClosed());
        else post({ ...request, retried: true });
      }
    });
    return opened;
  }

  function post(request: Pending): void {
    const id = nextId++;
    try {
      port ??= open();
      pending.set(id, request);
      const { message, flags } = request;
      const text = (message as { text?: unknown }).text;
      const key = typeof text === 'string' ? flags?.key : undefined;
      // Most reads change a few characters of a long draft: send only those (src/shared/port.ts).
      const edit = key !== undefined && base?.[0] === key ? editFrom(base[1], text as string) : undefined;
      port.postMessage({
        id,
        message: edit ? { ...(message as object), text: '' } : message,
        ...flags,
        edit,
      });
      if (key !== undefined) base = [key, text as string];
    } catch (error) {
      pending.delete(id);
      port = null;
      request.reject(error);
    }
  }

  function close(): void {
    clearTimeout(idle);
    idle = undefined;
    const closing = port;
    port = null;
    closing?.disconnect();
  }

  /**
   * One timer per quiet spell, not per request: it re-arms itself for whatever is left since the
   * last request (timers are not free for a content script, and requests come with keystrokes).
   */
  function onIdle(): void {
    const now = Date.now();
    const quiet = now - lastUsed;
    // A quiet request may never be answered. One that waited this long was not going to be (the
    // worker answers in order, within milliseconds), and it must not keep the port open.
    for (const [id, request] of pending)
      if (request.flags?.quiet && now - request.at >= idleMs) pending.delete(id);
    if (pending.size > 0) idle = setTimeout(onIdle, idleMs);
    else if (quiet < idleMs) idle = setTimeout(onIdle, idleMs - quiet);
    else close();
  }

  return {
    /**
     * Resolves with the worker's answer. With `flags.quiet` it may never settle: the worker had
     * nothing new to say, and the caller keeps what it has.
     */
    send(message: unknown, flags?: AnswerFlags): Promise<unknown> {
      lastUsed = Date.now();
      idle ??= setTimeout(onIdle, idleMs);
      return new Promise((resolve, reject) =>
        post({ message, flags, at: lastUsed, resolve, reject, retried: false }),
      );
    },
    close,
  };
}
