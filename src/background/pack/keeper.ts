/**
 * The shared pack's keeper: at start it puts the last-known-good pack back in place, then follows
 * the policy (`rulePackUrl`, else the inline `rulePack`), fetching the URL on an alarm with ETag
 * and back-off, and swaps in each candidate the gate accepts. Scoring never waits for any of it:
 * it reads whatever pack is active (src/background/active-pack.ts).
 *
 * Runs are serialised: a policy change reported twice, an alarm and a "check now" never overlap.
 */
import { compilePackText, isExpired, type CompiledPack } from '../../engine/index.ts';
import type { PackInfo } from '../../shared/messages.ts';
import type { Policy } from '../../shared/policy.ts';
import { nextDelay } from './backoff.ts';
import { FetchFailure, TooLarge, fetchPack, type FetchFn } from './fetch-pack.ts';
import { gatePack, type Candidate } from './gate.ts';
import {
  ACCEPTED_KEY,
  SYNC_KEY,
  readAccepted,
  readSync,
  type AcceptedPack,
  type PackStorage,
  type SyncState,
} from './state.ts';

export interface PackKeeperDeps {
  storage: PackStorage;
  policy: () => Promise<Policy>;
  fetch: FetchFn;
  now: () => Date;
  /** Wake the worker at this time (ms since epoch) to check again: an alarm. */
  schedule: (when: number) => void;
  /** The built-in pack, compiled: the fallback, and what `extends: "default"` packs extend. */
  base: () => CompiledPack;
  /** Makes `pack` (or the built-in one, on undefined) the one drafts are scored with. */
  install: (pack: CompiledPack | undefined) => void;
}

export interface PackKeeper {
  /** Puts the stored pack in place; resolves once drafts score with it. */
  load(): Promise<void>;
  /** Checks the policy's pack now (`force`: also a URL not yet due, as "Check now" does). */
  sync(options?: { force?: boolean }): Promise<void>;
  info(): Promise<PackInfo>;
}

export function createPackKeeper(deps: PackKeeperDeps): PackKeeper {
  let chain: Promise<void> = Promise.resolve();
  let active: { record: AcceptedPack; pack: CompiledPack } | undefined;
  let loadError: string | undefined;
  let loaded: Promise<void> = Promise.resolve();

  const serial = (run: () => Promise<void>): Promise<void> => {
    const next = chain.then(run, run);
    chain = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<void> {
    const record = await readAccepted(deps.storage).catch(() => undefined);
    if (!record) return deps.install(undefined);
    try {
      // Its examples passed when it was accepted; an expired pack keeps working.
      const pack = compilePackText(record.text, deps.base(), { skipExamples: true, allowExpired: true });
      active = { record, pack };
      deps.install(pack);
    } catch (error) {
      // A stored pack this build cannot compile (an engine change): the built-in pack scores.
      loadError = `the stored pack ${record.name} ${record.version} no longer compiles: ${(error as Error).message}`;
      deps.install(undefined);
    }
  }

  async function writeSync(state: SyncState): Promise<void> {
    await deps.storage.set({ [SYNC_KEY]: state });
  }

  async function consider(
    candidate: Candidate,
    source: AcceptedPack['source'],
    policy: Policy,
    state: SyncState,
  ): Promise<SyncState> {
    const now = deps.now();
    const current = await readAccepted(deps.storage);
    if (current?.source === source && current.text === candidate.text) {
      return { ...state, refused: false, lastError: undefined };
    }
    const outcome = await gatePack(candidate, {
      publicKeys: policy.rulePackPublicKeys,
      base: deps.base(),
      lastVersion: current?.version,
      now,
    });
    if (!outcome.ok) return { ...state, refused: true, lastError: `refused: ${outcome.reason}` };
    const record: AcceptedPack = {
      text: candidate.text,
      source,
      name: outcome.pack.name,
      version: outcome.pack.version,
      signature: outcome.signature,
      acceptedAt: now.toISOString(),
    };
    // One write holds the body and what it is: the swap is atomic in storage.
    await deps.storage.set({ [ACCEPTED_KEY]: record });
    active = { record, pack: outcome.pack };
    loadError = undefined;
    deps.install(outcome.pack);
    return { ...state, refused: false, lastError: undefined };
  }

  async function run(force: boolean): Promise<void> {
    const policy = await deps.policy();
    let state = await readSync(deps.storage);
    const now = deps.now();
    const url = policy.rulePackUrl;
    if (url) {
      const due = state.nextTry === undefined ? 0 : Date.parse(state.nextTry);
      if (!force && due > now.getTime()) return deps.schedule(due);
      const etag = state.etagUrl === url ? state.etag : undefined;
      state = { ...state, lastCheck: now.toISOString() };
      try {
        const fetched = await fetchPack(deps.fetch, url, etag, Boolean(policy.rulePackPublicKeys?.length));
        state = { ...state, failures: 0 };
        if (fetched.status === 'not-modified') {
          // The cached body is what we already judged: its verdict stands.
        } else {
          state = await consider(fetched, 'url', policy, {
            ...state,
            etag: fetched.etag,
            etagUrl: fetched.etag === undefined ? undefined : url,
          });
        }
      } catch (error) {
        if (error instanceof TooLarge) {
          state = {
            ...state,
            failures: 0,
            refused: true,
            lastError: `refused: ${error.message}`,
            etag: undefined,
          };
        } else if (error instanceof FetchFailure) {
          state = { ...state, failures: state.failures + 1, lastError: error.message };
        } else throw error;
      }
      const when = now.getTime() + nextDelay(state.failures);
      state = { ...state, nextTry: new Date(when).toISOString() };
      await writeSync(state);
      deps.schedule(when);
      return;
    }
    if (policy.rulePack !== undefined) {
      state = { ...state, lastCheck: now.toISOString() };
      state = await consider(
        { text: policy.rulePack, signature: policy.rulePackSignature },
        'policy',
        policy,
        state,
      );
      await writeSync(state);
    }
    // No pack in the policy (or an empty, broken managed area): the last accepted pack stays.
  }

  async function info(): Promise<PackInfo> {
    // At worker start, answer with the stored pack rather than the default it is replacing.
    await loaded;
    const state = await readSync(deps.storage);
    const lastError = state.lastError ?? loadError;
    const common = {
      ...(state.lastCheck ? { lastCheck: state.lastCheck } : {}),
      ...(lastError ? { lastError: lastError.slice(0, 2000) } : {}),
    };
    if (!active) {
      const base = deps.base();
      return {
        source: 'default',
        name: base.name,
        version: base.version,
        status: state.refused ? 'refused' : 'ok',
        signature: 'none',
        ...common,
      };
    }
    const { record, pack } = active;
    const expired = isExpired(pack.expires, deps.now());
    return {
      source: record.source,
      name: pack.name,
      version: pack.version,
      status: state.refused ? 'refused' : expired ? 'expired' : 'ok',
      signature: record.signature,
      ...(pack.expires ? { expires: pack.expires } : {}),
      ...common,
    };
  }

  return {
    load: () => (loaded = serial(load).catch(() => undefined)),
    sync: (options = {}) => serial(() => run(options.force ?? false)),
    info,
  };
}
