/**
 * The admin's managed policy as the worker keeps it: read from `storage.managed`, re-validated key
 * by key (src/shared/policy.ts: Chrome drops bad keys silently, Firefox validates nothing), kept
 * in memory, and cached in storage.local so a worker that starts reads the last good policy at once
 * instead of waiting on the managed area (slow, or absent: Firefox rejects with "Managed storage
 * manifest not found" and Chrome without a policy may reject too).
 *
 * What is never lost: an empty or unreadable managed area keeps the whole cached policy (a policy
 * file with a syntax error reads as `{}` in Chromium), and a key whose new value is broken keeps
 * its last good value while the problem is named. A key the admin removes from a non-empty policy
 * is removed. The content script reads the cache too (src/content/sites-off.ts): `disabledSites`.
 */
import * as z from 'zod/mini';
import { POLICY_CACHE_KEY, readPolicy, type Policy, type PolicyProblem } from '../shared/policy.ts';
import type { StorageAreaLike, StorageChangedLike } from '../shared/settings-store.ts';

export { POLICY_CACHE_KEY };

export interface PolicyState {
  policy: Policy;
  /** Keys the admin set that are not in effect (or kept at their last good value), and why. */
  problems: PolicyProblem[];
}

export interface ManagedAreaLike {
  get(): Promise<Record<string, unknown>>;
}

export interface PolicyKeeper {
  /** The policy once known: the cache or the managed area, whichever answers first (≤ READ_WAIT_MS). */
  get(): Promise<PolicyState>;
  /** What is known now without waiting (empty before the first read). */
  latest(): PolicyState;
  /** Calls back when the policy in effect changes (not for a repeated event); returns a stop. */
  watch(cb: (state: PolicyState) => void): () => void;
  /** Reads the managed area again (what a `managed` storage change does). */
  refresh(): Promise<boolean>;
}

export const READ_WAIT_MS = 1000;
/** When an empty first read of the managed area is tried again (ms after the one before). */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];

const Problems = z.array(z.object({ key: z.string(), reason: z.string() })).check(z.maxLength(32));
const Cache = z.object({ policy: z.unknown(), problems: Problems });

const EMPTY: PolicyState = { policy: {}, problems: [] };

/** The new reading, with each broken key kept at its value from the state before. */
function merge(before: Policy, raw: Record<string, unknown>): PolicyState {
  const { policy, problems } = readPolicy(raw);
  const kept: Record<string, unknown> = { ...policy };
  for (const { key } of problems) {
    const last = (before as Record<string, unknown>)[key];
    if (last !== undefined) kept[key] = last;
  }
  return { policy: kept as Policy, problems };
}

export function keepPolicy(deps: {
  managed: ManagedAreaLike | undefined;
  local: StorageAreaLike;
  onChanged: StorageChangedLike;
  log?: (message: string, error?: unknown) => void;
  retryDelays?: number[];
}): PolicyKeeper {
  const retryDelays = deps.retryDelays ?? RETRY_DELAYS_MS;
  const log = deps.log ?? ((message, error) => console.warn(`Rapport: ${message}`, error ?? ''));
  let current: PolicyState | undefined;
  const watchers = new Set<(state: PolicyState) => void>();

  const adopt = (next: PolicyState, store: boolean) => {
    if (current && JSON.stringify(current) === JSON.stringify(next)) return;
    current = next;
    if (store)
      void deps.local.set({ [POLICY_CACHE_KEY]: next }).catch((e: unknown) => log('policy not cached', e));
    for (const cb of watchers) cb(next);
  };

  const cacheRead = deps.local.get(POLICY_CACHE_KEY).then(
    (got) => {
      const parsed = Cache.safeParse(got[POLICY_CACHE_KEY]);
      // The managed area may have answered first: it is newer.
      if (parsed.success && !current)
        adopt({ policy: readPolicy(parsed.data.policy).policy, problems: parsed.data.problems }, false);
    },
    (error: unknown) => log('policy cache not read', error),
  );

  // One read at a time, in order: Chromium sends a change twice, and the second read must not
  // overtake the first. Each read takes the whole area afresh, so a repeat changes nothing.
  let queue: Promise<void> = Promise.resolve();
  /** Reads the area; false when it was empty or unreadable (nothing adopted). */
  const readManaged = async (): Promise<boolean> => {
    let raw: Record<string, unknown>;
    try {
      if (!deps.managed) return false;
      raw = await deps.managed.get();
    } catch {
      return false; // no policy configured (or none readable): the cache stands
    }
    await cacheRead;
    if (typeof raw !== 'object' || raw === null || Object.keys(raw).length === 0) return false;
    adopt(merge(current?.policy ?? {}, raw), true);
    return true;
  };
  const refresh = (): Promise<boolean> => {
    const run = queue.then(readManaged, readManaged);
    queue = run.then(() => undefined);
    return run;
  };

  deps.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refresh();
  });
  const first = refresh();
  // Chromium fills the managed area a second or two after a browser starts, without a change event
  // (seen with a policy file present from the start: the worker's first read was {} and stayed so
  // until read again). An empty first read is tried again, less and less often, for about a minute;
  // later changes arrive as events.
  void first.then(async (found) => {
    for (const delay of retryDelays) {
      if (found) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      found = await refresh();
    }
  });
  // Ready when either source has answered: the cache (when it held a policy) or the managed area.
  const ready = Promise.race([cacheRead.then(() => (current ? undefined : first)), first]);

  return {
    get: () =>
      current
        ? Promise.resolve(current)
        : Promise.race([
            ready.then(() => current ?? EMPTY),
            new Promise<PolicyState>((resolve) => setTimeout(() => resolve(current ?? EMPTY), READ_WAIT_MS)),
          ]),
    latest: () => current ?? EMPTY,
    watch(cb) {
      watchers.add(cb);
      return () => void watchers.delete(cb);
    },
    refresh,
  };
}
