// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://old.reddit.com/r/a/comments/1/t/"}
import { afterEach, expect, test, vi } from 'vitest';
import { fakeScore } from './fakes.ts';
import { fakeWorker } from './fake-port.ts';
import type { ScoreRequest } from '../../../src/shared/messages.ts';
import { CARD_GLOBAL } from '../../../src/content/card/types.ts';

// The entry point as the browser runs it, against a stand-in extension API whose worker end is
// the real port server.
const sent: unknown[] = [];
const runtime = fakeWorker(async (message) => {
  if (!runtime.id) return new Promise(() => {}); // an orphan's requests are never answered
  sent.push(message);
  const type = (message as { type?: string }).type;
  // The worker injects the card's code into the frame; here, the same file runs in this world.
  if (type === 'load-card') return import('../../../src/content/card/entry.ts').then(() => ({ ok: true }));
  if (type === 'feedback') return { ok: true };
  return fakeScore(message as ScoreRequest);
});
// The content script reads the browser's own runtime (`chrome` in Chromium, `browser` in Firefox).
(globalThis as { chrome?: unknown }).chrome = { runtime };

const inject = async () => {
  vi.resetModules();
  await import('../../../src/content/index.ts');
};

afterEach(() => {
  document.body.replaceChildren();
  sent.length = 0;
  runtime.id = 'ext-id';
});

function typeInto(area: HTMLTextAreaElement, value: string) {
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

test('a second injection takes over: one indicator, one score request per change', async () => {
  const area = document.body.appendChild(document.createElement('textarea'));
  await inject();
  area.focus();
  typeInto(area, 'Buy now with a discount');
  await vi.waitFor(() =>
    expect(document.querySelector('rapport-indicator')?.getAttribute('data-nudges')).toBe('pure-promotion'),
  );
  await inject();
  area.blur();
  area.focus();
  sent.length = 0;
  typeInto(area, 'What would you change first about your release process?');
  await vi.waitFor(() =>
    expect(document.querySelector('rapport-indicator')?.getAttribute('data-nudges')).toBe(''),
  );
  await new Promise((r) => setTimeout(r, 250));
  expect(document.querySelectorAll('rapport-indicator')).toHaveLength(1);
  expect(sent).toHaveLength(1);
});

test('an orphaned instance stops when a new one announces itself; a live one ignores the page faking it', async () => {
  const area = document.body.appendChild(document.createElement('textarea'));
  await inject();
  area.focus();
  typeInto(area, 'Buy now');
  await vi.waitFor(() => expect(document.querySelector('rapport-indicator')).not.toBeNull());
  // The page cannot switch us off: its event reaches a live instance, which keeps going.
  document.dispatchEvent(new CustomEvent('rapport:takeover'));
  expect(document.querySelector('rapport-indicator')).not.toBeNull();
  // The extension is reloaded: this context is gone; the next announcement stops it.
  runtime.id = undefined;
  document.dispatchEvent(new CustomEvent('rapport:takeover'));
  expect(document.querySelector('rapport-indicator')).toBeNull();
});

test('the card: its code is asked for on first open, answers then carry the evidence it quotes', async () => {
  delete (globalThis as { [CARD_GLOBAL]?: unknown })[CARD_GLOBAL];
  const area = document.body.appendChild(document.createElement('textarea'));
  await inject();
  area.focus();
  typeInto(area, 'Our new plan is out. Buy it with a discount today.');
  const host = () => document.querySelector('rapport-indicator')!;
  await vi.waitFor(() => expect(host()?.getAttribute('data-nudges')).toBe('pure-promotion'));
  expect(sent.filter((m) => (m as { type: string }).type === 'load-card')).toHaveLength(0);
  const shadow = host().shadowRoot!;
  shadow.querySelector<HTMLButtonElement>('.pill')!.click();
  await vi.waitFor(() =>
    expect([...shadow.querySelectorAll('.card mark')].map((m) => m.textContent)).toEqual(['Buy', 'discount']),
  );
  expect(sent.filter((m) => (m as { type: string }).type === 'load-card')).toHaveLength(1);
  expect(shadow.querySelector('.card q')!.textContent).toBe(
    'Our new plan is out. Buy it with a discount today.',
  );
  // Not helpful: the worker is told, the nudge leaves the pill and data-nudges.
  shadow.querySelector<HTMLButtonElement>('button[data-action="not-helpful"]')!.click();
  expect(host().getAttribute('data-nudges')).toBe('');
  await vi.waitFor(() =>
    expect(sent.filter((m) => (m as { type: string }).type === 'feedback')).toEqual([
      { type: 'feedback', nudgeId: 'pure-promotion', verdict: 'not-helpful', undo: false },
    ]),
  );
  // Closed and opened again: the code is not asked for twice.
  shadow.querySelector<HTMLButtonElement>('.pill')!.click();
  shadow.querySelector<HTMLButtonElement>('.pill')!.click();
  await new Promise((r) => setTimeout(r, 50));
  expect(sent.filter((m) => (m as { type: string }).type === 'load-card')).toHaveLength(1);
});
