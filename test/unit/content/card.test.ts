// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCard, UNDO_MS } from '../../../src/content/card/card.ts';
import type { CardView } from '../../../src/content/card/types.ts';
import type { ShownNudge } from '../../../src/shared/shown.ts';
import { nudge } from './fakes.ts';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
  document.body.removeAttribute('style');
});

/**
 * A card in a shadow root, driven like the content script drives it: the actions keep a set of
 * dismissed ids and show the card again without them.
 */
function setup(nudges: ShownNudge[], draft = '') {
  const host = document.body.appendChild(document.createElement('div'));
  const shadow = host.attachShadow({ mode: 'open' });
  const container = shadow.appendChild(document.createElement('div'));
  const editor = document.body.appendChild(document.createElement('textarea'));
  const dismissed = new Set<string>();
  const calls: string[] = [];
  const view = (): CardView => ({
    state: 'scored',
    nudges: nudges.filter((n) => !dismissed.has(n.id)),
    draft,
    anchor: editor,
  });
  const card = createCard(container, {
    dismiss(id, notHelpful) {
      calls.push(`${notHelpful ? 'not-helpful' : 'dismiss'} ${id}`);
      dismissed.add(id);
      card.show(view());
    },
    restore(id, notHelpful) {
      calls.push(`restore ${id}${notHelpful ? ' (not helpful taken back)' : ''}`);
      dismissed.delete(id);
      card.show(view());
    },
  });
  card.show(view());
  const ids = () => [...container.querySelectorAll('li')].map((li) => li.getAttribute('data-nudge-id'));
  const button = (action: string, id?: string) =>
    container.querySelector<HTMLButtonElement>(
      id ? `li[data-nudge-id="${id}"] button[data-action="${action}"]` : `button[data-action="${action}"]`,
    );
  return { card, container, shadow, editor, calls, ids, button, view };
}

describe('the card', () => {
  test('each row has a title, its reason, the quoted evidence, its suggestion and two named buttons', () => {
    const draft = 'Flash sale: 40% off every plan, today only.';
    const promo = {
      ...nudge('pure-promotion', 'This is pure promotion'),
      evidence: [{ text: '40% off', start: 12, end: 19 }],
    };
    const { container } = setup(
      [
        promo,
        { ...nudge('burst', 'You are posting a lot'), evidence: [{ text: '6 posts in the last 24 hours' }] },
      ],
      draft,
    );
    const [row, history] = [...container.querySelectorAll('li')] as HTMLElement[] as [
      HTMLElement,
      HTMLElement,
    ];
    expect([...row.children].map((el) => el.className || el.localName)).toEqual([
      'title',
      'reason',
      'excerpt',
      'suggestion',
      'actions',
    ]);
    expect(row.querySelector('q mark')!.textContent).toBe('40% off');
    expect(row.querySelector('q')!.textContent).toBe(draft);
    expect(history.querySelector('.fact')!.textContent).toBe('6 posts in the last 24 hours');
    expect(history.querySelector('mark')).toBeNull();
    const buttons = [...row.querySelectorAll('button')];
    expect(buttons.map((b) => [b.type, b.textContent, b.getAttribute('aria-label')])).toEqual([
      ['button', 'Dismiss', 'Dismiss “This is pure promotion” for this draft'],
      ['button', 'Not helpful', 'Not helpful: “This is pure promotion” (dismisses it too)'],
    ]);
  });

  test('a brief answer (no reason, no evidence yet) shows the title and the buttons', () => {
    const { container } = setup([
      { ...nudge('pure-promotion'), reason: '', suggestion: '', evidence: undefined },
    ]);
    expect([...container.querySelector('li')!.children].map((el) => el.className)).toEqual([
      'title',
      'actions',
    ]);
  });

  test('Dismiss takes the row away and offers Undo, which brings it back', () => {
    const { calls, ids, button, container } = setup([nudge('pure-promotion'), nudge('no-invitation')]);
    button('dismiss', 'pure-promotion')!.click();
    expect(ids()).toEqual(['no-invitation']);
    const status = container.querySelector('[role="status"]')!;
    expect(status.textContent).toContain('Dismissed “Title of pure-promotion”.');
    expect(button('undo')!.getAttribute('aria-label')).toBe('Undo: bring back “Title of pure-promotion”');
    button('undo')!.click();
    expect(ids()).toEqual(['pure-promotion', 'no-invitation']);
    expect(status.textContent).toBe('');
    expect(calls).toEqual(['dismiss pure-promotion', 'restore pure-promotion']);
  });

  test('Undo lasts a few seconds', () => {
    vi.useFakeTimers();
    const { button, calls } = setup([nudge('pure-promotion')]);
    button('dismiss', 'pure-promotion')!.click();
    vi.advanceTimersByTime(UNDO_MS - 100);
    expect(button('undo')).not.toBeNull();
    vi.advanceTimersByTime(200);
    expect(button('undo')).toBeNull();
    expect(calls).toEqual(['dismiss pure-promotion']);
  });

  test('Undo lasts until the next dismissal, which it then undoes', () => {
    const { button, calls, ids } = setup([nudge('pure-promotion'), nudge('no-invitation'), nudge('burst')]);
    button('dismiss', 'pure-promotion')!.click();
    button('not-helpful', 'no-invitation')!.click();
    expect(ids()).toEqual(['burst']);
    expect(button('undo')!.getAttribute('aria-label')).toContain('Title of no-invitation');
    button('undo')!.click();
    expect(ids()).toEqual(['no-invitation', 'burst']);
    expect(calls).toEqual([
      'dismiss pure-promotion',
      'not-helpful no-invitation',
      'restore no-invitation (not helpful taken back)',
    ]);
  });

  test('closing ends a pending Undo', () => {
    const { card, button, view } = setup([nudge('pure-promotion')]);
    button('dismiss', 'pure-promotion')!.click();
    card.close();
    card.show(view());
    expect(button('undo')).toBeNull();
  });

  test('keyboard: focus follows from Dismiss to Undo to the restored row, never to the page', () => {
    const { button, shadow } = setup([nudge('pure-promotion'), nudge('no-invitation')]);
    button('dismiss', 'pure-promotion')!.focus();
    button('dismiss', 'pure-promotion')!.click();
    expect(shadow.activeElement).toBe(button('undo'));
    button('undo')!.click();
    expect(shadow.activeElement).toBe(button('dismiss', 'pure-promotion'));
  });

  test('keyboard: a redraw keeps focus on the same button', () => {
    const { card, button, shadow, view } = setup([nudge('pure-promotion'), nudge('no-invitation')]);
    button('not-helpful', 'no-invitation')!.focus();
    card.show(view()); // a newer answer arrives while the card is open
    expect(shadow.activeElement).toBe(button('not-helpful', 'no-invitation'));
  });

  test('a mouse click leaves focus where it was (the caret stays in the editor)', () => {
    const { button, editor } = setup([nudge('pure-promotion')]);
    editor.focus();
    button('dismiss', 'pure-promotion')!.click();
    expect(document.activeElement).toBe(editor);
    button('undo')!.click();
    expect(document.activeElement).toBe(editor);
  });

  test('the colour scheme is the page’s, read when the card opens', () => {
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    const { card, container, view } = setup([nudge('pure-promotion')]);
    expect(container.getAttribute('data-scheme')).toBe('dark');
    expect(container.querySelector('style')!.textContent).toContain('--r-bg:#1c2128');
    // Read once per opening, not at every redraw.
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    card.show(view());
    expect(container.getAttribute('data-scheme')).toBe('dark');
    card.close();
    card.show(view());
    expect(container.getAttribute('data-scheme')).toBe('light');
    expect(container.querySelector('style')!.textContent).toContain('--r-bg:#fff');
  });

  test('too long, and nothing to suggest', () => {
    const { card, container, view } = setup([]);
    expect(container.textContent).toContain('Nothing to suggest for this draft.');
    card.show({ ...view(), state: 'too-long' });
    expect(container.textContent).toContain('This draft is too long to coach.');
    expect(container.querySelector('li')).toBeNull();
  });
});
