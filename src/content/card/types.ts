/**
 * What the content script and the card's lazily loaded code (src/content/card/) share. The card
 * is not part of the content script every page loads: the worker injects it into the frame the
 * first time the person opens the card (`load-card`), and it leaves its factory on the isolated
 * world's global under CARD_GLOBAL. The content script imports only types and that key from here.
 */
import type { ShownNudge } from '../../shared/shown.ts';

export const CARD_GLOBAL = Symbol.for('rapport.card');

export interface CardView {
  /** The indicator's state: `too-long` says so; otherwise the nudges are listed. */
  state: string;
  /** The nudges on show for this draft, the dismissed ones left out. */
  nudges: readonly ShownNudge[];
  /** The draft the evidence ranges point into. */
  draft: string;
  /** The editor: what is behind it tells the page's colour scheme. */
  anchor: Element | null;
}

/** What the card's buttons do to the draft's nudges (the content script keeps the dismissals). */
export interface CardActions {
  /** Hide the nudge for this draft; `notHelpful` also counts it as not helpful. */
  dismiss(id: string, notHelpful: boolean): void;
  /** Undo: the nudge is back, and a "not helpful" is taken back too. */
  restore(id: string, notHelpful: boolean): void;
}

export interface Card {
  /** Draws the view; the first call after opening also picks the colour scheme. */
  show(view: CardView): void;
  /** The card closed: a pending undo ends with it. */
  close(): void;
}

export type CreateCard = (container: HTMLElement, actions: CardActions) => Card;
