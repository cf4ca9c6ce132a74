/** Length as a network counts it: links at a fixed weight, wide characters double on X. */
import { charCode } from './code-at.ts';
import type { Doc } from './features.ts';

const isNarrow = (c: number): boolean =>
  c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) || (c >= 0x2032 && c <= 0x2037);

/** Where a character that may be wide starts: every narrow one is below it but a few punctuation marks. */
const MAYBE_WIDE = /[\u1100-\uffff]/g;

/**
 * Whether, on a network that counts wide characters double, the draft is as long as its UTF-16
 * length: it holds no wide character but astral ones (most emoji: two code units, counted two)
 * and no lone surrogate. A search finds the first character past U+10FF (most drafts hold few,
 * many none), and a loop reads on from there: the class needs the `u` flag to tell a pair from a
 * lone half, and V8 ran that several times slower than this.
 */
function unitsAreWidth(text: string): boolean {
  MAYBE_WIDE.lastIndex = 0;
  const first = MAYBE_WIDE.exec(text);
  if (first === null) return true;
  const n = text.length;
  for (let i = first.index; i < n; i++) {
    const c = charCode(text, i);
    if (c <= 0x10ff) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      // Bounded here: a read past the end (NaN) sends V8's optimised loop to its slow path.
      const d = i + 1 < n ? charCode(text, i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return false;
    }
    if (!isNarrow(c)) return false;
  }
  return true;
}

/** A surrogate half: found by a search, which runs through a draft several times faster than a loop. */
const SURROGATE = /[\ud800-\udfff]/g;

/**
 * The length on a network that counts every character as one (links at `urlLength` when set), as
 * the walk in measureLength counts it: each code unit one, a surrogate pair one, a link its
 * weight. -1 when that needs the walk: a lone surrogate half, or one inside a weighed link. Most
 * drafts of any length hold an emoji, or a "…" or "€" past the narrow range, and were walked
 * character by character for a sum that only their surrogate pairs change.
 */
function narrowLength(text: string, tokens: Doc['tokens'], urlLength: number): number {
  let length = text.length;
  if (urlLength > 0) for (const t of tokens) if (t.kind === 'url') length += urlLength - (t.end - t.start);
  SURROGATE.lastIndex = 0;
  // The next weighed link from here on (see urlFrom), to tell a pair inside one.
  let u = urlLength > 0 ? urlFrom(tokens, 0) : tokens.length;
  for (let m = SURROGATE.exec(text); m !== null; m = SURROGATE.exec(text)) {
    const k = m.index;
    const d = k + 1 < text.length ? charCode(text, k + 1) : 0;
    // A low half here has no high one before it (a pair's low half is stepped over below).
    if (charCode(text, k) >= 0xdc00 || d < 0xdc00 || d > 0xdfff) return -1;
    while (u < tokens.length && tokens[u]!.end <= k) u = urlFrom(tokens, u + 1);
    if (u < tokens.length && tokens[u]!.start <= k) return -1;
    length--;
    SURROGATE.lastIndex = k + 2;
  }
  return length;
}

/** The index of the first link token from t on, or tokens.length. */
function urlFrom(tokens: Doc['tokens'], t: number): number {
  let k = t;
  while (k < tokens.length && tokens[k]!.kind !== 'url') k++;
  return k;
}

export function measureLength(
  doc: Doc,
  limit: number,
  urlLength: number,
  doubleWide: boolean,
): { length: number; overflowAt: number } {
  const { text, tokens } = doc;
  // Most drafts have a length that is arithmetic (links at their weight; on X, no wide character
  // but emoji, each code unit 1; elsewhere each code unit 1 but a surrogate pair's second), and
  // only one that crosses the limit needs the walk below to find where it crosses.
  let quick = -1;
  if (!doubleWide) quick = narrowLength(text, tokens, urlLength);
  else if (unitsAreWidth(text)) {
    quick = text.length;
    if (urlLength > 0) for (const t of tokens) if (t.kind === 'url') quick += urlLength - (t.end - t.start);
  }
  if (quick >= 0 && quick <= limit) return { length: quick, overflowAt: text.length };
  // With the length known (quick), the walk below stops where it crosses the limit: a long draft
  // over a short network's limit is walked a limit's worth, not to its end.
  let length = 0;
  let overflowAt = -1;
  // The next link's token and where it starts (-1 for none, or when links count as they are).
  // Plain variables, not ones a helper closure shares: those live in memory, read and written on
  // every character of a long draft.
  let t = urlLength > 0 ? urlFrom(tokens, 0) : tokens.length;
  let nextUrl = t < tokens.length ? tokens[t]!.start : -1;
  const n = text.length;
  for (let i = 0; i < n;) {
    const at = i;
    if (i === nextUrl) {
      length += urlLength;
      i = tokens[t]!.end;
      t = urlFrom(tokens, t + 1);
      nextUrl = t < tokens.length ? tokens[t]!.start : -1;
    } else {
      const c = charCode(text, i);
      if (c >= 0xd800 && c <= 0xdbff) {
        // An astral character (most emoji): one character, wide where the network says so.
        length += doubleWide ? 2 : 1;
        i += 2;
      } else {
        length += doubleWide && !isNarrow(c) ? 2 : 1;
        i++;
      }
    }
    // The first character (or link) that crosses the limit, never half of a surrogate pair.
    if (overflowAt < 0 && length > limit) {
      overflowAt = at;
      if (quick >= 0) return { length: quick, overflowAt };
    }
  }
  return { length, overflowAt: overflowAt < 0 ? text.length : overflowAt };
}
