/**
 * Follows one editor's draft. The first change after a pause is read at once, in the task that
 * made it; changes that follow it closely mark the draft dirty (cheap, per keystroke) and one
 * debounced tick reads them. A read classifies the draft and asks the worker to score it. Nothing
 * is scored mid-composition (IME), and an answer to a draft that no longer exists is dropped.
 */
import type { ScoreRequest } from '../shared/messages.ts';
import type { AnswerFlags } from '../shared/port.ts';
import { parseShown, type ShownResult as ScoreResult } from '../shared/shown.ts';
import { extract, isTextField } from './extract.ts';
import type { Classification, SiteAdapter, Where } from './sites/index.ts';

const MAX_WAIT_MS = 1500;

export type DraftStatus = 'empty' | 'scoring' | 'scored' | 'too-long' | 'excluded' | 'error' | 'gone';

export interface TrackerOptions {
  root: Element;
  draftId: string;
  adapter: SiteAdapter;
  where(): Where;
  /**
   * Sends a score request; resolves to the raw reply (validated here). A quiet request may never
   * settle: the worker stays silent when the answer would be the one this draft already shows.
   */
  score(request: ScoreRequest, flags: AnswerFlags): Promise<unknown>;
  onChange(tracker: Tracker): void;
  debounceMs?: number;
  pollMs?: number;
}

export class Tracker {
  readonly root: Element;
  readonly draftId: string;
  readonly adapter: SiteAdapter;
  status: DraftStatus = 'empty';
  text = '';
  classification: Classification | null = null;
  /** Latest result; kept while a newer version is being scored so the indicator does not flicker. */
  result: ScoreResult | null = null;
  /** What the latest result was computed for (platform, kind and text). */
  request: ScoreRequest | null = null;
  focused = false;
  lastUsed = 0;
  /** The card with each nudge's reason and suggestion is open, so answers must carry them. */
  detail = false;

  readonly #options: TrackerOptions;
  readonly #observer: MutationObserver;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #dirtySince = 0;
  #lastDirty = 0;
  readonly #debounceMs: number;
  readonly #pollMs: number;
  /**
   * Classification walks the page around the editor (reply context, author names), and it rarely
   * changes while someone types. So it is redone on focus and after the person stops for a moment
   * (the safety-net poll), never in the middle of typing; a single-page navigation is picked up
   * there too. Even reading the location costs a read ~5 %, so a read does not.
   */
  #reclassify = true;
  #poll: ReturnType<typeof setTimeout> | undefined;
  #pollAt = 0;
  #composing = false;
  #seq = 0;
  /** Answers to requests up to this one are not applied (already applied, or for a gone draft). */
  #applied = 0;
  #sentBrief = true;
  #disposed = false;
  readonly #listensForInput: boolean;
  #observing = false;

  constructor(options: TrackerOptions) {
    this.#options = options;
    this.root = options.root;
    this.draftId = options.draftId;
    this.adapter = options.adapter;
    this.#debounceMs = options.debounceMs ?? 100;
    this.#pollMs = options.pollMs ?? 3000;
    // A text field's value changes without a mutation; a rich editor's every change is one.
    this.#listensForInput = isTextField(this.root);
    this.#observer = new MutationObserver(this.#onMutations);
    this.#observe();
    if (this.#listensForInput) this.root.addEventListener('input', this.#markDirty);
    this.root.addEventListener('compositionstart', this.#onCompositionStart);
    this.root.addEventListener('compositionend', this.#onCompositionEnd);
  }

  focus(): void {
    this.focused = true;
    this.lastUsed = Date.now();
    this.#reclassify = true;
    this.#markDirty();
    this.#armPoll();
  }

  blur(): void {
    this.focused = false;
    this.#armPoll();
  }

  /**
   * A slow safety net: it notices an editor removed from the page and a text field changed by
   * script (no event, no mutation; a rich editor's every change is a mutation), and it marks the
   * draft for classification after a pause. Reads postpone it by half to all of its interval, so
   * it looks only after 1.5–3 s without one: never while someone types, nor in a pause to think
   * between words, where each timer task costs the page's thread ~0.1 ms.
   */
  #armPoll(delay = this.#pollMs): void {
    clearTimeout(this.#poll);
    this.#pollAt = Date.now() + delay;
    this.#poll = this.focused ? setTimeout(this.#onPoll, delay) : undefined;
  }

  /** Re-reads the draft soon, for changes no event announced. */
  refresh(): void {
    this.#markDirty();
  }

  /**
   * A key went down in this editor. While a read is pending, that alone says the person is still
   * typing (the mutation observer is off until the read, see onMutations).
   */
  noteKey(): void {
    if (this.#timer !== null) this.#lastDirty = Date.now();
  }

  /** Reads the draft now (publish detection snapshots it at the moment of sending). */
  read(): { text: string; tooLong: boolean } {
    return extract(this.root);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.blur();
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#observer.disconnect();
    if (this.#listensForInput) this.root.removeEventListener('input', this.#markDirty);
    this.root.removeEventListener('compositionstart', this.#onCompositionStart);
    this.root.removeEventListener('compositionend', this.#onCompositionEnd);
  }

  #observe(): void {
    if (this.#observing || this.#listensForInput) return;
    this.#observing = true;
    this.#observer.observe(this.root, { characterData: true, childList: true, subtree: true });
  }

  /**
   * A change either is read at once (and observing goes on, for the next change) or marks the
   * draft dirty for a pending read; then observing stops until that read: the draft will be read
   * whole anyway, and a rich editor's re-render per keystroke can hand an observer dozens of
   * records, each costing the page's thread. Keys (noteKey) keep the quiet spell going meanwhile.
   */
  readonly #onMutations = (): void => {
    this.#markDirty();
    if (this.#timer === null) return;
    this.#observer.disconnect();
    this.#observing = false;
  };

  /**
   * A change after a quiet spell is read at once: the editor has just touched the same DOM, so the
   * read is at its cheapest here, and the indicator follows within one round trip. Changes that
   * come closer together are debounced: while keys keep coming nothing is read, and a keystroke
   * costs one timestamp (the one timer re-arms itself for the rest of the quiet spell). A long
   * unbroken burst still gets a reading every MAX_WAIT_MS.
   */
  readonly #markDirty = (): void => {
    if (this.#disposed) return;
    const now = Date.now();
    const paused = now - this.#lastDirty >= this.#debounceMs;
    this.#lastDirty = now;
    if (this.#timer !== null) return;
    if (paused) return this.#tick();
    this.#dirtySince = now;
    this.#timer = setTimeout(this.#onTimer, this.#debounceMs);
  };

  readonly #onTimer = (): void => {
    const now = Date.now();
    const quiet = now - this.#lastDirty;
    if (quiet < this.#debounceMs && now - this.#dirtySince < MAX_WAIT_MS) {
      this.#timer = setTimeout(this.#onTimer, this.#debounceMs - quiet);
      return;
    }
    this.#tick();
  };

  readonly #onCompositionStart = (): void => {
    this.#composing = true;
  };

  readonly #onCompositionEnd = (): void => {
    this.#composing = false;
    this.#markDirty();
  };

  readonly #onPoll = (): void => {
    if (!this.root.isConnected) return this.#tick();
    const quiet = Date.now() - this.#lastDirty;
    if (quiet < this.#pollMs) return this.#armPoll(this.#pollMs - quiet);
    this.#reclassify = true;
    if (this.#listensForInput && this.#timer === null && extract(this.root).text !== this.text) {
      this.#markDirty();
    }
    this.#armPoll();
  };

  readonly #tick = (): void => {
    this.#timer = null;
    if (this.#disposed) return;
    // Postponed at most every half interval: its two timer calls are not free either.
    if (this.#pollAt - Date.now() < this.#pollMs / 2) this.#armPoll();
    // Observing again before reading: a change from here on is a change after this read.
    this.#observe();
    if (this.#composing) return;
    if (!this.root.isConnected) return this.#settle('gone');
    const { text, tooLong } = extract(this.root);
    let classification = this.classification;
    if (!classification || this.#reclassify) {
      classification = this.adapter.classify(this.root, this.#options.where());
      this.#reclassify = false;
    }
    this.text = text;
    this.classification = classification;
    if (classification.excluded) return this.#settle('excluded');
    if (tooLong) return this.#settle('too-long');
    if (text.trim() === '') return this.#settle('empty');
    const request: ScoreRequest = {
      type: 'score',
      draftId: this.draftId,
      platform: classification.platform,
      kind: classification.kind,
      text,
    };
    const brief = !this.detail;
    const last = this.request;
    if (
      last &&
      (this.status === 'scored' || this.status === 'scoring') &&
      last.text === text &&
      last.kind === request.kind &&
      last.platform === request.platform &&
      this.#sentBrief === brief
    ) {
      return;
    }
    this.request = request;
    this.#sentBrief = brief;
    const seq = ++this.#seq;
    // With an answer on show, the worker only answers when it changes, and the indicator keeps
    // showing the current one meanwhile (no flicker, and no delivery to the page per keystroke).
    const quiet = this.status === 'scored';
    if (!quiet) {
      this.status = 'scoring';
      this.#options.onChange(this);
    }
    // A failed request settles like a malformed answer: no result, an error state.
    const apply = (reply: unknown) => {
      if (seq <= this.#applied || this.#disposed) return;
      this.#applied = seq;
      const parsed = parseShown(reply);
      this.result = parsed.success && parsed.data.ok ? (parsed.data.result ?? null) : null;
      this.status = this.result ? 'scored' : 'error';
      this.#options.onChange(this);
    };
    this.#options.score(request, { key: this.draftId, quiet, brief }).then(apply, () => apply(null));
  };

  #settle(status: DraftStatus): void {
    // Any answer still on its way is for a draft that no longer exists.
    this.#applied = this.#seq;
    this.result = null;
    this.request = null;
    if (status === this.status) return;
    this.status = status;
    this.#options.onChange(this);
  }
}
