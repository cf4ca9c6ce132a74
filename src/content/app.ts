/**
 * The content script's wiring: focus decides which editor is coached (so late editors, many
 * editors and editors nobody listed all work without scanning the page), one tracker per focused
 * editor, one publish watcher, one indicator. Browser APIs come in through `send`, so this runs
 * the same under happy-dom.
 */
import type { FeedbackRequest, LoadCardRequest, PublishedRequest, ScoreRequest } from '../shared/messages.ts';
import type { AnswerFlags } from '../shared/port.ts';
import type { CreateCard } from './card/types.ts';
import { Dismissals } from './dismiss.ts';
import { deepActiveElement, editorRootOf, eventTarget } from './discover.ts';
import { createIndicator, INDICATOR_TAG, type Indicator } from './indicator.ts';
import { createPublishWatcher } from './publish.ts';
import { adapterFor, type Where } from './sites/index.ts';
import { Tracker } from './track.ts';

export type ContentRequest = ScoreRequest | PublishedRequest | FeedbackRequest | LoadCardRequest;

export interface AppOptions {
  doc: Document;
  /** Sends a message to the worker; rejects with ContextInvalidated once the extension is gone. */
  send(message: ContentRequest, flags?: AnswerFlags): Promise<unknown>;
  /** The card's code, loaded the first time the person opens the card (see src/content/index.ts). */
  loadCard(): Promise<CreateCard>;
  where?(): Where;
  url?(): string;
  debounceMs?: number;
  /** True for a network the person turned off (`sites.<id>`): its editors are not coached. */
  off?(platform: string): boolean;
}

export interface App {
  stop(): void;
}

export interface StartedApp extends App {
  /** `off` changed: stop coaching editors of networks now off, pick up the focused one if now on. */
  refresh(): void;
}

/** The extension was reloaded or removed under this page: stop quietly. */
export class ContextInvalidated extends Error {
  constructor() {
    super('Extension context invalidated');
  }
}

/** Editors kept tracked after losing focus (for publish confirmation and the indicator). */
const MAX_TRACKERS = 8;

export function startApp(options: AppOptions): StartedApp {
  const { doc } = options;
  const win = doc.defaultView!;
  const where =
    options.where ?? (() => ({ hostname: win.location.hostname, pathname: win.location.pathname }));
  const url = options.url ?? (() => win.location.href);
  const trackers = new Map<Element, Tracker>();
  const draftIds = new WeakMap<Element, string>();
  const dismissals = new Dismissals();
  const runId = Math.random().toString(36).slice(2, 8);
  let nextDraft = 0;
  let active: Tracker | null = null;
  let indicator: Indicator | null = null;
  let stopped = false;

  const send = (message: ContentRequest, flags?: AnswerFlags): Promise<unknown> => {
    if (stopped) return Promise.reject(new ContextInvalidated());
    return options.send(message, flags).catch((error: unknown) => {
      if (error instanceof ContextInvalidated) stop();
      throw error;
    });
  };

  const publish = createPublishWatcher({
    trackers: () => trackers.values(),
    send,
    where,
    url,
    onConfirmed: (tracker) => tracker.refresh(),
  });

  function getIndicator(): Indicator {
    /** Not helpful, or taken back: counted by the worker, on this device; nothing waits for it. */
    const feedback = (nudgeId: string, undo: boolean) =>
      void send({ type: 'feedback', nudgeId, verdict: 'not-helpful', undo }).catch(() => undefined);
    indicator ??= createIndicator(doc, {
      loadCard: options.loadCard,
      actions: {
        dismiss(id, notHelpful) {
          if (!active) return;
          dismissals.dismiss(active.draftId, active.text, id);
          if (notHelpful) feedback(id, false);
          render();
        },
        restore(id, notHelpful) {
          if (!active) return;
          dismissals.restore(active.draftId, id);
          if (notHelpful) feedback(id, true);
          render();
        },
      },
      obstacles: (anchor) => trackers.get(anchor)?.adapter.submitControls(anchor) ?? [],
      onCard(open) {
        if (!active) return;
        active.detail = open;
        if (open) active.refresh();
      },
    });
    return indicator;
  }

  function render(): void {
    if (stopped) return;
    const tracker = active;
    const status = tracker?.root.isConnected ? tracker.status : 'gone';
    if (!tracker || (status !== 'scoring' && status !== 'scored' && status !== 'too-long')) {
      indicator?.hide();
      return;
    }
    const classification = tracker.classification;
    const hidden = dismissals.hidden(tracker.draftId, tracker.text);
    const result = tracker.result;
    getIndicator().render(tracker.root, {
      state: status,
      result:
        hidden && result ? { ...result, nudges: result.nudges.filter((n) => !hidden.has(n.id)) } : result,
      // The text last sent: the evidence of the answer on show points into it (or into one close to it).
      draft: tracker.request?.text ?? tracker.text,
      platform: tracker.request?.platform ?? classification?.platform ?? '',
      kind: tracker.request?.kind ?? classification?.kind ?? '',
    });
  }

  function onTrackerChange(tracker: Tracker): void {
    if (tracker.status === 'empty' || tracker.status === 'gone') publish.poke();
    if (tracker.status === 'gone') {
      drop(tracker);
      return;
    }
    if (tracker === active) render();
  }

  function drop(tracker: Tracker): void {
    tracker.dispose();
    trackers.delete(tracker.root);
    if (tracker === active) {
      active = null;
      render();
    }
  }

  function sweep(): void {
    for (const tracker of trackers.values()) {
      if (!tracker.root.isConnected && !publish.isPending(tracker)) drop(tracker);
    }
    if (trackers.size <= MAX_TRACKERS) return;
    const idle = [...trackers.values()]
      .filter((t) => t !== active && !publish.isPending(t))
      .sort((a, b) => a.lastUsed - b.lastUsed);
    for (const tracker of idle.slice(0, trackers.size - MAX_TRACKERS)) drop(tracker);
  }

  function focusEditor(target: Element): void {
    const root = editorRootOf(target);
    const adapter = root ? adapterFor(where(), doc) : null;
    if (!root || !adapter || options.off?.(adapter.platform)) {
      blurActive();
      return;
    }
    let tracker = trackers.get(root);
    if (!tracker) {
      let draftId = draftIds.get(root);
      if (!draftId) {
        draftId = `${runId}-${++nextDraft}`;
        draftIds.set(root, draftId);
      }
      tracker = new Tracker({
        root,
        draftId,
        adapter,
        where,
        score: send,
        onChange: onTrackerChange,
        ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
      });
      trackers.set(root, tracker);
      sweep();
    }
    if (active && active !== tracker) active.blur();
    active = tracker;
    tracker.focus();
    render();
  }

  function blurActive(): void {
    if (!active) return;
    active.blur();
    // A non-empty draft keeps its indicator; an empty one has nothing to say.
    if (active.text.trim() === '') render();
  }

  const isOurs = (event: Event) => indicator !== null && event.composedPath().includes(indicator.host);

  // Every handler is guarded: a surprise in one page's DOM must never break the page's own code.
  const guard =
    <E extends Event>(handler: (event: E) => void) =>
    (event: E) => {
      if (stopped) return;
      try {
        handler(event);
      } catch (error) {
        if (error instanceof ContextInvalidated) stop();
      }
    };

  const listeners: Array<[string, (event: Event) => void]> = [
    [
      'focusin',
      guard((event: FocusEvent) => {
        if (isOurs(event)) return;
        const target = eventTarget(event);
        if (target) focusEditor(target);
      }) as (event: Event) => void,
    ],
    [
      'focusout',
      guard((event: FocusEvent) => {
        if (!active || isOurs(event)) return;
        if (!event.composedPath().includes(active.root)) return;
        const next = event.relatedTarget as Node | null;
        if (next && indicator && (next === indicator.host || indicator.host.contains(next))) return;
        blurActive();
      }) as (event: Event) => void,
    ],
    ['click', guard((event: Event) => publish.onClick(event.composedPath()))],
    [
      'keydown',
      guard((event: KeyboardEvent) => {
        // Focus is in the coached editor, so this key is typed there.
        if (active?.focused) active.noteKey();
        publish.onKeydown(event);
      }) as (event: Event) => void,
    ],
    [
      'submit',
      guard((event: Event) => {
        const form = eventTarget(event);
        if (form) publish.onSubmit(form);
      }),
    ],
  ];
  // Capture phase on window: we see each event before the page's own handlers and never stop it.
  for (const [type, listener] of listeners) win.addEventListener(type, listener, true);

  // Remove indicators left by an instance that could not clean up (an orphaned older version).
  for (const stale of Array.from(doc.querySelectorAll(INDICATOR_TAG))) stale.remove();

  const initial = deepActiveElement(doc);
  if (initial) focusEditor(initial);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    for (const [type, listener] of listeners) win.removeEventListener(type, listener, true);
    publish.dispose();
    for (const tracker of trackers.values()) tracker.dispose();
    trackers.clear();
    active = null;
    indicator?.destroy();
    indicator = null;
  }

  function refresh(): void {
    if (stopped) return;
    for (const tracker of [...trackers.values()]) {
      if (options.off?.(tracker.adapter.platform)) drop(tracker);
    }
    // Turned off: the indicator goes, not just hides; turned on: the focused editor is coached again.
    if (!active && indicator) {
      indicator.destroy();
      indicator = null;
    }
    const focused = deepActiveElement(doc);
    if (focused && !active) focusEditor(focused);
  }

  return { stop, refresh };
}
