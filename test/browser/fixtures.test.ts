import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUBLISHED_LIST_ID, READY_ATTRIBUTE, type FixtureWindow } from '../fixtures/fixture-api.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { launchPlainChromium } from './launch.ts';

// The fixture pages without the extension: each real editor takes keyboard input, the page
// reads it through the editor's own API, and publishing records exactly what was typed. If
// these fail, extension tests built on the pages would prove nothing.

const LINE_1 = 'Hello there, friends';
const LINE_2 = 'Second line here';

type Key = 'Enter' | 'Shift+Enter' | 'Control+Enter';

interface Scenario {
  name: string;
  host: string;
  path: string;
  box: string;
  editor: string;
  /** The key that starts a new line without posting. */
  newline: Key;
  /** A control to click, or a key to press, to publish. */
  publish: { click: string } | { key: Key };
  /** Text the page puts in the box before the person types (Mastodon reply handle). */
  prefill?: string;
  /** Library-backed editors keep an undo stack; textareas report null. */
  undo: boolean;
}

const scenarios: Scenario[] = [
  {
    name: 'X post (Draft.js), Ctrl+Enter',
    host: 'x.com',
    path: '/home',
    box: 'post',
    editor: '[data-testid="tweetTextarea_0"]',
    newline: 'Enter',
    publish: { key: 'Control+Enter' },
    undo: true,
  },
  {
    name: 'X reply (Draft.js), Reply button',
    host: 'x.com',
    path: '/someuser/status/123',
    box: 'reply',
    editor: '[data-testid="tweetTextarea_0"]',
    newline: 'Enter',
    publish: { click: '[data-testid="tweetButtonInline"]' },
    undo: true,
  },
  {
    name: 'LinkedIn share box (Quill)',
    host: 'www.linkedin.com',
    path: '/feed/',
    box: 'share',
    editor: '.share-creation-state .ql-editor',
    newline: 'Enter',
    publish: { click: 'button.share-actions__primary-action' },
    undo: true,
  },
  {
    name: 'LinkedIn comment (Quill)',
    host: 'www.linkedin.com',
    path: '/feed/',
    box: 'comment',
    editor: '.comments-comment-box .ql-editor',
    newline: 'Enter',
    publish: { click: '.comments-comment-box button.comments-comment-box__submit-button' },
    undo: true,
  },
  {
    name: 'LinkedIn reply (Quill)',
    host: 'www.linkedin.com',
    path: '/feed/',
    box: 'reply',
    editor: '.comments-reply-box .ql-editor',
    newline: 'Enter',
    publish: { click: '.comments-reply-box button.comments-comment-box__submit-button' },
    undo: true,
  },
  {
    name: 'LinkedIn comment (TipTap)',
    host: 'www.linkedin.com',
    path: '/feed/',
    box: 'tiptap-comment',
    editor: '[data-view-name="comment-box"] .ProseMirror[contenteditable]',
    newline: 'Enter',
    publish: { click: 'button[data-view-name="comment-post"]' },
    undo: true,
  },
  {
    name: 'Facebook post (Lexical)',
    host: 'www.facebook.com',
    path: '/',
    box: 'post',
    editor:
      'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"][aria-label="What\'s on your mind, Sam?"]',
    newline: 'Enter',
    publish: { click: 'div[role="button"][aria-label="Post"]' },
    undo: true,
  },
  {
    name: 'Facebook comment (Lexical), Enter posts',
    host: 'www.facebook.com',
    path: '/',
    box: 'comment',
    editor: '[data-lexical-editor="true"][aria-label="Write a comment…"]',
    newline: 'Shift+Enter',
    publish: { key: 'Enter' },
    undo: true,
  },
  {
    name: 'Facebook reply (Lexical), Enter posts',
    host: 'www.facebook.com',
    path: '/',
    box: 'reply',
    editor: '#reply[data-lexical-editor="true"]',
    newline: 'Shift+Enter',
    publish: { key: 'Enter' },
    undo: true,
  },
  {
    name: 'Instagram comment (textarea), Enter posts',
    host: 'www.instagram.com',
    path: '/p/abc123/',
    box: 'comment',
    editor: 'textarea[aria-label="Add a comment…"]',
    newline: 'Shift+Enter',
    publish: { key: 'Enter' },
    undo: false,
  },
  {
    name: 'Instagram caption (Lexical), Share',
    host: 'www.instagram.com',
    path: '/create/',
    box: 'caption',
    editor: 'div[aria-label="Write a caption..."][contenteditable="true"]',
    newline: 'Enter',
    publish: { click: 'div[role="button"]:text-is("Share")' },
    undo: true,
  },
  {
    name: 'Instagram direct message (Lexical), Enter sends',
    host: 'www.instagram.com',
    path: '/direct/t/1',
    box: 'message',
    editor: 'div[aria-label="Message"][data-lexical-editor="true"]',
    newline: 'Shift+Enter',
    publish: { key: 'Enter' },
    undo: true,
  },
  {
    name: 'Threads post (Lexical) on threads.net',
    host: 'www.threads.net',
    path: '/',
    box: 'post',
    editor: 'div[role="textbox"][data-lexical-editor="true"]',
    newline: 'Enter',
    publish: { click: 'div[role="button"]:text-is("Post")' },
    undo: true,
  },
  {
    name: 'Threads reply dialog (Lexical) on threads.com',
    host: 'www.threads.com',
    path: '/@someuser/post/C0ffee123',
    box: 'reply',
    editor: '[role="dialog"] div[role="textbox"][data-lexical-editor="true"]',
    newline: 'Enter',
    publish: { key: 'Control+Enter' },
    undo: true,
  },
  {
    name: 'Bluesky post (TipTap), Ctrl+Enter',
    host: 'bsky.app',
    path: '/',
    box: 'post',
    editor: '.ProseMirror[contenteditable][aria-label="Rich-Text Editor"]',
    newline: 'Enter',
    publish: { key: 'Control+Enter' },
    undo: true,
  },
  {
    name: 'Bluesky reply (TipTap), Publish reply',
    host: 'bsky.app',
    path: '/profile/x/post/1',
    box: 'reply',
    editor: '.ProseMirror[contenteditable]',
    newline: 'Enter',
    publish: { click: '[data-testid="composerPublishBtn"][aria-label="Publish reply"]' },
    undo: true,
  },
  {
    name: 'Mastodon post (textarea), Ctrl+Enter',
    host: 'mastodon.social',
    path: '/home',
    box: 'post',
    editor: 'form.compose-form textarea',
    newline: 'Enter',
    publish: { key: 'Control+Enter' },
    undo: false,
  },
  {
    name: 'Mastodon reply (textarea), submit button',
    host: 'mastodon.social',
    path: '/@someuser/109',
    box: 'reply',
    editor: 'form.compose-form textarea',
    newline: 'Enter',
    publish: { click: '.compose-form__submit button[type=submit]' },
    prefill: '@someuser ',
    undo: false,
  },
  {
    name: 'Reddit comment (Lexical in shreddit-composer)',
    host: 'www.reddit.com',
    path: '/r/test/comments/abc/trail/',
    box: 'comment',
    editor: '#top-composer div[contenteditable="true"][role="textbox"]',
    newline: 'Enter',
    publish: { click: '#top-composer button[slot="submit-button"]' },
    undo: true,
  },
  {
    name: 'Reddit reply (inside shreddit-comment)',
    host: 'www.reddit.com',
    path: '/r/test/comments/abc/trail/',
    box: 'reply',
    editor: 'shreddit-comment[thingid] shreddit-composer div[contenteditable="true"][role="textbox"]',
    newline: 'Enter',
    publish: { click: 'shreddit-comment[thingid] button[slot="submit-button"]' },
    undo: true,
  },
  {
    name: 'old Reddit comment (textarea), save',
    host: 'old.reddit.com',
    path: '/r/test/comments/xyz/trail/',
    box: 'comment',
    editor: '.commentarea > form .usertext-edit textarea[name="text"]',
    newline: 'Enter',
    publish: { click: '.commentarea > form .usertext-buttons button.save' },
    undo: false,
  },
  {
    name: 'old Reddit reply inside .thing.comment',
    host: 'old.reddit.com',
    path: '/r/test/comments/xyz/trail/',
    box: 'reply',
    editor: '.thing.comment .usertext-edit textarea[name="text"]',
    newline: 'Enter',
    publish: { click: '.thing.comment .usertext-buttons button.save' },
    undo: false,
  },
  {
    name: 'YouTube comment (contenteditable)',
    host: 'www.youtube.com',
    path: '/watch?v=abc',
    box: 'comment',
    editor: '#commentbox #contenteditable-root',
    newline: 'Enter',
    publish: { click: '#commentbox #submit-button button' },
    undo: false,
  },
  {
    name: 'YouTube reply in ytd-comment-reply-dialog-renderer',
    host: 'www.youtube.com',
    path: '/watch?v=abc',
    box: 'reply',
    editor: 'ytd-comment-reply-dialog-renderer #contenteditable-root',
    newline: 'Enter',
    publish: { click: 'ytd-comment-reply-dialog-renderer #submit-button button' },
    undo: false,
  },
  {
    name: 'example.org (not a network)',
    host: 'example.org',
    path: '/',
    box: 'message',
    editor: '#message',
    newline: 'Enter',
    publish: { click: 'button[type=submit]' },
    undo: false,
  },
];

let server: FixtureServer;
let browser: Browser;
let context: BrowserContext;

// Reads go through the page's own window.__fixture, i.e. through each editor library's API.
const read = (page: Page | Frame, box: string) =>
  page.evaluate((name) => (window as FixtureWindow).__fixture?.read(name), box);
const undoDepth = (page: Page | Frame, box: string) =>
  page.evaluate((name) => (window as FixtureWindow).__fixture?.undoDepth(name), box);
const published = (page: Page | Frame) => page.evaluate(() => (window as FixtureWindow).__fixture?.published);
const posts = (page: Page | Frame) => page.evaluate(() => (window as FixtureWindow).__fixture?.posts);

async function open(host: string, path: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // CSP violations and failed loads show up as console errors.
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url(host, path));
  await page.locator(`html[${READY_ATTRIBUTE}="true"]`).waitFor({ timeout: 10_000 });
  expect(errors).toEqual([]);
  return page;
}

/** The last publish as mirrored into the DOM (readable even where page globals are broken). */
const lastPublished = (page: Page | Frame) =>
  page
    .locator(`#${PUBLISHED_LIST_ID} li`)
    .last()
    .evaluate((li) => li.textContent);

describe('fixture pages in Chromium, without the extension', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchPlainChromium(server.hostResolverRules);
    context = await browser.newContext();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const s of scenarios) {
    it(s.name, async () => {
      const page = await open(s.host, s.path);
      expect(await page.evaluate(() => location.hostname)).toBe(s.host);
      const editor = page.locator(s.editor);
      await expect.poll(() => editor.count()).toBe(1);
      await editor.click();
      if (s.prefill) await page.keyboard.press('End');
      await page.keyboard.type(LINE_1);
      await page.keyboard.press(s.newline);
      await page.keyboard.type(LINE_2);
      const expected = `${s.prefill ?? ''}${LINE_1}\n${LINE_2}`;

      // The editor library's own state holds both lines, and history recorded the typing.
      await expect.poll(() => read(page, s.box)).toBe(expected);
      const depth = await undoDepth(page, s.box);
      if (s.undo) expect(depth).toBeGreaterThan(0);
      else expect(depth).toBeNull();
      expect(await published(page).then((p) => p?.length)).toBe(0);

      if ('click' in s.publish) await page.locator(s.publish.click).click();
      else await page.keyboard.press(s.publish.key);

      await expect.poll(() => published(page)).toEqual([expected]);
      expect(await posts(page)).toEqual([{ box: s.box, text: expected }]);
      expect(await lastPublished(page)).toBe(expected);
      await expect.poll(() => read(page, s.box)).toBe('');
      await page.close();
    });
  }

  it('X: the inline button is aria-disabled while empty; the post joins the timeline', async () => {
    const page = await open('x.com', '/home');
    const button = page.locator('[data-testid="tweetButtonInline"]');
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('true');
    await expect
      .poll(() => page.locator('.public-DraftEditorPlaceholder-inner').textContent())
      .toBe("What's happening?");
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('One tweet');
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('false');
    expect(await button.textContent()).toBe('Post');
    await button.click();
    await expect
      .poll(() =>
        page.locator('[data-testid="cellInnerDiv"] [data-testid="tweetText"]').first().textContent(),
      )
      .toBe('One tweet');
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('true');
    await page.close();
  });

  it('X reply page carries the reply signals', async () => {
    const page = await open('x.com', '/someuser/status/123');
    expect(await page.locator('[data-testid="tweetButtonInline"]').textContent()).toBe('Reply');
    expect(await page.locator('.public-DraftEditorPlaceholder-inner').textContent()).toBe('Post your reply');
    expect(await page.getByText('Replying to').textContent()).toContain('Replying to');
    await page.close();
  });

  it('X thread: two Draft.js editors publish as two posts', async () => {
    const page = await open('x.com', '/compose/thread');
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('First part');
    await page.locator('[data-testid="tweetTextarea_1"]').click();
    await page.keyboard.type('Second part');
    await expect.poll(() => read(page, 'thread-1')).toBe('Second part');
    await page.locator('[data-testid="tweetButton"]').click();
    await expect.poll(() => published(page)).toEqual(['First part', 'Second part']);
    await page.close();
  });

  it('Reddit submit: title and Markdown body in an open shadow root', async () => {
    const page = await open('www.reddit.com', '/r/test/submit');
    const inShadow = await page.evaluate(() => {
      const form = document.querySelector('r-post-composer-form');
      return {
        light: document.querySelectorAll('textarea').length,
        shadow: form?.shadowRoot?.querySelectorAll('textarea').length ?? 0,
      };
    });
    expect(inShadow).toEqual({ light: 0, shadow: 2 });
    await page.locator('textarea[name="title"]').click();
    await page.keyboard.type('Trail ideas');
    await page.locator('textarea[name="markdown"]').click();
    await page.keyboard.type(LINE_1);
    await page.keyboard.press('Enter');
    await page.keyboard.type(LINE_2);
    await page.locator('#submit-post-button').click();
    await expect
      .poll(() => posts(page))
      .toEqual([{ box: 'body', text: `${LINE_1}\n${LINE_2}`, title: 'Trail ideas' }]);
    await page.close();
  });

  it('Instagram "Reply" pre-fills the handle', async () => {
    const page = await open('www.instagram.com', '/p/abc123/');
    await page.locator('.reply-button').click();
    await page.keyboard.type('thanks!');
    await expect.poll(() => read(page, 'comment')).toBe('@dana.example thanks!');
    await page.close();
  });

  it('iframe page: the composer works inside a same-origin frame', async () => {
    const page = await open('x.com', '/i/iframe');
    const frame = page.frameLocator('#frame');
    await frame.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('From the frame');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => published(page)).toEqual(['From the frame']);
    await page.close();
  });

  it('stress page: 1000 textareas, one of them publishes', async () => {
    const page = await open('x.com', '/stress/editors');
    expect(await page.locator('textarea').count()).toBe(1000);
    await page.locator('#box-500').click();
    await page.keyboard.type('Deep in the page');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await expect.poll(() => lastPublished(page)).toBe('Deep in the page');
    await page.close();
  });

  it('hostile page: globals are broken, the page still publishes', async () => {
    const page = await open('x.com', '/i/hostile');
    const broken = await page.locator('#tampered').textContent();
    for (const name of ['map', 'stringify', 'keys', 'addEventListener', 'MutationObserver', 'fetch']) {
      expect(broken).toContain(name);
    }
    // The tampering is real in the page's world (Playwright's own evaluation still works).
    expect(await page.evaluate(() => JSON.stringify({ a: 1 }))).toBe('"hostile"');
    expect(await page.evaluate(() => Object.keys({ a: 1 }))).toEqual([]);
    await page.locator('#draft').click();
    await page.keyboard.type(LINE_1);
    await page.keyboard.press('Enter');
    await page.keyboard.type(LINE_2);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => lastPublished(page)).toBe(`${LINE_1}\n${LINE_2}`);
    await page.close();
  });

  it('server: unknown paths fall back to the host index; nothing typed reaches the server', async () => {
    const page = await open('x.com', '/explore/some/deep/path');
    expect(await page.locator('[data-testid="tweetTextarea_0"]').count()).toBe(1);
    await page.close();
    expect(server.requests).toContainEqual({ host: 'x.com', path: '/explore/some/deep/path', method: 'GET' });
    // Covers every page this file has driven so far (all of them in a full run).
    expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    const leaked = server.requests.filter((r) =>
      [LINE_1, LINE_2].some((line) => r.path.includes(encodeURIComponent(line)) || r.body?.includes(line)),
    );
    expect(leaked).toEqual([]);
  });
});

/** A raw request to the fixture server with any Host header (no browser involved). */
function rawRequest(port: number, host: string, method: string, path: string, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host },
        servername: 'localhost',
        rejectUnauthorized: false,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('fixture server', () => {
  it('routes by Host, refuses unknown hosts, and logs writes with their body', async () => {
    const own = await startFixtureServer();
    try {
      const reply = await rawRequest(own.port, `old.reddit.com:${own.port}`, 'GET', '/r/a/comments/b/c/');
      expect(reply.status).toBe(200);
      expect(reply.text).toContain('usertext-edit');
      expect((await rawRequest(own.port, 'evil.example', 'GET', '/')).status).toBe(421);
      // Encoded separators survive URL parsing; the asset lookup must still stay inside the build.
      const escape = await rawRequest(
        own.port,
        'x.com',
        'GET',
        '/__fixture_assets/..%2F..%2F..%2Fpackage.json',
      );
      expect(escape.status).toBe(400);
      expect(escape.text).not.toContain('devDependencies');
      expect((await rawRequest(own.port, 'bsky.app', 'POST', '/xrpc', 'draft words')).status).toBe(405);
      expect(own.requests).toContainEqual({
        host: 'bsky.app',
        path: '/xrpc',
        method: 'POST',
        body: 'draft words',
      });
      expect(own.requests[0]).toEqual({ host: 'old.reddit.com', path: '/r/a/comments/b/c/', method: 'GET' });
    } finally {
      await own.close();
    }
  });
});

describe('fixture pages in Firefox (WebDriver BiDi)', () => {
  it('Bluesky TipTap composer at https://bsky.app:PORT via network.dns.forceResolve', async () => {
    const ownServer = await startFixtureServer();
    const profile = mkdtempSync(join(tmpdir(), 'rapport-ff-'));
    const firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      acceptInsecureCerts: true,
      userDataDir: profile,
      extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
    });
    try {
      const page = await firefox.newPage();
      await page.goto(ownServer.portUrl('bsky.app', '/'));
      await page.waitForSelector(`html[${READY_ATTRIBUTE}="true"]`, { timeout: 15_000 });
      expect(await page.evaluate(() => location.hostname)).toBe('bsky.app');
      await page.click('.ProseMirror[contenteditable]');
      await page.keyboard.type(LINE_1);
      await page.keyboard.press('Enter');
      await page.keyboard.type(LINE_2);
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      await page.waitForFunction(() => ((window as FixtureWindow).__fixture?.published.length ?? 0) > 0);
      expect(await page.evaluate(() => (window as FixtureWindow).__fixture?.published)).toEqual([
        `${LINE_1}\n${LINE_2}`,
      ]);
      expect(ownServer.requests.some((r) => r.host === 'bsky.app')).toBe(true);
    } finally {
      await firefox.close();
      await ownServer.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);
});
