/**
 * Runs one reader in the page it was injected into and sends what it saw to the worker as
 * `comments-seen`. Each reader's built file is this runner around that reader (scripts/build/readers-plugin.ts);
 * the worker injects it at most once per page view. What leaves here is `Seen` and nothing else:
 * no header, no session, no token.
 */
import * as z from 'zod/mini';
import type { CommentsSeenRequest } from '../../shared/messages.ts';
import { NoSession, RateLimited, Refused, type Reader, type ReaderContext, type Seen } from './reader.ts';

type SendMessage = (message: unknown) => Promise<unknown>;
type Globals = {
  browser?: { runtime?: { sendMessage?: SendMessage } };
  chrome?: { runtime?: { sendMessage?: SendMessage } };
  /** Firefox: the page's own window, whose fetch goes out as the page (cookies, origin). */
  content?: { fetch?: typeof fetch };
};

/** `comments-seen` for what a reader returned. */
export function toMessage(platform: Reader['platform'], seen: Seen): CommentsSeenRequest {
  return {
    type: 'comments-seen',
    platform,
    exact: seen.exact,
    items: seen.items,
    answered: seen.answered,
    ...(seen.retryAfter ? { retryAfter: seen.retryAfter } : {}),
  };
}

/**
 * Reads and reports. A refusal (an answer not shaped as the network documents it) is named in
 * the console and records nothing; a signed-out page records nothing; a 429 records nothing and
 * tells the worker how long to wait.
 */
export async function readAndReport(
  reader: Reader,
  ctx: ReaderContext,
  send: SendMessage,
): Promise<CommentsSeenRequest | null> {
  let seen: Seen | null;
  try {
    seen = await reader.read(ctx);
  } catch (error) {
    if (error instanceof RateLimited) {
      seen = { exact: true, items: [], answered: [], retryAfter: error.seconds };
    } else if (error instanceof NoSession) {
      seen = null;
    } else {
      // The message names the network and the JSON path; it never holds a header or a token.
      const why = error instanceof Refused ? error.message : `${reader.platform}: the read failed`;
      console.warn(`Rapport: comments not read. ${why}`);
      seen = null;
    }
  }
  if (!seen) return null;
  const message = toMessage(reader.platform, seen);
  await send(message);
  return message;
}

/** The browser's side of a reader: the page, its fetch, its storage, the runtime. */
export function runReader(reader: Reader): void {
  // MV3's content security policy forbids the `new Function` probe zod runs by default.
  z.config({ jitless: true });
  const g = globalThis as Globals;
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime?.sendMessage) return;
  const page = g.content?.fetch ? g.content : null;
  const ctx: ReaderContext = {
    doc: document,
    url: new URL(location.href),
    now: () => new Date(),
    // Where a content script has `content.fetch` (Firefox's MV2 scripts), it goes out as the page's
    // own request. Firefox 153's MV3 scripts have none, and their fetch already carries the page's
    // cookies and origin (the Reddit fixture requires its session cookie, in both browsers).
    fetch: (url, init) => (page ? page.fetch!(url, init) : fetch(url, init)),
    storage: () => {
      try {
        return localStorage;
      } catch {
        return null;
      }
    },
  };
  void readAndReport(reader, ctx, (message) => runtime.sendMessage!(message)).catch(() => undefined);
}
