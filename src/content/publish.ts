/**
 * Publish detection: capture, then confirm. A click on the editor's submit control, Ctrl/Cmd+Enter,
 * Enter where the network posts on Enter, or a form submit snapshots the draft at that moment
 * (never preventing or stopping anything); only when the editor then empties or leaves the page
 * within a few seconds is it recorded as published. No confirmation: nothing is recorded.
 */
import type { PublishedRequest } from '../shared/messages.ts';
import type { Where } from './sites/index.ts';
import type { Tracker } from './track.ts';

export interface PublishOptions {
  trackers(): Iterable<Tracker>;
  send(request: PublishedRequest): Promise<unknown>;
  where(): Where;
  url(): string;
  /** Called once a publish is confirmed (a textarea emptied by script fires no event of its own). */
  onConfirmed?(tracker: Tracker): void;
  now?(): Date;
  confirmMs?: number;
  checkMs?: number;
}

interface Pending {
  text: string;
  request: Omit<PublishedRequest, 'at'>;
  deadline: number;
}

/** Elements that can be a submit control; a click elsewhere costs nothing. */
const CLICKABLE = 'button,[role="button"],input[type="submit"],a';
/** The same text confirmed twice this close together is one publish seen twice. */
const SAME_PUBLISH_MS = 10_000;

export function createPublishWatcher(options: PublishOptions) {
  const confirmMs = options.confirmMs ?? 4000;
  const checkMs = options.checkMs ?? 200;
  const now = options.now ?? (() => new Date());
  const pending = new Map<Tracker, Pending>();
  const lastSent = new WeakMap<Element, { text: string; at: number }>();
  let timer: ReturnType<typeof setInterval> | null = null;

  function trackerIn(path: readonly EventTarget[]): Tracker | null {
    for (const tracker of options.trackers()) if (path.includes(tracker.root)) return tracker;
    return null;
  }

  function capture(tracker: Tracker): void {
    if (pending.has(tracker)) return;
    const { text } = tracker.read();
    if (text.trim() === '') return;
    const classification = tracker.adapter.classify(tracker.root, options.where());
    if (classification.excluded) return;
    const request: Omit<PublishedRequest, 'at'> = {
      type: 'published',
      platform: classification.platform,
      kind: classification.kind,
      text,
      url: options.url().slice(0, 2048),
      ...(classification.parentAuthor ? { parentAuthor: classification.parentAuthor.slice(0, 300) } : {}),
      // The item this reply answers: the ledger then counts it as answered.
      ...(classification.to ? { to: classification.to.slice(0, 2048) } : {}),
    };
    pending.set(tracker, { text, request, deadline: Date.now() + confirmMs });
    timer ??= setInterval(check, checkMs);
  }

  function check(): void {
    for (const [tracker, entry] of pending) {
      const root = tracker.root;
      if (!root.isConnected || tracker.read().text.trim() === '') {
        pending.delete(tracker);
        confirm(root, entry);
        options.onConfirmed?.(tracker);
      } else if (Date.now() > entry.deadline) {
        pending.delete(tracker);
      }
    }
    if (pending.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  }

  function confirm(root: Element, entry: Pending): void {
    const previous = lastSent.get(root);
    if (previous && previous.text === entry.text && Date.now() - previous.at < SAME_PUBLISH_MS) return;
    lastSent.set(root, { text: entry.text, at: Date.now() });
    options.send({ ...entry.request, at: now().toISOString() }).catch(() => {
      // The worker was unreachable; a lost ledger line is better than a retry storm.
    });
  }

  return {
    onClick(path: readonly EventTarget[]): void {
      const clicked = path.filter((node): node is Element => isElement(node) && node.matches(CLICKABLE));
      if (clicked.length === 0) return;
      for (const tracker of options.trackers()) {
        const controls = tracker.adapter.submitControls(tracker.root);
        if (clicked.some((el) => controls.includes(el))) capture(tracker);
      }
    },
    onKeydown(event: KeyboardEvent): void {
      if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
      const tracker = trackerIn(event.composedPath());
      if (!tracker) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && tracker.adapter.modEnterPosts) capture(tracker);
      else if (
        !mod &&
        !event.shiftKey &&
        !event.altKey &&
        tracker.adapter.enterPosts(tracker.root, options.where())
      ) {
        capture(tracker);
      }
    },
    onSubmit(form: Element): void {
      for (const tracker of options.trackers()) if (form.contains(tracker.root)) capture(tracker);
    },
    /** Checks pending publishes now (a tracker just saw its editor empty or leave the page). */
    poke(): void {
      if (pending.size > 0) check();
    },
    /** Whether this editor has a publish waiting for confirmation (its tracker must live on). */
    isPending: (tracker: Tracker): boolean => pending.has(tracker),
    dispose(): void {
      pending.clear();
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}

export type PublishWatcher = ReturnType<typeof createPublishWatcher>;

function isElement(node: EventTarget): node is Element {
  return (node as Node).nodeType === 1;
}
