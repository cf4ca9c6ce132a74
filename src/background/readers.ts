/**
 * Reads comments waiting for an answer only where the person already is: when a tab finishes
 * loading a network's page (or a single-page app moves to one), the worker injects that network's
 * reader into the tab's top frame, at most once per page view and only when the gate allows.
 * Nothing runs in the background and nothing polls. Browser APIs come in as a narrow interface
 * so tests use fakes.
 */
import type { ReaderGate } from './reader-gate.ts';
import { readerFile, readerFor, type ReaderId } from './reader-pages.ts';

export interface ReaderApis {
  /** The Mastodon instances the person added (hosts). */
  instances(): Promise<string[]>;
  /** Runs a built reader file in the tab's top frame. */
  inject(tabId: number, file: string): Promise<void>;
  gate: Pick<ReaderGate, 'tryStart' | 'giveBack'>;
  /**
   * The tab as it is now. A new URL reported while the tab still says "complete" is a
   * single-page app's move only if the tab still says so when asked: Chromium can report the
   * URL of a full navigation a moment before it reports the load, and a reader injected then
   * lands in a document on its way out.
   */
  tab?(tabId: number): Promise<{ url?: string; status?: string } | undefined>;
  /** False for a network the person turned off (`sites.<id>`): its reader is not injected. */
  enabled?(id: ReaderId): boolean | Promise<boolean>;
  now?(): number;
  /** Where a reader that could not be injected is named (the worker's console). */
  log?(message: string, error: unknown): void;
  /** The wait before a failed injection's first retry (tests set 0). */
  retryMs?: number;
}

/** The two update events of one navigation (the URL, then "complete") are one page view. */
const SAME_VIEW_MS = 3000;

export interface TabChange {
  status?: string;
  url?: string;
}

/** How long a failed injection waits before its first retry (each later one waits longer). */
const RETRY_MS = 250;
/** Injections tried per page view, at most. */
export const INJECT_TRIES = 4;

export function createReaderTrigger(apis: ReaderApis) {
  const now = apis.now ?? Date.now;
  const retryMs = apis.retryMs ?? RETRY_MS;
  const log = apis.log ?? ((message: string, error: unknown) => console.warn(message, error));
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** True when the tab, asked, shows `url` loaded. */
  const showing = async (tabId: number, url: string) => {
    const current = apis.tab ? await apis.tab(tabId).catch(() => undefined) : undefined;
    return current?.status === 'complete' && current.url === url;
  };
  /** Per tab, the last page view: its URL, when it was reported, and whether it was reported again. */
  const lastView = new Map<number, { url: string; at: number; again: boolean }>();

  /** Resolves with the reader injected, or null. */
  async function onUpdated(
    tabId: number,
    change: TabChange,
    tab: { url?: string; status?: string },
  ): Promise<ReaderId | null> {
    // A full load reports "complete"; a single-page app's move reports only its new URL.
    const url =
      change.status === 'complete'
        ? tab.url
        : change.url && tab.status === 'complete'
          ? change.url
          : undefined;
    if (!url) return null;
    const previous = lastView.get(tabId);
    if (previous?.url === url && now() - previous.at < SAME_VIEW_MS) {
      // Taken for a repeat, but noted: a view still asking whether its load is over takes this
      // report as the answer (tabs.get can answer from before it).
      previous.again = true;
      return null;
    }
    const view = { url, at: now(), again: false };
    lastView.set(tabId, view);
    // This view did not read after all: the next report of the page is not taken for a repeat.
    const forget = () => {
      if (lastView.get(tabId) === view) lastView.delete(tabId);
    };
    const id = readerFor(url, await apis.instances());
    if (!id || (apis.enabled && !(await apis.enabled(id)))) return null;
    // A load under way: its "complete" is the page view, unless that came while the tab was asked.
    if (change.status !== 'complete' && apis.tab && !(await showing(tabId, url)) && !view.again) {
      forget();
      return null;
    }
    if (!(await apis.gate.tryStart(id))) return null;
    for (let tries = 1; ; tries++) {
      try {
        await apis.inject(tabId, readerFile(id));
        return id;
      } catch (error) {
        // Tried again, a moment later, while the tab still holds this page and either the page was
        // reported again meanwhile (its load completed while this try went into the document
        // before it, and that report was taken for a repeat of this view or found the read
        // started) or the tab, asked, shows it loaded (a frame swapped under the try). A busy
        // machine can need more than one retry.
        const current = lastView.get(tabId);
        const reported = view.again || (current !== undefined && current !== view);
        view.again = false;
        if (tries < INJECT_TRIES && current?.url === url && (reported || (await showing(tabId, url)))) {
          await pause(retryMs * tries);
          continue;
        }
        // The tab closed or navigated away, or the host was not granted: nothing was read, so the
        // read is not counted, and the next report of this page (or the next page view) reads.
        log(`Rapport: comments not read: the ${id} reader could not run in the page.`, error);
        if (lastView.get(tabId)?.url === url) lastView.delete(tabId);
        await apis.gate.giveBack(id);
        return null;
      }
    }
  }

  return {
    onUpdated,
    onRemoved(tabId: number): void {
      lastView.delete(tabId);
    },
  };
}
