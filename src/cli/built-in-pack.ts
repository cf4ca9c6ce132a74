/**
 * The built-in pack, validated. Run from source (tests, a stale build) it is validated here on
 * each call; the build (scripts/build-cli.js, through scripts/built-in-pack.js) replaces this
 * module with one holding the result computed at build time, and refuses a pack that fails it.
 */
import { defaultPackJson, validatePack, type LexiconImages, type ValidatedPack } from '../engine/index.ts';

/** A fresh copy each call: compiling keeps parts of it, and callers may compile it twice. */
export function builtInPack(): ValidatedPack {
  return validatePack(defaultPackJson);
}

/**
 * Images of the built-in pack's lexicon, which the build writes beside the bundle (see
 * lexicon-images.ts); none when run from source, where the lexicon files its phrases.
 */
export function builtInLexicon(): LexiconImages | undefined {
  return undefined;
}
