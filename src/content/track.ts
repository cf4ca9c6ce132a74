/**
 * Follows one editor's draft: changes mark it dirty (cheap, per keystroke), and one debounced
 * tick reads, classifies and asks the worker to score it. Nothing is scored mid-composition
 * (IME), and an answer to an older version of the draft is dropped.
 */
import type { ScoreRequest } from '../shared/messages.ts';
import { ShownScoreResponse as ScoreResponse, type ShownResult as ScoreResult } from '../shared/shown.ts';
import { extract, isTextField } from './extract.ts';
import type { Classification, SiteAdapter, Where } from './sites/index.ts';

const MAX_WAIT_MS = 1500;
/** Classification walks the page around the editor; it rarely changes, so it is reused this long. */
const CLASSIFY_TTL_MS = 2000;

export type DraftStatus = 'empty' | 'scoring' | 'scored' | 'too-long' | 'excluded' | 'error' | 'gone';

export interface TrackerOptions {
  root: Element;
  draftId: string;
  adapter: SiteAdapter;
  where(): Where;
  /** Sends a score request; resolves to the raw reply (validated here). */
  score(request: ScoreRequest): Promise<unknown>;
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

  private readonly options: TrackerOptions;
  private readonly observer: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirtySince = 0;
  private lastDirty = 0;
  private readonly debounceMs: number;
  private classifiedAt = 0;
  private classifiedPath = '';
  private poll: ReturnType<typeof setInterval> | null = null;
  private composing = false;
  private seq = 0;
  private disposed = false;
  private readonly listensForInput: boolean;
  private observing = false;
  /** The last valid reply, serialised, and what it parsed to: an identical reply needs no second parse. */
  private lastReply = '';
  private lastParsed: ScoreResult | null = null;

  constructor(options: TrackerOptions) {
    this.options = options;
    this.root = options.root;
    this.draftId = options.draftId;
    this.adapter = options.adapter;
    this.debounceMs = options.debounceMs ?? 100;
    // A text field's value changes without a mutation; a rich editor's every change is one.
    this.listensForInput = isTextField(this.root);
    this.observer = new MutationObserver(this.onMutations);
    this.observe();
    if (this.listensForInput) this.root.addEventListener('input', this.markDirty);
    this.root.addEventListener('compositionstart', this.onCompositionStart);
    this.root.addEventListener('compositionend', this.onCompositionEnd);
  }

  focus(): void {
    this.focused = true;
    this.lastUsed = Date.now();
    this.classifiedAt = 0;
    // A slow safety net: textareas cleared by script fire no event and no mutation.
    this.poll ??= setInterval(this.onPoll, this.options.pollMs ?? 1000);
    this.markDirty();
  }

  blur(): void {
    this.focused = false;
    if (this.poll !== null) clearInterval(this.poll);
    this.poll = null;
  }

  /** Re-reads the draft soon, for changes no event announced. */
  refresh(): void {
    this.markDirty();
  }

  /**
   * A key went down in this editor. While a read is pending, that alone says the person is still
   * typing (the mutation observer is off until the read, see onMutations).
   */
  noteKey(): void {
    if (this.timer !== null) this.lastDirty = Date.now();
  }

  /** Reads the draft now (publish detection snapshots it at the moment of sending). */
  read(): { text: string; tooLong: boolean } {
    return extract(this.root);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.seq++;
    this.blur();
    if (this.timer !== null) clearTimeout(this.timer);
    this.observer.disconnect();
    if (this.listensForInput) this.root.removeEventListener('input', this.markDirty);
    this.root.removeEventListener('compositionstart', this.onCompositionStart);
    this.root.removeEventListener('compositionend', this.onCompositionEnd);
  }

  private observe(): void {
    if (this.observing || this.listensForInput) return;
    this.observing = true;
    this.observer.observe(this.root, { characterData: true, childList: true, subtree: true });
  }

  /**
   * The first change after a read marks the draft dirty and stops observing until the next read:
   * the draft will be read whole anyway, and a rich editor's re-render per keystroke can hand an
   * observer dozens of records, each costing the page's thread. Keys (noteKey) keep the quiet
   * spell going meanwhile.
   */
  private readonly onMutations = (): void => {
    this.observer.disconnect();
    this.observing = false;
    this.markDirty();
  };

  /**
   * Debounced: while keys keep coming nothing is read, and a keystroke costs one timestamp (the
   * one timer re-arms itself for the rest of the quiet period). A long unbroken burst still gets a
   * reading every MAX_WAIT_MS.
   */
  private readonly markDirty = (): void => {
    if (this.disposed) return;
    this.lastDirty = Date.now();
    if (this.timer !== null) return;
    this.dirtySince = this.lastDirty;
    this.timer = setTimeout(this.onTimer, this.debounceMs);
  };

  private readonly onTimer = (): void => {
    const now = Date.now();
    const quiet = now - this.lastDirty;
    if (quiet < this.debounceMs && now - this.dirtySince < MAX_WAIT_MS) {
      this.timer = setTimeout(this.onTimer, this.debounceMs - quiet);
      return;
    }
    this.tick();
  };

  private readonly onCompositionStart = (): void => {
    this.composing = true;
  };

  private readonly onCompositionEnd = (): void => {
    this.composing = false;
    this.markDirty();
  };

  private readonly onPoll = (): void => {
    if (!this.root.isConnected) return this.tick();
    // Events are flowing, so the safety net has nothing to catch.
    if (this.timer !== null || Date.now() - this.lastDirty < 1000) return;
    // Idle only (at most once a second): a full read here keeps the typing path free of it.
    if (extract(this.root).text !== this.text) this.markDirty();
  };

  private readonly tick = (): void => {
    this.timer = null;
    if (this.disposed) return;
    // Observing again before reading: a change from here on is a change after this read.
    this.observe();
    if (this.composing) return;
    if (!this.root.isConnected) return this.settle('gone');
    const { text, tooLong } = extract(this.root);
    const where = this.options.where();
    const now = Date.now();
    let classification = this.classification;
    if (
      !classification ||
      now - this.classifiedAt > CLASSIFY_TTL_MS ||
      where.pathname !== this.classifiedPath
    ) {
      classification = this.adapter.classify(this.root, where);
      this.classifiedAt = now;
      this.classifiedPath = where.pathname;
    }
    this.text = text;
    this.classification = classification;
    if (classification.excluded) return this.settle('excluded');
    if (tooLong) return this.settle('too-long');
    if (text.trim() === '') return this.settle('empty');
    const request: ScoreRequest = {
      type: 'score',
      draftId: this.draftId,
      platform: classification.platform,
      kind: classification.kind,
      text,
    };
    const last = this.request;
    if (
      last &&
      (this.status === 'scored' || this.status === 'scoring') &&
      last.text === text &&
      last.kind === request.kind &&
      last.platform === request.platform
    ) {
      return;
    }
    this.request = request;
    this.status = 'scoring';
    const seq = ++this.seq;
    this.options.onChange(this);
    this.options.score(request).then(
      (reply) => {
        if (seq !== this.seq || this.disposed) return;
        this.result = this.parseReply(reply);
        this.status = this.result ? 'scored' : 'error';
        this.options.onChange(this);
      },
      () => {
        if (seq !== this.seq || this.disposed) return;
        this.result = null;
        this.status = 'error';
        this.options.onChange(this);
      },
    );
  };

  /**
   * Validates the worker's reply. Most keystrokes change a score's inputs but not its answer, so
   * a reply equal to the last valid one reuses that parse (and the same object, which lets the
   * indicator see that nothing changed).
   */
  private parseReply(reply: unknown): ScoreResult | null {
    // Replies are JSON-shaped data, so their serialisations are equal exactly when they are.
    const json = JSON.stringify(reply) ?? '';
    if (this.lastParsed && json === this.lastReply) return this.lastParsed;
    const parsed = ScoreResponse.safeParse(reply);
    const result = parsed.success && parsed.data.ok ? (parsed.data.result ?? null) : null;
    this.lastReply = result ? json : '';
    this.lastParsed = result;
    return result;
  }

  private settle(status: DraftStatus): void {
    // Any answer still on its way is for a draft that no longer exists.
    this.seq++;
    this.result = null;
    this.request = null;
    if (status === this.status) return;
    this.status = status;
    this.options.onChange(this);
  }
}
