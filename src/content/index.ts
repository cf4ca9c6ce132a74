/**
 * Content script entry. Runs in every frame of the supported sites, in the extension's isolated
 * world. Idempotent: a second injection stops the first; an orphan left behind by an extension
 * reload stops itself as soon as it notices its context is gone.
 */
// zod's core: the content script parses with it directly (src/shared/shown.ts), not zod/mini.
import * as z from 'zod/v4/core';
import { ContextInvalidated, startApp, type App } from './app.ts';
import { runtime } from './runtime.ts';
import { createChannel } from './channel.ts';
import type { AnswerFlags } from '../shared/port.ts';
import { CARD_GLOBAL, type CreateCard } from './card/types.ts';
import { watchSitesOff, type SitesStorage } from './sites-off.ts';

// MV3's content security policy forbids the `new Function` probe zod runs by default.
z.config({ jitless: true });

const INSTANCE = Symbol.for('rapport.content');
const TAKEOVER = 'rapport:takeover';

type Holder = { [INSTANCE]?: App };

function contextAlive(): boolean {
  try {
    return Boolean(runtime()?.id);
  } catch {
    return false;
  }
}

/** When the runtime was last seen alive: its `id` getter is slow, so it is read at most once a second. */
let aliveAt = 0;
// The port's name, written here rather than imported so the envelope schema stays out of the bundle.
const channel = createChannel(runtime, 'rapport-content');

/** Not async: an async function's machinery is measurable on this path, taken at every read. */
function send(message: unknown, flags?: AnswerFlags): Promise<unknown> {
  // An orphan's request may never be answered, so the runtime is checked before sending too.
  const now = Date.now();
  if (now - aliveAt > 1000) {
    if (!contextAlive()) return Promise.reject(new ContextInvalidated());
    aliveAt = now;
  }
  return channel.send(message, flags).catch((error: unknown) => {
    throw !contextAlive() || /context invalidated/i.test(String(error)) ? new ContextInvalidated() : error;
  });
}

/**
 * The card's code: the worker injects it into this frame's isolated world on first use, where it
 * leaves its factory on the global. A file exposed to pages (web_accessible_resources) would let
 * any page detect the extension, and would not reach instances added at run time.
 */
function loadCard(): Promise<CreateCard> {
  const card = () => (globalThis as { [CARD_GLOBAL]?: CreateCard })[CARD_GLOBAL];
  return card()
    ? Promise.resolve(card()!)
    : send({ type: 'load-card' }).then((reply) => card() ?? Promise.reject(reply));
}

function main(): void {
  const holder = globalThis as Holder;
  holder[INSTANCE]?.stop();
  // An instance from an older version lives in another world; it hears this DOM event and stops
  // if its extension context is gone. The page can send it too, so a live instance ignores it.
  document.dispatchEvent(new CustomEvent(TAKEOVER));
  let off = '';
  const started = startApp({ doc: document, send, loadCard, off: (p) => off.split(' ').includes(p) });
  // `sites.<id> = false` on the options page reaches this page at once (storage.onChanged).
  const g = globalThis as { browser?: { storage?: SitesStorage }; chrome?: { storage?: SitesStorage } };
  const stopWatch = watchSitesOff(g.browser?.storage ?? g.chrome?.storage, (now) => {
    off = now;
    started.refresh();
  });
  const app: App = {
    stop() {
      started.stop();
      channel.close();
      stopWatch();
    },
  };
  holder[INSTANCE] = app;
  const onTakeover = () => {
    if (contextAlive()) return;
    document.removeEventListener(TAKEOVER, onTakeover);
    app.stop();
  };
  document.addEventListener(TAKEOVER, onTakeover);
}

main();
