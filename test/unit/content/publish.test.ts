// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { createPublishWatcher } from '../../../src/content/publish.ts';
import { adapterFor, type Where } from '../../../src/content/sites/index.ts';
import { Tracker } from '../../../src/content/track.ts';
import type { PublishedRequest } from '../../../src/shared/messages.ts';
import { mount } from './fakes-dom.ts';

const trackers: Tracker[] = [];
afterEach(() => {
  trackers.splice(0).forEach((t) => t.dispose());
  document.body.replaceChildren();
});

function setup(url: string, html: string, confirmMs = 300) {
  const { hostname, pathname } = new URL(url);
  const where = (): Where => ({ hostname, pathname });
  const host = mount(html);
  const root = host.querySelector('#ed')!;
  const tracker = new Tracker({
    root,
    draftId: 'd1',
    adapter: adapterFor(where(), document)!,
    where,
    score: async () => ({ ok: false, error: 'unused' }),
    onChange: () => {},
  });
  trackers.push(tracker);
  const sent: PublishedRequest[] = [];
  const watcher = createPublishWatcher({
    trackers: () => trackers,
    send: async (req) => void sent.push(req),
    where,
    url: () => url,
    now: () => new Date('2026-11-02T09:00:00Z'),
    confirmMs,
    checkMs: 20,
  });
  return { host, root, watcher, sent };
}

/** Presses a key in `target` with the watcher listening at the document, as the app wires it. */
function press(watcher: { onKeydown(event: KeyboardEvent): void }, target: Element, init: KeyboardEventInit) {
  const listener = (event: Event) => watcher.onKeydown(event as KeyboardEvent);
  document.addEventListener('keydown', listener, { capture: true, once: true });
  target.dispatchEvent(key(init));
}

const key = (init: KeyboardEventInit) =>
  new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, ...init });
const settle = (ms = 120) => new Promise((r) => setTimeout(r, ms));
const FB_COMMENT =
  '<div><div id="ed" role="textbox" contenteditable="true" aria-label="Write a comment…">Great point, thanks</div></div>';

test('Enter publishes a Facebook comment once the editor empties', async () => {
  const { root, watcher, sent } = setup('https://www.facebook.com/', FB_COMMENT);
  press(watcher, root, {});
  root.textContent = '';
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toEqual({
    type: 'published',
    platform: 'facebook',
    kind: 'comment',
    at: '2026-11-02T09:00:00.000Z',
    text: 'Great point, thanks',
    url: 'https://www.facebook.com/',
  });
});

test('Shift+Enter, Enter during IME composition, and Enter on X are not publishing', async () => {
  const fb = setup('https://www.facebook.com/', FB_COMMENT);
  press(fb.watcher, fb.root, { shiftKey: true });
  press(fb.watcher, fb.root, { isComposing: true });
  fb.root.textContent = '';
  await settle();
  expect(fb.sent).toHaveLength(0);
  const x = setup('https://x.com/home', '<div id="ed" contenteditable="true">Notes</div>');
  press(x.watcher, x.root, {});
  x.root.textContent = '';
  await settle();
  expect(x.sent).toHaveLength(0);
});

test('no confirmation within the window: nothing is recorded', async () => {
  const { host, root, watcher, sent } = setup(
    'https://bsky.app/',
    '<div><div id="ed" class="ProseMirror" contenteditable="true">Half-written</div><button data-testid="composerPublishBtn" aria-label="Publish post">Post</button></div>',
    100,
  );
  watcher.onClick([host.querySelector('button')!, host]);
  await settle(250);
  root.textContent = '';
  await settle(100);
  expect(sent).toHaveLength(0);
});

test('a click elsewhere, or an empty draft, starts nothing', async () => {
  const { host, root, watcher, sent } = setup(
    'https://bsky.app/',
    '<div><div id="ed" class="ProseMirror" contenteditable="true"></div><button id="other">Other</button><button data-testid="composerPublishBtn">Post</button></div>',
  );
  root.textContent = 'Draft';
  watcher.onClick([host.querySelector('#other')!, host]);
  root.textContent = '';
  await settle();
  watcher.onClick([host.querySelector('[data-testid]')!, host]);
  root.textContent = 'typed after';
  await settle();
  expect(sent).toHaveLength(0);
});

test('click, Ctrl+Enter and form submit for one publish make one event', async () => {
  const { host, root, watcher, sent } = setup(
    'https://mastodon.social/home',
    '<div id="mastodon"><form class="compose-form"><textarea id="ed"></textarea><div class="compose-form__submit"><button type="submit">Publish</button></div></form></div>',
  );
  (root as HTMLTextAreaElement).value = 'Release notes are up';
  watcher.onClick([host.querySelector('button')!]);
  press(watcher, root, { ctrlKey: true });
  watcher.onSubmit(host.querySelector('form')!);
  (root as HTMLTextAreaElement).value = '';
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  await settle();
  expect(sent).toHaveLength(1);
  expect(watcher.isPending(trackers[0]!)).toBe(false);
});

test('a reply names the item it answers, so that item counts as answered', async () => {
  const { root, watcher, sent } = setup(
    'https://www.reddit.com/r/x/comments/1/t/',
    '<shreddit-comment thingid="t1_kq2" author="lee_k"><div id="ed" contenteditable="true" role="textbox">Windows runners next month</div></shreddit-comment>',
  );
  press(watcher, root, { ctrlKey: true });
  root.textContent = '';
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toMatchObject({ kind: 'reply', parentAuthor: 'u/lee_k', to: 't1_kq2' });
});
