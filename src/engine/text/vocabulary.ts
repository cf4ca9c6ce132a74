/**
 * The words the engine knows (function words, and every word a compiled pack names), each held
 * as one canonical string. The tokenizer finds a word here straight from the draft's characters,
 * hashing them as it scans, so a known word costs no slice, no lower-casing and no string hash;
 * and since the maps that classify words are keyed by these same string objects, their lookups
 * compare by identity. Unknown words take the ordinary path and are never added.
 *
 * One table for the process: packs add their words as they compile. It only caches spellings
 * (results depend on it only through a 64-bit hash match, see checkStep), and it stops growing at
 * a cap so a stream of packs cannot make it unbounded.
 */

import { charCode } from './code-at.ts';

/** Room for every word of many packs; past it, new words simply stay off the fast path. */
const MAX_WORDS = 1 << 17;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A word the fast path can hold: lower-case ASCII letters and digits, inner apostrophes and dashes. */
const INTERNABLE = /^[a-z][a-z0-9'-]*$/;

/** Whether the tokenizer would look this word up (every ASCII word it makes is such a word). */
export function internable(word: string): boolean {
  return INTERNABLE.test(word);
}

/** One step of the hash over a character already folded (see `fold`). */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

export const HASH_START = FNV_OFFSET;

/** A draft character as the word's normal form has it: ASCII lower case, ’ as '. */
export function fold(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  return c === 0x2019 ? 39 : c;
}

/** A token's id for a word looked up and not found among the vocabulary's first `size` words. */
export function unknownId(size: number): number {
  return -2 - size;
}

/**
 * True when a token's id says its word is none of the vocabulary's first `size` words, where a
 * table made when the vocabulary had `size` words holds only vocabulary words. A table that holds
 * words the vocabulary could not take (past its cap) passes -1: then nothing is ruled out.
 */
export function knownAbsent(id: number, size: number): boolean {
  return size >= 0 && id <= -2 && -2 - id >= size;
}

/** The hash the tokenizer builds while scanning, for a word already in normal form. */
function hashOf(word: string): number {
  let h = HASH_START;
  for (let k = 0; k < word.length; k++) h = hashStep(h, charCode(word, k));
  return h;
}

/**
 * The second hash a probe checks: a word is taken as known when its length and both hashes (64
 * bits) match. Add-multiply-shift, unlike FNV's xor-multiply, so the two do not collide together:
 * an unknown word passes for one of the n known ones with odds of about n in 2^64 (for the
 * default pack's five thousand words, about one in 4·10^15). vocabulary.test.ts checks
 * every word of the development drafts.
 */
export const CHECK_START = 0x3c6ef372 | 0;
/** One step of the second hash over a character already folded (see `fold`). */
export function checkStep(v: number, c: number): number {
  const x = Math.imul(v + c, 0x9e3779b1);
  return x ^ (x >>> 15);
}
function checkOf(word: string): number {
  let v = CHECK_START;
  for (let k = 0; k < word.length; k++) v = checkStep(v, charCode(word, k));
  return v;
}

/**
 * A slot's four numbers, side by side in `table`: its word's id + 1 (0 for an empty slot), hash,
 * second hash and length. Four, so that `s << 2` below finds slot s.
 */
const SLOT = 4;

export class Vocabulary {
  /**
   * The open-addressing table, SLOT numbers a slot: a probe reads one slot's numbers from one
   * place in memory, and tells a word apart by them alone, never by reading the word's string
   * elsewhere in the heap (a cache miss a known word). The only copy of the hashes: growing
   * re-places each word from its old slot.
   */
  private table = new Int32Array(SLOT << 14);
  private readonly words: string[] = [];

  /** The canonical string for `word` (adding it when it fits the fast path), or `word` itself. */
  intern(word: string): string {
    const id = this.internId(word);
    return id >= 0 ? this.words[id]! : word;
  }

  /**
   * The id of `word`, added when it fits the fast path, or -1 when it cannot join (the same id
   * `idOf(intern(word))` gives, with one hash and one probe instead of two: compiling a pack
   * interns every word of its phrases, on every worker start and CLI call).
   */
  internId(word: string): number {
    if (!INTERNABLE.test(word)) return -1;
    const h = hashOf(word);
    const known = this.findId(word, 0, word.length, h);
    if (known >= 0) return known;
    if (this.words.length >= MAX_WORDS) return -1;
    if ((this.words.length + 1) * 2 * SLOT > this.table.length) this.grow();
    this.words.push(word);
    this.place(this.words.length - 1, h, checkOf(word), word.length);
    return this.words.length - 1;
  }

  /** Its words by id and its table: an image of it, for a lexicon's (see LexiconImage). */
  image(): { words: string[]; table: Int32Array } {
    return { words: [...this.words], table: this.table.slice() };
  }

  /**
   * Takes up an image made by `image()` where this vocabulary's words are the image's first ones,
   * in order (or the image's words are its first ones): it then holds the image's words with the
   * same ids, as interning them in order would leave it, without hashing a word. False, and
   * nothing changed, otherwise.
   */
  takeUp(words: readonly string[], table: Int32Array): boolean {
    const held = this.words.length;
    for (let id = 0; id < held && id < words.length; id++) if (this.words[id] !== words[id]) return false;
    if (words.length <= held) return true;
    // The same words interned in the same order place every word in the same slot: the table is
    // the one interning them here would make.
    for (let id = held; id < words.length; id++) this.words.push(words[id]!);
    this.table = table.slice();
    return true;
  }

  /** How many words it holds: ids run from 0 to size - 1. */
  get size(): number {
    return this.words.length;
  }

  /** The word with this id. */
  word(id: number): string {
    return this.words[id]!;
  }

  /** The id of a word, or -1. */
  idOf(word: string): number {
    return this.findId(word, 0, word.length, hashOf(word));
  }

  /** The id of the word spelled by text[start, end) once folded, whose hash is `h`, or -1. */
  findId(text: string, start: number, end: number, h: number): number {
    let v = CHECK_START;
    for (let k = start; k < end; k++) v = checkStep(v, fold(charCode(text, k)));
    return this.findHashed(h, v, end - start);
  }

  /**
   * The id of a word of this length whose hash is `h` and second hash (see checkStep) `v`, or -1:
   * the tokenizer builds both while reading the word, so a word is found with no second pass over
   * its letters.
   */
  findHashed(h: number, v: number, length: number): number {
    const table = this.table;
    const mask = (table.length >> 2) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = s << 2;
      const id = table[at]! - 1;
      if (id < 0) return -1;
      if (table[at + 1] === h && table[at + 3] === length && table[at + 2] === v) return id;
    }
  }

  private place(id: number, h: number, check: number, length: number): void {
    const table = this.table;
    const mask = (table.length >> 2) - 1;
    let s = h & mask;
    while (table[s << 2] !== 0) s = (s + 1) & mask;
    const at = s << 2;
    table[at] = id + 1;
    table[at + 1] = h;
    table[at + 2] = check;
    table[at + 3] = length;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at] !== 0) this.place(old[at]! - 1, old[at + 1]!, old[at + 2]!, old[at + 3]!);
  }
}

export const VOCABULARY = new Vocabulary();
