import * as z from 'zod/mini';
import { render } from 'preact';
import { App } from './App.tsx';
import { createBrowserConnector } from './connector.ts';
import type { Engagement } from '../shared/messages.ts';
import './popup.css';

// MV3's content security policy forbids the `new Function` probe zod runs by default.
z.config({ jitless: true });

/** The cache normally answers in a few ms; past this the popup paints without it. */
const CACHE_WAIT_MS = 50;

const root = document.getElementById('app');
if (root) {
  const connector = createBrowserConnector();
  const paint = (cached: Engagement | null) =>
    render(<App connector={connector} initialEngagement={cached} />, root);
  const cache = connector.cachedEngagement();
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), CACHE_WAIT_MS));
  void Promise.race([cache, timeout]).then(
    (cached) => {
      paint(cached);
      // The bench and the browser tests read this: the first paint came after it, with the cached answer.
      performance.mark('rapport:first-render', { detail: { cached: cached !== null } });
      // A slow cache still shows before the worker's answer (the popup keeps whichever came first).
      if (cached === null) void cache.then((late) => late && paint(late));
    },
    () => paint(null),
  );
}
