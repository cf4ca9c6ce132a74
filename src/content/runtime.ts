/**
 * The runtime the content script uses: `runtime.id` and `runtime.connect`, which both browsers
 * offer natively (Firefox as `browser`, Chromium as `chrome`). The content script skips
 * webextension-polyfill and its ~3 kB: it is injected into every page and must stay small.
 * The worker and the extension pages keep the polyfill.
 */
import type { PortRuntime } from './channel.ts';

export type ContentRuntime = PortRuntime;

type Globals = { browser?: { runtime?: ContentRuntime }; chrome?: { runtime?: ContentRuntime } };

/** Undefined once the extension is gone (reloaded or removed under this page). */
export function runtime(): ContentRuntime | undefined {
  const g = globalThis as Globals;
  return g.browser?.runtime ?? g.chrome?.runtime;
}
