/**
 * One interface over Playwright (Chromium) and Puppeteer (Firefox) pages, so a browser test runs
 * the same steps in both, plus the small functions tests evaluate inside fixture pages.
 */
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

/** A sales pitch the default pack flags as `pure-promotion` on every network. */
export const PROMO = 'Huge sale! 30% off all plans. Buy now at shop.example.com';

/** The same steps on Playwright (Chromium) and Puppeteer (Firefox) pages. */
export interface Tab {
  goto(url: string): Promise<void>;
  /** Real mouse click in the middle of the first match (searching open shadow roots), optionally by text. */
  click(selector: string, text?: string): Promise<void>;
  type(text: string): Promise<void>;
  press(
    combo: 'Enter' | 'End' | 'Control+Enter' | 'Control+a' | 'Control+z' | 'Backspace' | 'Tab' | 'Escape',
  ): Promise<void>;
  eval<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  waitFor<A>(fn: (arg: A) => boolean, arg: A, timeout?: number): Promise<void>;
  errors: string[];
  close(): Promise<void>;
}

/**
 * Waits by polling from Node: the libraries' own in-page waiters run on the page's timers, which
 * the hostile page replaces (its `setTimeout` never fires).
 */
async function poll(check: () => Promise<unknown>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Functions run in the page; both libraries type them loosely enough for this. */
type PageFn = (arg: unknown) => unknown;

export function playwrightTab(page: PwPage): Tab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    errors,
    goto: async (url) => void (await page.goto(url)),
    // Playwright's locators pierce open shadow roots and run in their own world, so a page that
    // breaks its globals (the hostile page) cannot confuse them.
    async click(selector, text) {
      const all = page.locator(selector);
      await (text ? all.filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }) : all)
        .first()
        .click({ position: { x: 8, y: 8 } });
    },
    type: (text) => page.keyboard.type(text),
    press: (combo) => page.keyboard.press(combo),
    eval: (fn, arg) => page.evaluate(fn as PageFn, arg as unknown) as never,
    waitFor: (fn, arg, timeout) => poll(() => page.evaluate(fn as PageFn, arg as unknown), timeout),
    close: () => page.close(),
  };
}

export function puppeteerTab(page: PpPage): Tab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    errors,
    goto: async (url) => void (await page.goto(url)),
    async click(selector, text) {
      const box = await page.evaluate(centerOf, { selector, text: text ?? null });
      if (!box) throw new Error(`nothing to click at ${selector}`);
      await page.mouse.click(box.x, box.y);
    },
    type: (text) => page.keyboard.type(text),
    async press(combo) {
      const [mod, key] = combo.includes('+') ? combo.split('+') : [null, combo];
      if (mod) await page.keyboard.down('Control');
      await page.keyboard.press(key as 'Enter');
      if (mod) await page.keyboard.up('Control');
    },
    eval: (fn, arg) => page.evaluate(fn as PageFn, arg as unknown) as never,
    waitFor: (fn, arg, timeout) => poll(() => page.evaluate(fn as PageFn, arg as unknown), timeout),
    close: () => page.close(),
  };
}

// ---- functions evaluated inside pages (self-contained) ----

function centerOf({
  selector,
  text,
}: {
  selector: string;
  text: string | null;
}): { x: number; y: number } | null {
  const all = (root: Document | ShadowRoot): Element[] => {
    const found = Array.prototype.slice.call(root.querySelectorAll(selector)) as Element[];
    for (const el of Array.prototype.slice.call(root.querySelectorAll('*')) as Element[]) {
      if (el.shadowRoot) found.push(...all(el.shadowRoot));
    }
    return found;
  };
  const el = all(document).find((e) => text === null || (e.textContent ?? '').trim() === text);
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
}

export function indicatorAttr(name: string): string | null {
  return document.querySelector('rapport-indicator')?.getAttribute(name) ?? null;
}

export function hasNudge(id: string): boolean {
  return (document.querySelector('rapport-indicator')?.getAttribute('data-nudges') ?? '')
    .split(' ')
    .includes(id);
}

/** The indicator shows a finished score (not one still being computed for newer text). */
export function settledScored(): boolean {
  return document.querySelector('rapport-indicator')?.getAttribute('data-state') === 'scored';
}

export function ready(): boolean {
  return document.documentElement.getAttribute('data-fixture-ready') === 'true';
}
