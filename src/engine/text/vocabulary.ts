/**
 * The words the engine knows (function words, and every word a compiled pack names), each held
 * as one canonical string. The tokenizer finds a word here straight from the draft's characters,
 * hashing them as it scans, so a known word costs no slice, no lower-casing and no string hash;
 * and since the maps that classify words are keyed by these same string objects, their lookups
 * compare by identity. Unknown words take the ordinary path and are never added.
 *
 * One table for the process: packs add their words as they compile. It only caches spellings
 * (results never depend on it), and it stops growing at a cap so a stream of packs cannot make
 * it unbounded.
 */

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
  for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
  return h;
}

class Vocabulary {
  private slots = new Int32Array(1 << 14);
  /**
   * Each slot's word hash beside it: a probe that meets another word is told apart by the next
   * four bytes of memory, not by a read of the word list elsewhere in the heap. The only copy of
   * the hashes: growing re-places each word from its old slot.
   */
  private slotHashes = new Int32Array(1 << 14);
  private readonly words: string[] = [];

  /** The canonical string for `word` (adding it when it fits the fast path), or `word` itself. */
  intern(word: string): string {
    if (!INTERNABLE.test(word)) return word;
    const h = hashOf(word);
    const known = this.findId(word, 0, word.length, h);
    if (known >= 0) return this.words[known]!;
    if (this.words.length >= MAX_WORDS) return word;
    if ((this.words.length + 1) * 2 > this.slots.length) this.grow();
    this.words.push(word);
    this.place(this.words.length - 1, h);
    return word;
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
    const slots = this.slots;
    const slotHashes = this.slotHashes;
    const mask = slots.length - 1;
    const length = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = slots[s]! - 1;
      if (id < 0) return -1;
      if (slotHashes[s] !== h) continue;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && fold(text.charCodeAt(start + k)) === word.charCodeAt(k)) k++;
      if (k === length) return id;
    }
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
    this.slotHashes[s] = h;
  }

  private grow(): void {
    const { slots, slotHashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.slotHashes = new Int32Array(this.slots.length);
    for (let s = 0; s < slots.length; s++) if (slots[s] !== 0) this.place(slots[s]! - 1, slotHashes[s]!);
  }
}

export const VOCABULARY = new Vocabulary();
