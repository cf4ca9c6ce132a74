/**
 * The two runtime calls the content script makes. Both browsers' MV3 runtimes return promises
 * natively (Firefox as `browser`, Chromium as `chrome`), so the content script skips
 * webextension-polyfill and its ~3 kB: it is injected into every page and must stay small.
 * The worker and the extension pages keep the polyfill.
 */
export interface ContentRuntime {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

type Globals = { browser?: { runtime?: ContentRuntime }; chrome?: { runtime?: ContentRuntime } };

/** Undefined once the extension is gone (reloaded or removed under this page). */
export function runtime(): ContentRuntime | undefined {
  const g = globalThis as Globals;
  return g.browser?.runtime ?? g.chrome?.runtime;
}
