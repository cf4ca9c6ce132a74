/**
 * The card that opens from the pill: for each nudge on show, its title, reason, the words of the
 * draft that triggered it (excerpt.ts), its suggestion, and two buttons: Dismiss (for this draft)
 * and Not helpful (counted on this device, and dismissed too). The last dismissal can be undone
 * for a few seconds, or until the next one. Page and pack text only ever goes in as text.
 *
 * Keyboard: every control is a <button> with an accessible name; when a redraw removes the
 * focused button, focus goes to its nearest counterpart, never to the page. Focus is moved only
 * when it already is in the card: a mouse click leaves the caret in the editor.
 */
import type { ShownNudge } from '../../shared/shown.ts';
import { evidenceNodes } from './excerpt.ts';
import { pageScheme } from './scheme.ts';
import { CARD_CSS, PALETTES } from './style.ts';
import type { Card, CardActions, CardView } from './types.ts';

/** How long Undo stays offered after a dismissal (a later dismissal ends it sooner). */
export const UNDO_MS = 8000;

interface Pending {
  id: string;
  title: string;
  notHelpful: boolean;
  timer: ReturnType<typeof setTimeout>;
}

export function createCard(container: HTMLElement, actions: CardActions): Card {
  const doc = container.ownerDocument;
  const root = container.getRootNode() as Document | ShadowRoot;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const style = make('style');
  const body = make('div');
  // A live region that stays in place, so screen readers hear each dismissal and its Undo.
  const status = make('p', 'undo');
  status.setAttribute('role', 'status');
  container.tabIndex = -1;
  container.append(style, body, status);

  let open = false;
  let view: CardView | null = null;
  let pending: Pending | null = null;

  function focused(): Element | null {
    const active = root.activeElement;
    return active && container.contains(active) ? active : null;
  }

  function button(text: string, label: string, action: string, onClick: () => void): HTMLButtonElement {
    const b = make('button', action, text);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.setAttribute('data-action', action);
    b.addEventListener('click', onClick);
    return b;
  }

  function row(nudge: ShownNudge, draft: string): HTMLElement {
    const li = make('li', nudge.severity);
    li.setAttribute('data-nudge-id', nudge.id);
    li.append(make('p', 'title', nudge.title));
    // Reasons, evidence and suggestions come with the detailed answer asked for when the card opened.
    if (nudge.reason) li.append(make('p', 'reason', nudge.reason));
    li.append(...evidenceNodes(doc, draft, nudge.evidence ?? []));
    if (nudge.suggestion) li.append(make('p', 'suggestion', nudge.suggestion));
    const bar = make('div', 'actions');
    bar.append(
      button('Dismiss', `Dismiss “${nudge.title}” for this draft`, 'dismiss', () => act(nudge, false)),
      button('Not helpful', `Not helpful: “${nudge.title}” (dismisses it too)`, 'not-helpful', () =>
        act(nudge, true),
      ),
    );
    li.append(bar);
    return li;
  }

  /** Focus on `action` of nudge `id`, else the first button, else the card itself. */
  function refocus(id: string | null, action: string | null): void {
    let target: HTMLElement | null = null;
    for (const li of Array.from(body.querySelectorAll('li'))) {
      if (li.getAttribute('data-nudge-id') === id) target = li.querySelector(`[data-action="${action}"]`);
    }
    (target ?? container.querySelector<HTMLElement>('button') ?? container).focus();
  }

  function draw(): void {
    if (!view) return;
    const before = focused();
    const children: Node[] = [];
    if (view.state === 'too-long') {
      children.push(make('p', 'reason', 'This draft is too long to coach.'));
    } else if (view.nudges.length === 0) {
      children.push(make('p', 'reason', 'Nothing to suggest for this draft.'));
    } else {
      const list = make('ul');
      for (const nudge of view.nudges) list.append(row(nudge, view.draft));
      children.push(list);
    }
    body.replaceChildren(...children);
    if (before && !before.isConnected) {
      refocus(
        before.closest('li')?.getAttribute('data-nudge-id') ?? null,
        before.getAttribute('data-action'),
      );
    }
  }

  function drawUndo(): void {
    if (!pending) {
      const had = focused();
      status.replaceChildren();
      if (had && !had.isConnected) refocus(null, null);
      return;
    }
    const { id, title, notHelpful } = pending;
    status.replaceChildren(
      make('span', '', notHelpful ? `Marked “${title}” not helpful.` : `Dismissed “${title}”.`),
      button('Undo', `Undo: bring back “${title}”`, 'undo', () => undo(id)),
    );
  }

  function endUndo(): void {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  }

  function act(nudge: ShownNudge, notHelpful: boolean): void {
    const hadFocus = focused() !== null;
    endUndo();
    pending = {
      id: nudge.id,
      title: nudge.title,
      notHelpful,
      timer: setTimeout(() => {
        pending = null;
        drawUndo();
      }, UNDO_MS),
    };
    // The content script redraws the card without the nudge (show() below).
    actions.dismiss(nudge.id, notHelpful);
    drawUndo();
    if (hadFocus) status.querySelector('button')?.focus();
  }

  function undo(id: string): void {
    if (pending?.id !== id) return;
    const { notHelpful } = pending;
    const hadFocus = focused() !== null;
    endUndo();
    actions.restore(id, notHelpful);
    drawUndo();
    if (hadFocus) refocus(id, 'dismiss');
  }

  return {
    show(next) {
      view = next;
      if (!open) {
        open = true;
        const scheme = pageScheme(doc, next.anchor);
        container.setAttribute('data-scheme', scheme);
        style.textContent = CARD_CSS + PALETTES[scheme];
      }
      draw();
    },
    close() {
      open = false;
      endUndo();
      drawUndo();
    },
  };
}
