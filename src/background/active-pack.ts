/**
 * The rule pack the worker scores with, compiled on first use rather than at start-up, so waking
 * the worker for other events stays cheap. The score handler and the ledger (which flags a
 * published item as promotional once, when it is recorded) share it.
 */
import {
  compilePack,
  defaultPackJson,
  isPromotional,
  type CompiledPack,
  type Draft,
} from '../engine/index.ts';

let pack: CompiledPack | undefined;

export function activePack(): CompiledPack {
  pack ??= compilePack(defaultPackJson);
  return pack;
}

/** The active pack's verdict on a published text (undefined when the pack has no classifier). */
export function classifyPublished(draft: Draft): boolean | undefined {
  return isPromotional(activePack(), draft);
}
