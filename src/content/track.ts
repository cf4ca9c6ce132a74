/**
 * Follows one editor's draft. The first change after a pause is read at once, in the task that
 * made it; changes that follow it closely mark the draft dirty (cheap, per keystroke) and one
 * debounced tick reads them. A read classifies the draft and asks the worker to score it. Nothing
 * is scored mid-composition (IME), and an answer to a draft that no longer exists is dropped.
 */
import type { ScoreRequest } from '../shared/messages.ts';
import type { AnswerFlags } from '../shared/port.ts';
import { ShownScoreResponse as ScoreResponse, type ShownResult as ScoreResult } from '../shared/shown.ts';
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
  /**
   * Classification walks the page around the editor (reply context, author names), and it rarely
   * changes while someone types. So it is redone on focus, on navigation, and after the person
   * stops for a moment (the safety-net poll), never in the middle of typing.
   */
  #reclassify = true;
  #classifiedPath = '';
  #poll: ReturnType<typeof setTimeout> | undefined;
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
   * A slow safety net for changes nothing announces (a textarea cleared by script fires no event
   * and no mutation). Each read postpones it, so it runs only after a second without one: never
   * while someone types, where its timer would cost the page's thread for nothing.
   */
  #armPoll(): void {
    clearTimeout(this.#poll);
    this.#poll = this.focused ? setTimeout(this.#onPoll, this.#options.pollMs ?? 1000) : undefined;
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
   * The first change after a read marks the draft dirty and stops observing until the next read:
   * the draft will be read whole anyway, and a rich editor's re-render per keystroke can hand an
   * observer dozens of records, each costing the page's thread. Keys (noteKey) keep the quiet
   * spell going meanwhile.
   */
  readonly #onMutations = (): void => {
    this.#observer.disconnect();
    this.#observing = false;
    this.#markDirty();
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
    this.#reclassify = true;
    // Idle only (events are not flowing): a full read here keeps the typing path free of it.
    if (
      this.#timer === null &&
      Date.now() - this.#lastDirty >= 1000 &&
      extract(this.root).text !== this.text
    ) {
      this.#markDirty();
    }
    this.#armPoll();
  };

  readonly #tick = (): void => {
    this.#timer = null;
    if (this.#disposed) return;
    this.#armPoll();
    // Observing again before reading: a change from here on is a change after this read.
    this.#observe();
    if (this.#composing) return;
    if (!this.root.isConnected) return this.#settle('gone');
    const { text, tooLong } = extract(this.root);
    const where = this.#options.where();
    let classification = this.classification;
    if (!classification || this.#reclassify || where.pathname !== this.#classifiedPath) {
      classification = this.adapter.classify(this.root, where);
      this.#reclassify = false;
      this.#classifiedPath = where.pathname;
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
      const parsed = ScoreResponse.safeParse(reply);
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
