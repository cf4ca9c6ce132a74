/**
 * The acceptance gate for a candidate pack, in the order security.md sets: Ed25519 signature over
 * the exact bytes (when the policy lists keys) → schema → regexes compile in re2js within caps →
 * the pack's own examples → version not older than the last accepted. The checks are the
 * engine's, the same `rapport pack validate|test|verify` run, so an admin's CLI and the worker
 * agree. Pure apart from WebCrypto: no storage, no network.
 */
import { compilePackText, isExpired, PackError, runExamples, type CompiledPack } from '../../engine/index.ts';
import { MAX_PACK_BYTES } from '../../engine/pack/schema.ts';
import { verifyBytes } from '../../shared/signing.ts';
import { compareVersions } from './version.ts';

export type SignatureState = 'verified' | 'not-required';

export interface Candidate {
  text: string;
  /** base64 detached signature, when one came with the pack. */
  signature: string | undefined;
}

export interface GateContext {
  publicKeys: readonly string[] | undefined;
  /** The pack an `extends: "default"` pack is laid over. */
  base: CompiledPack;
  /** Version of the last accepted pack (any source): an older one is a replay. */
  lastVersion: string | undefined;
  now: Date;
}

export type GateOutcome =
  | { ok: true; pack: CompiledPack; signature: SignatureState; expired: boolean }
  | { ok: false; reason: string };

const encoder = new TextEncoder();

export async function gatePack(candidate: Candidate, ctx: GateContext): Promise<GateOutcome> {
  const { text } = candidate;
  if (text.length > MAX_PACK_BYTES) {
    return { ok: false, reason: `too large: ${text.length} characters, the limit is ${MAX_PACK_BYTES}` };
  }
  let signature: SignatureState = 'not-required';
  if (ctx.publicKeys?.length) {
    if (!candidate.signature)
      return { ok: false, reason: 'unsigned: rulePackPublicKeys is set and the pack has no signature' };
    const bytes = encoder.encode(text);
    const sig = candidate.signature;
    const results = await Promise.all(ctx.publicKeys.map((key) => verifyBytes(bytes, sig, key)));
    if (!results.includes(true)) {
      return {
        ok: false,
        reason: 'bad signature: not signed by any of rulePackPublicKeys (tampered, or another key)',
      };
    }
    signature = 'verified';
  }
  let pack: CompiledPack;
  try {
    // Schema, then every rule's params and regexes (re2js, length-capped); examples next, on their own.
    pack = compilePackText(text, ctx.base, { skipExamples: true, allowExpired: true, now: ctx.now });
  } catch (error) {
    if (error instanceof PackError)
      return { ok: false, reason: `invalid: ${error.problems.slice(0, 3).join('; ')}` };
    return { ok: false, reason: `invalid: ${String(error)}` };
  }
  const failures = runExamples(pack);
  if (failures.length) {
    const f = failures[0]!;
    return {
      ok: false,
      reason: `examples fail: ${failures.length} of the pack's own examples, first ${f.rule} should ${f.expected === 'fire' ? 'fire' : 'pass'} on "${f.text.slice(0, 60)}"`,
    };
  }
  if (ctx.lastVersion !== undefined && compareVersions(pack.version, ctx.lastVersion) < 0) {
    return {
      ok: false,
      reason: `older version: ${pack.version} is older than ${ctx.lastVersion}, already accepted`,
    };
  }
  return { ok: true, pack, signature, expired: isExpired(pack.expires, ctx.now) };
}
