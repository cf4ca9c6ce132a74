// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { createCard } from '../../../src/content/card/card.ts';
import { createIndicator, type IndicatorView } from '../../../src/content/indicator.ts';
import { nudge } from './fakes.ts';

afterEach(() => document.body.replaceChildren());

function setup(loadCard = vi.fn(async () => createCard)) {
  const editor = document.body.appendChild(document.createElement('div'));
  editor.contentEditable = 'true';
  const actions = { dismiss: vi.fn(), restore: vi.fn() };
  const onCard = vi.fn();
  const indicator = createIndicator(document, { obstacles: () => [], onCard, loadCard, actions });
  return { editor, indicator, actions, onCard, loadCard };
}

const scored = (ids: string[], score = 40): IndicatorView => ({
  state: 'scored',
  result: { score, band: 'fair', nudges: ids.map((id) => nudge(id)) },
  draft: '',
  platform: 'x',
  kind: 'reply',
});

/** The card's code arrives asynchronously, the first time the card opens. */
const settle = () => new Promise((r) => setTimeout(r, 0));

const shadowOf = (host: Element) => host.shadowRoot!;

test('one host appended to body, outside the editor, with the contract attributes', () => {
  const { editor, indicator } = setup();
  indicator.render(editor, scored(['pure-promotion', 'no-invitation'], 37.6));
  const hosts = document.querySelectorAll('rapport-indicator');
  expect(hosts).toHaveLength(1);
  expect(hosts[0]!.parentElement).toBe(document.body);
  expect(editor.contains(hosts[0]!)).toBe(false);
  expect(hosts[0]!.getAttribute('data-nudges')).toBe('pure-promotion no-invitation');
  expect(hosts[0]!.getAttribute('data-score')).toBe('38');
  expect(hosts[0]!.getAttribute('data-platform')).toBe('x');
  expect(hosts[0]!.getAttribute('data-kind')).toBe('reply');
  expect(shadowOf(hosts[0]!).querySelector('.label')!.textContent).toBe('Title of pure-promotion');
  indicator.render(editor, scored([]));
  expect(document.querySelectorAll('rapport-indicator')).toHaveLength(1);
  expect(hosts[0]!.getAttribute('data-nudges')).toBe('');
});

test('draft or pack text with markup stays inert text', async () => {
  const { editor, indicator } = setup();
  const evil = '<img src=x onerror="globalThis.pwned=1">';
  const view = scored([]);
  view.result!.nudges = [{ ...nudge('corporate-voice'), title: evil, reason: evil, suggestion: evil }];
  indicator.render(editor, view);
  const shadow = shadowOf(indicator.host);
  (shadow.querySelector('.pill') as HTMLButtonElement).click();
  await settle();
  expect(shadow.querySelector('img')).toBeNull();
  expect(shadow.querySelector('.card .title')!.textContent).toBe(evil);
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
});

test('the pill is a labelled button; click loads and opens the card once, Escape closes it, buttons report', async () => {
  const { editor, indicator, actions, onCard, loadCard } = setup();
  indicator.render(editor, scored(['pure-promotion']));
  const shadow = shadowOf(indicator.host);
  const pill = shadow.querySelector('button.pill') as HTMLButtonElement;
  const card = shadow.querySelector('[role="dialog"]') as HTMLElement;
  expect(pill.getAttribute('aria-label')).toMatch(/score 40.*1 suggestion.*Title of pure-promotion/);
  expect(card.hidden).toBe(true);
  expect(loadCard).not.toHaveBeenCalled();
  pill.click();
  expect(card.hidden).toBe(false);
  expect(pill.getAttribute('aria-expanded')).toBe('true');
  expect(onCard).toHaveBeenLastCalledWith(true);
  await settle();
  expect([...card.querySelectorAll('[data-nudge-id]')].map((li) => li.getAttribute('data-nudge-id'))).toEqual(
    ['pure-promotion'],
  );
  expect(card.textContent).toContain('Reason for pure-promotion');
  expect(card.textContent).toContain('Fix for pure-promotion');
  card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  expect(card.hidden).toBe(true);
  expect(onCard).toHaveBeenLastCalledWith(false);
  pill.click();
  (card.querySelector('button[data-action="dismiss"]') as HTMLButtonElement).click();
  expect(actions.dismiss).toHaveBeenCalledWith('pure-promotion', false);
  (card.querySelector('button[data-action="not-helpful"]') as HTMLButtonElement).click();
  expect(actions.dismiss).toHaveBeenLastCalledWith('pure-promotion', true);
  // The card stays open for Undo; its code was loaded once.
  expect(card.hidden).toBe(false);
  expect(loadCard).toHaveBeenCalledTimes(1);
});

test('a card that cannot be loaded stays closed, and the next click tries again', async () => {
  const loadCard = vi.fn(() => Promise.reject(new Error('Extension context invalidated')));
  const { editor, indicator } = setup(loadCard);
  indicator.render(editor, scored(['pure-promotion']));
  const shadow = shadowOf(indicator.host);
  const pill = shadow.querySelector('button.pill') as HTMLButtonElement;
  pill.click();
  await settle();
  expect((shadow.querySelector('.card') as HTMLElement).hidden).toBe(true);
  expect(pill.getAttribute('aria-expanded')).toBe('false');
  pill.click();
  await settle();
  expect(loadCard).toHaveBeenCalledTimes(2);
});

test('pressing the mouse on the indicator does not take focus from the editor', () => {
  const { editor, indicator } = setup();
  indicator.render(editor, scored(['pure-promotion']));
  const pill = shadowOf(indicator.host).querySelector('.pill')!;
  const down = new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true });
  pill.dispatchEvent(down);
  expect(down.defaultPrevented).toBe(true);
});

test('too long: says so, shows no score and no nudges', () => {
  const { editor, indicator } = setup();
  indicator.render(editor, { state: 'too-long', result: null, draft: '', platform: 'x', kind: 'post' });
  expect(indicator.host.getAttribute('data-state')).toBe('too-long');
  expect(indicator.host.getAttribute('data-score')).toBe('');
  expect(indicator.host.getAttribute('data-nudges')).toBe('');
  expect(shadowOf(indicator.host).querySelector('.pill')!.textContent).toContain('Too long to coach');
});

test('error and hidden states clear what is shown; destroy removes the host', () => {
  const { editor, indicator } = setup();
  indicator.render(editor, scored(['pure-promotion']));
  indicator.render(editor, { ...scored(['pure-promotion']), state: 'error' });
  expect(indicator.host.getAttribute('data-nudges')).toBe('');
  expect(indicator.host.getAttribute('data-score')).toBe('40');
  expect(indicator.host.style.getPropertyValue('display')).toBe('none');
  indicator.hide();
  expect(indicator.host.getAttribute('data-score')).toBe('');
  indicator.destroy();
  expect(document.querySelector('rapport-indicator')).toBeNull();
});

test('the pill is as wide as its words: nothing in it shrinks or ends in an ellipsis', () => {
  const { editor, indicator } = setup();
  indicator.render(editor, { ...scored([], 100), result: { score: 100, band: 'strong', nudges: [] } });
  expect(indicator.host.style.getPropertyValue('width')).toBe('max-content');
  expect(indicator.host.style.getPropertyPriority('width')).toBe('important');
  const css = shadowOf(indicator.host).querySelector('style')!.textContent!;
  expect(css).not.toMatch(/ellipsis|overflow:hidden|white-space:nowrap/);
  expect(css).toMatch(/\.score\{flex:none;/);
  expect(shadowOf(indicator.host).querySelector('.label')!.textContent).toBe('strong');
});

test('page CSS cannot hide or move the host: its layout is inline and important', () => {
  const { editor, indicator } = setup();
  indicator.render(editor, scored([]));
  expect(indicator.host.style.getPropertyPriority('position')).toBe('important');
  expect(indicator.host.style.getPropertyValue('position')).toBe('fixed');
  expect(indicator.host.style.getPropertyValue('display')).toBe('block');
  for (const [name, value] of [
    ['z-index', '2147483647'],
    ['opacity', '1'],
    ['transform', 'none'],
    ['pointer-events', 'auto'],
  ]) {
    expect([name, indicator.host.style.getPropertyValue(name!)]).toEqual([name, value]);
    expect([name, indicator.host.style.getPropertyPriority(name!)]).toEqual([name, 'important']);
  }
});
