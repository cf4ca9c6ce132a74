/**
 * The card that opens from the pill, with the built extension in Chromium and in Firefox, on
 * fixture pages at real host names: its code is injected on first open; it quotes the words that
 * triggered a nudge in a <mark>; Dismiss takes one nudge out of the card, the pill and
 * `data-nudges`, and Undo brings it back; Not helpful is counted in the extension's local storage
 * (and read back with `get-feedback`); it is usable with the keyboard alone; it takes the page's
 * colour scheme, not the OS's; and the pill's label is never cut, at any zoom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ChromiumPage } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import {
  POPUP_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { PROMO, hasNudge, playwrightTab, puppeteerTab, ready, type Tab } from './tab.ts';

const X_EDITOR = '[data-testid="tweetTextarea_0"]';
const LINKEDIN_EDITOR = '.share-creation-state .ql-editor';
/**
 * Substantive, but its first sentence runs past LinkedIn's "see more" fold: the top nudge's title
 * is one of the pack's longest (a 240 px pill cut it short).
 */
const FOLDED =
  'After two years of running our support team on a four-day week with the same hours of coverage, ' +
  'no change in response times and a lot of careful scheduling across three time zones, we finally have ' +
  'enough data to share what worked for us and what did not. What would you want to know first?';
/** A genuine draft: no nudge, so the pill shows the band ("strong"). */
const GENUINE = 'Our CI went from 14 to 6 minutes with a shared cache. How do you warm yours?';

interface Harness {
  open(host: string, path: string): Promise<Tab>;
  /** Sends a message to the worker from an extension page, as the options page would. */
  ask(message: unknown): Promise<unknown>;
  /** Reads the extension's storage.local from an extension page. */
  stored(key: string): Promise<unknown>;
  /** Browser zoom, as CSS sees it: a narrower viewport at a higher device pixel ratio. */
  zoom(tab: Tab, factor: number): Promise<void>;
  /** Makes the OS prefer a dark scheme (null where the browser cannot be told). */
  preferDark: ((tab: Tab) => Promise<void>) | null;
}

// ---- functions evaluated inside pages (self-contained) ----

function shadow(): ShadowRoot | null {
  return document.querySelector('rapport-indicator')?.shadowRoot ?? null;
}

function cardState() {
  const root = document.querySelector('rapport-indicator')?.shadowRoot;
  const card = root?.querySelector<HTMLElement>('.card');
  const rows = Array.from(root?.querySelectorAll('.card li[data-nudge-id]') ?? []);
  return {
    open: card ? !card.hidden : false,
    scheme: card?.getAttribute('data-scheme') ?? null,
    background: card ? getComputedStyle(card).backgroundColor : '',
    rows: rows.map((li) => li.getAttribute('data-nudge-id')),
    quotes: Array.from(root?.querySelectorAll('.card q') ?? []).map((q) => q.textContent ?? ''),
    marks: Array.from(root?.querySelectorAll('.card q mark') ?? []).map((m) => m.textContent ?? ''),
    focused: (() => {
      const active = root?.activeElement;
      if (!active) return null;
      return `${active.closest('li')?.getAttribute('data-nudge-id') ?? ''} ${active.getAttribute('data-action') ?? active.className}`;
    })(),
    status: root?.querySelector('.card [role="status"]')?.textContent ?? '',
  };
}

function pillFit() {
  const root = document.querySelector('rapport-indicator')!.shadowRoot!;
  const label = root.querySelector<HTMLElement>('.label')!;
  const pill = root.querySelector<HTMLElement>('.pill')!;
  const l = label.getBoundingClientRect();
  const p = pill.getBoundingClientRect();
  return {
    label: label.textContent ?? '',
    width: p.width,
    cut: label.scrollWidth > label.clientWidth || l.right > p.right + 0.5 || l.left < p.left - 0.5,
    oneLine: l.height < 20,
    onScreen: p.left >= -0.5 && p.right <= document.documentElement.clientWidth + 0.5,
  };
}

/** `hasNudge` negated, for waits (functions run in the page: no closures). */
function lacksNudge(id: string): boolean {
  return !(document.querySelector('rapport-indicator')?.getAttribute('data-nudges') ?? '')
    .split(' ')
    .includes(id);
}

function cardClosed(): boolean {
  return Boolean(
    document.querySelector('rapport-indicator')?.shadowRoot?.querySelector<HTMLElement>('.card')?.hidden,
  );
}

function lightness(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3 / 255;
}

async function openReady(h: Harness, host: string, path: string): Promise<Tab> {
  const tab = await h.open(host, path);
  await tab.waitFor(ready, null);
  return tab;
}

async function openCard(tab: Tab): Promise<void> {
  await tab.click('button.pill');
  await tab.waitFor(() => {
    const card = document.querySelector('rapport-indicator')?.shadowRoot?.querySelector('.card');
    return Boolean(card && !(card as HTMLElement).hidden && card.querySelector('style'));
  }, null);
}

function suite(h: () => Harness) {
  it('quotes the evidence; Dismiss and Undo for one nudge; Not helpful is counted locally', async () => {
    const tab = await openReady(h(), 'x.com', '/home');
    await tab.click(X_EDITOR);
    await tab.type(PROMO);
    await tab.waitFor(hasNudge, 'pure-promotion');
    expect(await tab.eval(shadow, null)).not.toBeNull();
    await openCard(tab);
    // The detailed answer asked for on opening carries the evidence the card quotes.
    await tab.waitFor(
      () =>
        (document.querySelector('rapport-indicator')?.shadowRoot?.querySelectorAll('.card q mark').length ??
          0) > 0,
      null,
    );
    const card = await tab.eval(cardState, null);
    expect(card.rows).toContain('pure-promotion');
    expect(card.marks.length).toBeGreaterThan(0);
    for (const mark of card.marks) expect(PROMO).toContain(mark);
    expect(card.marks.join(' ')).toMatch(/sale|off|buy/i);
    for (const quote of card.quotes) expect(PROMO).toContain(quote.replace(/^…|…$/g, ''));

    await tab.click('li[data-nudge-id="pure-promotion"] button[data-action="dismiss"]');
    await tab.waitFor(lacksNudge, 'pure-promotion');
    expect((await tab.eval(cardState, null)).rows).not.toContain('pure-promotion');
    expect((await tab.eval(cardState, null)).status).toContain('Dismissed');
    await tab.click('button[data-action="undo"]');
    await tab.waitFor(hasNudge, 'pure-promotion');
    expect((await tab.eval(cardState, null)).rows).toContain('pure-promotion');

    // Still in the editor: typing goes on where it was, and the nudge stays for this draft.
    await tab.type(' Today only.');
    expect(await tab.eval((sel) => document.querySelector(sel)?.textContent ?? '', X_EDITOR)).toBe(
      `${PROMO} Today only.`,
    );

    expect(await h().ask({ type: 'get-feedback' })).toEqual({ ok: true, feedback: {} });
    await tab.click('li[data-nudge-id="pure-promotion"] button[data-action="not-helpful"]');
    await tab.waitFor(lacksNudge, 'pure-promotion');
    let feedback: unknown = null;
    for (let i = 0; i < 200; i++) {
      feedback = await h().ask({ type: 'get-feedback' });
      if (JSON.stringify(feedback).includes('notHelpful')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(feedback).toEqual({ ok: true, feedback: { 'pure-promotion': { notHelpful: 1 } } });
    expect(await h().stored('feedback')).toEqual({ 'pure-promotion': { notHelpful: 1 } });
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it('works with the keyboard alone: Enter opens, Tab reaches the buttons, focus follows Dismiss and Undo', async () => {
    const tab = await openReady(h(), 'x.com', '/home');
    await tab.click(X_EDITOR);
    await tab.type(PROMO);
    await tab.waitFor(hasNudge, 'pure-promotion');
    await tab.eval(
      () =>
        document.querySelector('rapport-indicator')!.shadowRoot!.querySelector<HTMLElement>('.pill')!.focus(),
      null,
    );
    await tab.press('Enter');
    await tab.waitFor(
      () => Boolean(document.querySelector('rapport-indicator')?.shadowRoot?.querySelector('.card button')),
      null,
    );
    await tab.press('Tab');
    expect((await tab.eval(cardState, null)).focused).toBe('pure-promotion dismiss');
    await tab.press('Enter');
    await tab.waitFor(lacksNudge, 'pure-promotion');
    expect((await tab.eval(cardState, null)).focused).toBe(' undo');
    await tab.press('Enter');
    await tab.waitFor(hasNudge, 'pure-promotion');
    expect((await tab.eval(cardState, null)).focused).toBe('pure-promotion dismiss');
    await tab.press('Escape');
    await tab.waitFor(cardClosed, null);
    expect((await tab.eval(cardState, null)).focused).toMatch(/^ pill\b/);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it("takes the page's colour scheme when it opens, not the OS's", async () => {
    const tab = await openReady(h(), 'x.com', '/home');
    await tab.click(X_EDITOR);
    await tab.type(PROMO);
    await tab.waitFor(hasNudge, 'pure-promotion');
    // The site switches to its dark theme.
    await tab.eval(() => {
      document.documentElement.style.background = 'rgb(21, 32, 43)';
      document.body.style.background = 'rgb(21, 32, 43)';
    }, null);
    await openCard(tab);
    let card = await tab.eval(cardState, null);
    expect(card.scheme).toBe('dark');
    expect(await tab.eval(lightness, card.background)).toBeLessThan(0.3);
    await tab.click('button.pill');
    await tab.waitFor(cardClosed, null);
    // Back to a light page, while the OS prefers dark: the card is light.
    await h().preferDark?.(tab);
    await tab.eval(() => {
      document.documentElement.style.background = 'rgb(255, 255, 255)';
      document.body.style.background = 'rgb(255, 255, 255)';
    }, null);
    await openCard(tab);
    card = await tab.eval(cardState, null);
    expect(card.scheme).toBe('light');
    expect(await tab.eval(lightness, card.background)).toBeGreaterThan(0.9);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it("the pill's label is never cut, at any zoom, also at the viewport's edge", async () => {
    const cases: Array<{ host: string; path: string; editor: string; text: string; label: RegExp }> = [
      {
        host: 'www.linkedin.com',
        path: '/feed/',
        editor: LINKEDIN_EDITOR,
        text: FOLDED,
        label: /^Your opening is hidden by "see more"$/,
      },
      { host: 'x.com', path: '/home', editor: X_EDITOR, text: GENUINE, label: /^(strong|good)$/ },
    ];
    for (const c of cases) {
      const tab = await openReady(h(), c.host, c.path);
      await tab.click(c.editor);
      await tab.type(c.text);
      await tab.waitFor(
        (re) =>
          new RegExp(re).test(
            document.querySelector('rapport-indicator')?.shadowRoot?.querySelector('.label')?.textContent ??
              '',
          ),
        c.label.source,
      );
      for (const edge of [false, true]) {
        if (edge) {
          // The editor at the right edge: the pill is pushed against it.
          await tab.eval((sel) => {
            const editor = document.querySelector<HTMLElement>(sel)!;
            editor.style.cssText += ';position:fixed;right:0;top:120px;width:240px';
          }, c.editor);
        }
        for (const factor of [1, 1.1, 1.25, 1.5, 2, 3]) {
          await h().zoom(tab, factor);
          await new Promise((r) => setTimeout(r, 250));
          const fit = await tab.eval(pillFit, null);
          expect({ factor, edge, ...fit }).toMatchObject({
            label: expect.stringMatching(c.label),
            cut: false,
            oneLine: true,
            onScreen: true,
          });
        }
        await h().zoom(tab, 1);
      }
      expect(tab.errors).toEqual([]);
      await tab.close();
    }
  });
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the card in Chromium', () => {
  let session: ChromiumSession;
  let extension: ChromiumPage;
  const pages = new WeakMap<Tab, ChromiumPage>();
  beforeAll(async () => {
    session = await launchChromium({ hostPort: server.port, hosts: server.hosts });
    extension = await session.extensionPage(POPUP_PATH);
  });
  afterAll(async () => {
    await session?.close();
  });

  suite(() => ({
    async open(host, path) {
      const page = await session.page();
      const tab = playwrightTab(page);
      pages.set(tab, page);
      await tab.goto(server.url(host, path));
      return tab;
    },
    ask: (message) =>
      extension.evaluate(
        (m) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage(m),
        message,
      ),
    stored: (key) =>
      extension.evaluate(
        async (k) =>
          (
            await (
              globalThis as unknown as {
                chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
              }
            ).chrome.storage.local.get(k)
          )[k],
        key,
      ),
    async zoom(tab, factor) {
      const page = pages.get(tab)!;
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width: Math.round(1280 / factor),
        height: Math.round(800 / factor),
        deviceScaleFactor: factor,
        mobile: false,
      });
      await cdp.detach();
    },
    preferDark: (tab) => pages.get(tab)!.emulateMedia({ colorScheme: 'dark' }),
  }));
});

describe('the card in Firefox', () => {
  let session: FirefoxSession;
  let extension: FirefoxPage;
  const pages = new WeakMap<Tab, FirefoxPage>();
  beforeAll(async () => {
    session = await launchFirefox();
    extension = await session.extensionPage(POPUP_PATH);
  });
  afterAll(async () => {
    await session?.close();
  });

  suite(() => ({
    async open(host, path) {
      const page = await session.page();
      const tab = puppeteerTab(page);
      pages.set(tab, page);
      await tab.goto(server.portUrl(host, path));
      return tab;
    },
    ask: (message) =>
      extension.evaluate(
        (m) =>
          (
            globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).browser.runtime.sendMessage(m),
        message,
      ),
    stored: (key) =>
      extension.evaluate(
        async (k) =>
          (
            await (
              globalThis as unknown as {
                browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
              }
            ).browser.storage.local.get(k)
          )[k],
        key,
      ),
    async zoom(tab, factor) {
      await pages.get(tab)!.setViewport({
        width: Math.round(1280 / factor),
        height: Math.round(800 / factor),
        deviceScaleFactor: factor,
      });
    },
    preferDark: null,
  }));
});
