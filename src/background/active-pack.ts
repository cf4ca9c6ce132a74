/**
 * The rule pack the worker scores with: the admin's accepted pack once the pack keeper
 * (src/background/pack/keeper.ts) has put it in place, else the built-in default, compiled on
 * first use rather than at start-up so waking the worker for other events stays cheap. The score
 * handler and the ledger (which flags a published item as promotional once, when it is recorded)
 * share it. A swap replaces one reference: there is never a moment without a pack.
 */
import {
  compilePack,
  defaultPackJson,
  isPromotional,
  type CompiledPack,
  type Draft,
} from '../engine/index.ts';

/** How long a draft waits at worker start for the stored admin pack before the default scores it. */
const LOAD_WAIT_MS = 1000;

let builtIn: CompiledPack | undefined;
let installed: CompiledPack | undefined;
let loaded: Promise<unknown> = Promise.resolve();

export function builtInPack(): CompiledPack {
  builtIn ??= compilePack(defaultPackJson);
  return builtIn;
}

export function activePack(): CompiledPack {
  return installed ?? builtInPack();
}

/** Makes `pack` the active one from the next draft on; undefined goes back to the built-in pack. */
export function installPack(pack: CompiledPack | undefined): void {
  installed = pack;
}

/** The worker's start-up read of the stored pack: drafts wait for it (a little) in `loadedPack`. */
export function awaitPackLoad(load: Promise<unknown>): void {
  loaded = load.catch(() => undefined);
}

/**
 * The active pack once the stored one is in place, so the first draft after the worker wakes is
 * not scored with the default by mistake; a load that hangs does not hold scoring up for long.
 */
export async function loadedPack(): Promise<CompiledPack> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([loaded, new Promise((resolve) => (timer = setTimeout(resolve, LOAD_WAIT_MS)))]);
  clearTimeout(timer);
  return activePack();
}

/** The active pack's verdict on a published text (undefined when the pack has no classifier). */
export function classifyPublished(draft: Draft): boolean | undefined {
  return isPromotional(activePack(), draft);
}
