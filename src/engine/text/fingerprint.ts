/**
 * A near-duplicate fingerprint: the text's word trigrams (shingles), hashed to 30 bits, and only
 * the smallest FINGERPRINT_SIZE of those hashes kept (a bottom-k sketch). The ledger keeps this
 * instead of the text; two sketches estimate the Jaccard similarity of the texts, exactly when
 * both texts have fewer trigrams than that (about 130 words), within a few points above it.
 */
import { charCode } from './code-at.ts';
import { tokenize, type Token } from './tokenize.ts';

export const FINGERPRINT_SIZE = 128;

/** Sorted, distinct 30-bit hashes; at most FINGERPRINT_SIZE of them. */
export type Fingerprint = Uint32Array;

/** FNV-1a of one word. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ charCode(word, i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's block step and finaliser: an ordered mix, so "a b c" and "b a c" differ. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * The finaliser, kept to 30 bits: V8 holds such numbers as small integers, so the index's lookups
 * neither box nor hash doubles; among a few hundred thousand trigrams, collisions stay negligible.
 */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 2;
}

/** The words compared: links, mentions and hashtags are left out, they change between networks. */
function words(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (const t of tokens) {
    if (
      t.kind === 'word' ||
      t.kind === 'number' ||
      t.kind === 'price' ||
      t.kind === 'percent' ||
      t.kind === 'discount'
    ) {
      out.push(wordHash(t.norm));
    }
  }
  return out;
}

export function fingerprint(source: string | readonly Token[]): Fingerprint {
  const hashes = words(typeof source === 'string' ? tokenize(source) : source);
  if (hashes.length === 0) return new Uint32Array(0);
  let all: Uint32Array;
  if (hashes.length < 3) {
    // A text of one or two words is one shingle of all its words.
    all = Uint32Array.of(finish(hashes.reduce((h, w) => mix(h, w), hashes.length)));
  } else {
    all = new Uint32Array(hashes.length - 2);
    for (let i = 0; i + 2 < hashes.length; i++) {
      all[i] = finish(mix(mix(mix(3, hashes[i]!), hashes[i + 1]!), hashes[i + 2]!));
    }
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length && n < FINGERPRINT_SIZE; i++)
    if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/**
 * Estimated Jaccard similarity of the texts behind two fingerprints. Exact when neither sketch is
 * full (each holds all its text's trigrams); otherwise the bottom-k estimate, read only up to the
 * largest hash a full sketch still vouches for.
 */
export function resemblance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const fullA = a.length >= FINGERPRINT_SIZE;
  const fullB = b.length >= FINGERPRINT_SIZE;
  const limit = Math.min(fullA ? a[a.length - 1]! : Infinity, fullB ? b[b.length - 1]! : Infinity);
  const cap = fullA || fullB ? FINGERPRINT_SIZE : Infinity;
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < cap) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const next = Math.min(x, y);
    if (next > limit || next === Infinity) break;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return taken === 0 ? 0 : both / taken;
}
