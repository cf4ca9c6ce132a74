// STUB — being replaced by the real scorer.
import type { CompiledPack } from './pack/compile.ts';
import type { CheckOptions, CheckResult, Draft } from './types.ts';
export function check(_draft: Draft, _pack: CompiledPack, _opts: CheckOptions = {}): CheckResult {
  return { score: 100, band: 'good', nudges: [], all: [], notes: [], truncated: false };
}
