/**
 * text.charCodeAt(i), for an i known to be inside the text (past the end it is NaN, see codeAt).
 *
 * String.prototype.charCodeAt is called as itself rather than read off each string. The engine
 * meets strings of many representations (one- and two-byte, internalized or not, sliced, joined:
 * drafts, and the phrases a pack compiles), each with a hidden class of its own, so V8's caches at
 * `text.charCodeAt` went megamorphic: every read became a cache probe and a call to the builtin
 * (about a fifth of tokenizing, measured on the bench's drafts). Named in full at each call, the
 * target is one known function, which the optimiser turns into a plain load; held in a constant it
 * is not, as the bundler makes module constants `var`, which the optimiser does not fold.
 */
export const charCode = (text: string, i: number): number => String.prototype.charCodeAt.call(text, i);

/**
 * The char code at i, or 0 outside the text. Reads that may fall past either end go through here:
 * charCodeAt there gives NaN, and once V8's optimised code has met one it handles the reads around
 * it as doubles. Which reads meet one first depends on what the code read before (compiling a pack
 * tokenizes thousands of short phrases and scores its examples first), so a draft's speed came to
 * depend on that history. Measured on the bench's 280-character drafts after the default pack
 * compiled, the tokenizer took 8.3 µs a draft reading with charCodeAt and 5.7 µs with this.
 */
export const codeAt = (text: string, i: number): number =>
  i >= 0 && i < text.length ? String.prototype.charCodeAt.call(text, i) : 0;

/** An ASCII letter or digit, by its char code (codeAt's 0 past either end is neither). */
export const isAsciiAlnum = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
