// @vitest-environment happy-dom
// The approximate readers and Studio's, on the fixture notifications pages themselves: each page's
// HTML, then its script (which renders the list a moment later, as the apps do), then the reader.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { facebook } from '../../../src/content/readers/facebook.ts';
import { instagram } from '../../../src/content/readers/instagram.ts';
import { linkedin } from '../../../src/content/readers/linkedin.ts';
import type { Reader } from '../../../src/content/readers/reader.ts';
import { threads } from '../../../src/content/readers/threads.ts';
import { x } from '../../../src/content/readers/x.ts';
import { youtube } from '../../../src/content/readers/youtube.ts';
import {
  FACEBOOK_COMMENTS,
  INSTAGRAM_COMMENTS,
  LINKEDIN_COMMENTS,
  STUDIO_COMMENTS,
  THREADS_REPLIES,
  X_MENTIONS,
} from '../../fixtures/notifications.ts';
import { context } from './context.ts';

const PAGES = resolve(process.cwd(), 'test/fixtures/pages');

/** Loads a fixture page's body and runs its script, as the browser would. */
async function load(page: string): Promise<void> {
  const html = readFileSync(`${PAGES}/${page}.html`, 'utf8');
  document.body.innerHTML =
    /<body>([\s\S]*)<\/body>/.exec(html)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
  vi.resetModules();
  await import(/* @vite-ignore */ `${PAGES}/${page}.ts`);
}

afterEach(() => {
  document.body.replaceChildren();
});

interface Case {
  reader: Reader;
  page: string;
  url: string;
  exact: boolean;
  expected: Array<{ id: string; from?: string; text?: string }>;
}

const CASES: Case[] = [
  {
    reader: x,
    page: 'x/mentions',
    url: 'https://x.com/notifications/mentions',
    exact: false,
    expected: X_MENTIONS.map((m) => ({ id: m.id, from: `@${m.handle}`, text: m.text })),
  },
  {
    reader: linkedin,
    page: 'linkedin/notifications',
    url: 'https://www.linkedin.com/notifications/',
    exact: false,
    expected: LINKEDIN_COMMENTS.map((c) => ({ id: c.reply ?? c.urn, from: c.name, text: c.text })),
  },
  {
    reader: facebook,
    page: 'facebook/notifications',
    url: 'https://www.facebook.com/notifications',
    exact: false,
    expected: FACEBOOK_COMMENTS.map((c) => ({ id: c.reply ?? c.id, from: c.name, text: c.text })),
  },
  {
    reader: instagram,
    page: 'instagram/activity',
    url: 'https://www.instagram.com/accounts/activity/',
    exact: false,
    expected: INSTAGRAM_COMMENTS.map((c) => ({ id: c.id, from: `@${c.user}`, text: c.text })),
  },
  {
    reader: threads,
    page: 'threads/activity',
    url: 'https://www.threads.net/activity',
    exact: false,
    expected: THREADS_REPLIES.map((r) => ({ id: r.code, from: `@${r.user}`, text: r.text })),
  },
  {
    reader: youtube,
    page: 'youtube/studio-comments',
    url: 'https://studio.youtube.com/channel/UCfixture/comments/inbox',
    exact: true,
    expected: STUDIO_COMMENTS.map((c) => ({ id: c.id, from: c.author, text: c.text })),
  },
];

describe.each(CASES)('$reader.platform on $page', (c) => {
  it('reads the items the page shows once it has rendered them, and nothing else', async () => {
    await load(c.page);
    const now = new Date();
    const seen = await c.reader.read(context(c.url, { doc: document, now }));
    expect(seen?.exact).toBe(c.exact);
    expect(seen?.answered).toEqual([]);
    expect(seen?.items.map(({ id, from, text }) => ({ id, from, text }))).toEqual(c.expected);
    for (const item of seen?.items ?? []) {
      expect(item.url).toMatch(/^https:\/\//);
      // Times come from the page ("2h", "3 days ago", datetime=) and are in the past.
      expect(Date.parse(item.at)).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - Date.parse(item.at)).toBeGreaterThan(10 * 60_000);
    }
  });

  it('reads nothing on another page of the network', async () => {
    document.body.innerHTML = '<main></main>';
    const other = new URL(c.url);
    other.pathname = '/home';
    expect(await c.reader.read(context(other.href, { doc: document }))).toBeNull();
  });
});

it('Studio: a list not filtered to "Without a response" is not read', async () => {
  await load('youtube/studio-comments');
  document.querySelector('ytcp-chip')!.textContent = 'Response status: With a response';
  const seen = await youtube.read(
    context('https://studio.youtube.com/channel/UC1/comments/inbox', { doc: document }),
  );
  expect(seen).toBeNull();
});

it('a page that never shows a list yields no items when the wait ends', async () => {
  vi.useFakeTimers();
  try {
    document.body.innerHTML = '<main><p>Nothing here yet</p></main>';
    const reading = x.read(context('https://x.com/notifications/mentions', { doc: document }));
    await vi.advanceTimersByTimeAsync(9000);
    expect(await reading).toEqual({ exact: false, items: [], answered: [] });
  } finally {
    vi.useRealTimers();
  }
});
