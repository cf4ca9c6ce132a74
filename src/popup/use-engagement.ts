/**
 * The popup's engagement state: the cached answer first (so the first paint has it), then the
 * worker's, refreshed while the popup stays open. "No reply needed" takes the item away at once and
 * asks the worker after; an answer that left before the change is ignored, so the item never
 * flickers back.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Engagement, WaitingItem } from '../shared/messages.ts';
import type { PopupConnector } from './connector.ts';

export interface EngagementState {
  engagement: Engagement | null;
  /** True once the worker has answered since the popup opened. */
  fresh: boolean;
  /** The worker could not answer (the cached answer, if any, stays on screen). */
  loadError: string | null;
  /** "No reply needed" failed; the item is back. */
  actionError: string | null;
}

export function useEngagement(connector: PopupConnector, initial: Engagement | null, refreshMs: number) {
  const [state, setState] = useState<EngagementState>({
    engagement: initial,
    fresh: false,
    loadError: null,
    actionError: null,
  });
  /** Bumped by every change the person makes; answers asked for before it are stale. */
  const generation = useRef(0);
  const alive = useRef(true);

  const load = useCallback(async () => {
    const asked = generation.current;
    const reply = await connector
      .getEngagement()
      .catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    if (!alive.current || asked !== generation.current) return;
    setState((prev) =>
      reply.ok
        ? { ...prev, engagement: reply.engagement, fresh: true, loadError: null }
        : { ...prev, loadError: reply.error },
    );
  }, [connector]);

  useEffect(() => {
    alive.current = true;
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [load, refreshMs]);

  // A cache that answered after the first paint still beats an empty section until the worker answers.
  useEffect(() => {
    if (initial) setState((prev) => (prev.engagement ? prev : { ...prev, engagement: initial }));
  }, [initial]);

  // The bench times the worker's answer on screen by this mark (the cached one is painted first).
  useEffect(() => {
    if (state.fresh && performance.getEntriesByName('rapport:fresh').length === 0) {
      performance.mark('rapport:fresh');
    }
  }, [state.fresh]);

  const close = useCallback(
    async (item: WaitingItem) => {
      generation.current += 1;
      setState((prev) => ({
        ...prev,
        actionError: null,
        engagement: prev.engagement && without(prev.engagement, item),
      }));
      const reply = await connector
        .noReplyNeeded(item.platform, item.id)
        .catch((error: unknown) => ({ ok: false as const, error: String(error) }));
      if (!reply.ok && alive.current) {
        setState((prev) => ({ ...prev, actionError: reply.error }));
      }
      // Either way the worker's answer is the truth (an item from beyond the list may move up).
      generation.current += 1;
      await load();
    },
    [connector, load],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    return load();
  }, [load]);

  return { state, close, reload };
}

function without(engagement: Engagement, item: WaitingItem): Engagement {
  const waiting = engagement.waiting.filter((w) => !(w.id === item.id && w.platform === item.platform));
  return { ...engagement, waiting, total: engagement.total - (engagement.waiting.length - waiting.length) };
}
