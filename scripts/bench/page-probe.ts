/**
 * Scripts that run inside the fixture page's main world. They are plain strings because the
 * bench runs under tsx, whose transform wraps named functions in a helper that does not exist
 * in the page.
 */

import type { Page } from 'playwright-core';

export interface IndicatorChange {
  /** performance.now() when the page could first observe the change. */
  t: number;
  score: string | null;
  nudges: string | null;
  /** False when the attribute was set to the value it already had. */
  changed: boolean;
}

export interface ProbeState {
  keydowns: number[];
  changes: IndicatorChange[];
  longtasks: Array<[start: number, duration: number]>;
}

/**
 * Installed before the page's own scripts: trusted keydowns, long tasks, and every change of the
 * `<rapport-indicator>` attributes (the element is appended to <body>, so only <body>'s children
 * are watched — a subtree observer would cost the page time on every keystroke).
 */
export const PROBE_SCRIPT = `(() => {
  const probe = { keydowns: [], changes: [], longtasks: [] };
  Object.defineProperty(window, '__rapportBench', { value: probe });
  addEventListener('keydown', (e) => { if (e.isTrusted) probe.keydowns.push(performance.now()); }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const seen = new WeakSet();
  const record = (el, changed) => probe.changes.push({
    t: performance.now(), score: el.getAttribute('data-score'), nudges: el.getAttribute('data-nudges'), changed,
  });
  const attrs = new MutationObserver((records) => {
    for (const r of records) record(r.target, r.target.getAttribute(r.attributeName) !== r.oldValue);
  });
  const watch = (el) => {
    if (seen.has(el)) return;
    seen.add(el);
    attrs.observe(el, { attributes: true, attributeFilter: ['data-nudges', 'data-score'], attributeOldValue: true });
    record(el, true);
  };
  const start = () => {
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'RAPPORT-INDICATOR') watch(n);
    }).observe(document.body, { childList: true });
    const el = document.querySelector('body > rapport-indicator');
    if (el) watch(el);
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start, { once: true });
})();`;

export const READ_PROBE = 'window.__rapportBench';

/**
 * Resolves once the indicator has been quiet for `quietMs` after the last trusted keydown (or
 * `maxMs` passed with no change after it), with the probe's state at that point.
 */
export function waitQuietScript(quietMs: number, maxMs: number): string {
  return `new Promise((resolve) => {
    const probe = window.__rapportBench;
    const started = performance.now();
    const tick = () => {
      const now = performance.now();
      const lastKey = probe.keydowns[probe.keydowns.length - 1] ?? 0;
      const lastChange = probe.changes[probe.changes.length - 1];
      const settled = lastChange && lastChange.t > lastKey && now - lastChange.t >= ${quietMs};
      const gaveUp = now - Math.max(lastKey, started) >= ${maxMs};
      if (settled || gaveUp) resolve(JSON.parse(JSON.stringify(probe)));
      else setTimeout(tick, 20);
    };
    tick();
  })`;
}

/** The X fixture's Draft.js editor (X's own test id). */
export const EDITOR = '[data-testid="tweetTextarea_0"]';

export async function readProbe(page: Page): Promise<ProbeState> {
  return (await page.evaluate(READ_PROBE)) as ProbeState;
}

export async function waitQuiet(page: Page, quietMs: number, maxMs: number): Promise<ProbeState> {
  return (await page.evaluate(waitQuietScript(quietMs, maxMs))) as ProbeState;
}

/** Enters a multi-paragraph draft the way a paste lands: text per paragraph, real Enter keys between. */
export async function enterDraft(page: Page, text: string): Promise<void> {
  const paragraphs = text.split('\n\n');
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
    }
    await page.keyboard.insertText(paragraphs[i] as string);
  }
}

export async function clearEditor(page: Page): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
}

export function longTasksBetween(probe: ProbeState, from: number, to: number): number {
  return probe.longtasks.filter(([start, duration]) => start < to && start + duration > from).length;
}
