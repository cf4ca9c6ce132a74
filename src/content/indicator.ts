/**
 * The in-page indicator: one `<rapport-indicator>` appended to document.body (never inside or
 * next to the editor), drawing in an open shadow root. Page and pack text is only ever set with
 * textContent, so a draft full of markup stays inert. Its data-* attributes are the contract
 * outside checks read: data-nudges (ids shown, space separated), data-score, data-state,
 * data-platform and data-kind of the latest score request.
 *
 * The card that opens from the pill is drawn by code loaded the first time it opens
 * (src/content/card/): every page carries the pill, few people open the card.
 */
import type { ShownResult as ScoreResult } from '../shared/shown.ts';
import type { Card, CardActions, CreateCard } from './card/types.ts';
import { boxAt, chooseSpot, intersects, type Box, type Spot } from './position.ts';
import { INDICATOR_CSS } from './indicator-style.ts';

export type IndicatorState = 'scoring' | 'scored' | 'too-long' | 'error';

export interface IndicatorView {
  state: IndicatorState;
  /** The result with the nudges dismissed for this draft left out. */
  result: ScoreResult | null;
  /** The draft the result's evidence ranges point into (the card quotes it). */
  draft: string;
  platform: string;
  kind: string;
}

export interface IndicatorOptions {
  /** Elements the indicator must not cover (the site's submit controls for this editor). */
  obstacles(anchor: Element): Element[];
  /** The card opened or closed: while it is open, answers must carry reasons and evidence. */
  onCard(open: boolean): void;
  /** The card's code, loaded on first open. */
  loadCard(): Promise<CreateCard>;
  /** What the card's Dismiss, Not helpful and Undo buttons do. */
  actions: CardActions;
}

export interface Indicator {
  readonly host: HTMLElement;
  render(anchor: Element, view: IndicatorView): void;
  hide(): void;
  destroy(): void;
}

export const INDICATOR_TAG = 'rapport-indicator';

const INTERACTIVE =
  'a[href],button,input,select,textarea,[role="button"],[role="link"],[role="tab"],[role="menuitem"],[contenteditable="true"]';

export function createIndicator(doc: Document, options: IndicatorOptions): Indicator {
  const host = doc.createElement(INDICATOR_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string) => {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    return el;
  };

  const style = make('style');
  style.textContent = INDICATOR_CSS;
  const pill = make('button', 'pill');
  pill.type = 'button';
  pill.setAttribute('aria-haspopup', 'dialog');
  pill.setAttribute('aria-expanded', 'false');
  const score = make('span', 'score');
  const label = make('span', 'label');
  pill.append(score, label);
  const card = make('div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Rapport: suggestions for this draft');
  card.hidden = true;
  shadow.append(style, pill, card);

  let anchor: Element | null = null;
  let view: IndicatorView | null = null;
  let spot: Spot = 'below';
  let frame = 0;
  let drawn: Card | null = null;
  let loading: Promise<unknown> | null = null;

  /**
   * What was last written to the host, so a render that changes nothing touches nothing (every
   * write invalidates style, each read crosses into the page's DOM, and renders come with each
   * score). A page that rewrites our host's attributes or style gets them back at the next change.
   */
  const written = new Map<string, string>();

  setAttributes('', '', 'idle', '', '');
  applyHostStyle(host);
  hostStyle('display', 'none');

  // Keep the caret in the editor: clicking our own UI must not take focus away from it.
  shadow.addEventListener('mousedown', (event) => event.preventDefault());
  pill.addEventListener('click', () => toggleCard(card.hidden));
  shadow.addEventListener('keydown', (event) => {
    // Keys pressed in our pill or card are not the page's: Escape must not also close the site's
    // compose dialog, nor a letter trigger its shortcuts.
    event.stopPropagation();
    if ((event as KeyboardEvent).key === 'Escape' && !card.hidden) {
      toggleCard(false);
      pill.focus();
    }
  });

  function hostStyle(name: string, value: string) {
    if (written.get(name) === value) return;
    written.set(name, value);
    host.style.setProperty(name, value, 'important');
  }

  function setAttributes(nudges: string, scoreText: string, state: string, platform: string, kind: string) {
    setAttribute('data-nudges', nudges);
    setAttribute('data-score', scoreText);
    setAttribute('data-state', state);
    setAttribute('data-platform', platform);
    setAttribute('data-kind', kind);
  }

  function setAttribute(name: string, value: string) {
    if (written.get(name) === value) return;
    written.set(name, value);
    host.setAttribute(name, value);
  }

  function toggleCard(open: boolean) {
    if (card.hidden === open) options.onCard(open);
    card.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
    if (open) fillCard();
    else drawn?.close();
    place(false);
  }

  function fillCard() {
    if (drawn) {
      drawn.show({
        state: view?.state ?? '',
        nudges: view?.result?.nudges ?? [],
        draft: view?.draft ?? '',
        anchor,
      });
      return;
    }
    // A card that cannot be loaded (the extension went away) stays closed.
    loading ??= options.loadCard().then(
      (create) => {
        drawn = create(card, options.actions);
        if (!card.hidden) fillCard();
      },
      () => {
        loading = null;
        toggleCard(false);
      },
    );
  }

  function place(rechoose: boolean) {
    if (!anchor || !view || !anchor.isConnected) return;
    const rect = anchor.getBoundingClientRect();
    const viewport = {
      width: doc.documentElement.clientWidth || 0,
      height: doc.documentElement.clientHeight || 0,
    };
    // Scrolled out of sight: hide rather than stick to the screen's edge.
    const offscreen =
      rect.bottom < 0 || rect.right < 0 || rect.top > viewport.height || rect.left > viewport.width;
    hostStyle('visibility', offscreen ? 'hidden' : 'visible');
    const size = { width: pill.offsetWidth || 32, height: pill.offsetHeight || 24 };
    if (rechoose) {
      // Hit tests must see through the indicator itself; one toggle for all of them.
      hostStyle('pointer-events', 'none');
      try {
        spot = chooseSpot(rect, size, viewport, (box) => isFree(box, anchor!));
      } finally {
        hostStyle('pointer-events', 'auto');
      }
    }
    const box = boxAt(spot, rect, size, viewport);
    hostStyle('left', `${Math.round(box.left)}px`);
    hostStyle('top', `${Math.round(box.top)}px`);
    // Open the card upwards when the pill sits in the lower half of the screen.
    card.classList.toggle('up', box.top > viewport.height / 2);
  }

  function isFree(box: Box, editor: Element): boolean {
    for (const control of options.obstacles(editor)) {
      const r = control.getBoundingClientRect();
      if (r.width > 0 && intersects(box, r)) return false;
    }
    if (typeof doc.elementFromPoint !== 'function') return true;
    const points: Array<[number, number]> = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + 2, box.top + 2],
      [box.left + box.width - 2, box.top + 2],
      [box.left + 2, box.top + box.height - 2],
      [box.left + box.width - 2, box.top + box.height - 2],
    ];
    return points.every(([px, py]) => {
      const hit = doc.elementFromPoint(px, py);
      return !hit || hit === editor || editor.contains(hit) || hit.closest(INTERACTIVE) === null;
    });
  }

  /** Whether the next placement must choose its spot again (the pill's content changed). */
  let rechooseNext = false;
  /**
   * Geometry is read in the next animation frame, never in the handler that changed the page:
   * there the browser lays out once for everybody, instead of once more for us mid-keystroke.
   */
  function schedulePlace(rechoose: boolean) {
    rechooseNext ||= rechoose;
    if (frame || !anchor) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const again = rechooseNext;
      rechooseNext = false;
      place(again);
    });
  }
  const onViewportChange = () => schedulePlace(false);
  doc.defaultView?.addEventListener('scroll', onViewportChange, { capture: true, passive: true });
  doc.defaultView?.addEventListener('resize', onViewportChange, { passive: true });
  // The editor grows as lines are added. A resize observer is called after layout, where reading
  // geometry is free; in the next frame it would force a layout, inside this script's time.
  const resizes =
    typeof ResizeObserver === 'function' ? new ResizeObserver(() => frame || place(false)) : null;
  /** What the pill shows; while it is unchanged a render touches nothing. */
  let shownKey = '';

  return {
    host,
    render(nextAnchor, nextView) {
      const sameDraft = nextAnchor === anchor;
      anchor = nextAnchor;
      view = nextView;
      const result = nextView.result;
      const shown = nextView.state === 'scored' || nextView.state === 'scoring' ? (result?.nudges ?? []) : [];
      setAttributes(
        shown.map((n) => n.id).join(' '),
        result && nextView.state !== 'too-long' ? String(Math.round(result.score)) : '',
        nextView.state,
        nextView.platform,
        nextView.kind,
      );
      if (nextView.state === 'error' || (!result && nextView.state === 'scoring')) {
        hostStyle('display', 'none');
        toggleCard(false);
        return;
      }
      if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
      const top = shown[0];
      // Reasons, suggestions and evidence count only while the card shows them (answers are brief otherwise).
      const key = JSON.stringify([
        nextView.state === 'too-long' || Math.round(result?.score ?? 0),
        shown,
        result?.band,
      ]);
      const visible = written.get('display') === 'block';
      if (sameDraft && visible && key === shownKey) return;
      shownKey = key;
      if (!sameDraft) {
        resizes?.disconnect();
        resizes?.observe(nextAnchor);
      }
      if (nextView.state === 'too-long') {
        score.textContent = '';
        label.textContent = 'Too long to coach';
        pill.className = 'pill long';
        pill.setAttribute('aria-label', 'Rapport: this draft is too long to coach');
      } else {
        score.textContent = String(Math.round(result?.score ?? 0));
        label.textContent = top ? top.title : (result?.band ?? '');
        pill.className = `pill ${top ? top.severity : 'ok'}`;
        const count = shown.length === 1 ? '1 suggestion' : `${shown.length} suggestions`;
        pill.setAttribute(
          'aria-label',
          `Rapport: score ${score.textContent}, ${count}${top ? `, first: ${top.title}` : ''}. Show details`,
        );
      }
      hostStyle('display', 'block');
      if (!sameDraft) toggleCard(false);
      else if (!card.hidden) fillCard();
      schedulePlace(true);
    },
    hide() {
      anchor = null;
      view = null;
      shownKey = '';
      resizes?.disconnect();
      setAttributes('', '', 'idle', '', '');
      toggleCard(false);
      hostStyle('display', 'none');
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resizes?.disconnect();
      doc.defaultView?.removeEventListener('scroll', onViewportChange, { capture: true });
      doc.defaultView?.removeEventListener('resize', onViewportChange);
      host.remove();
    },
  };
}

/**
 * Page CSS must not move, hide or restyle the host; inline !important beats any stylesheet rule.
 * Its width is its content's: a fixed box sized by the room left of it would squeeze the pill's
 * label near the viewport's right edge (where the pill is often placed, and more so when zoomed).
 */
function applyHostStyle(host: HTMLElement) {
  host.style.cssText =
    'position:fixed;z-index:2147483647;margin:0;padding:0;border:0;width:max-content;height:auto;transform:none;opacity:1;visibility:visible;pointer-events:auto;left:0;top:0'.replace(
      /;|$/g,
      '!important;',
    );
}
