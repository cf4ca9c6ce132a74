/** Length as a network counts it: links at a fixed weight, wide characters double on X. */
import { charCode } from './code-at.ts';
import type { Doc } from './features.ts';

const isNarrow = (c: number): boolean =>
  c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) || (c >= 0x2032 && c <= 0x2037);

/** A character that is not narrow (see isNarrow), or half of an astral one (most emoji). */
// eslint-disable-next-line no-control-regex -- the class starts at U+0000 on purpose: every narrow character
const WIDE = /[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]/;

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

export function measureLength(
  doc: Doc,
  limit: number,
  urlLength: number,
  doubleWide: boolean,
): { length: number; overflowAt: number } {
  const { text, tokens } = doc;
  // Most drafts hold no wide character (on X, none but emoji): their length is arithmetic (links
  // at their weight, every other code unit 1), and only one that crosses the limit needs the walk
  // below to find where it crosses.
  if (doubleWide ? unitsAreWidth(text) : !WIDE.test(text)) {
    let quick = text.length;
    if (urlLength > 0) for (const t of tokens) if (t.kind === 'url') quick += urlLength - (t.end - t.start);
    if (quick <= limit) return { length: quick, overflowAt: text.length };
  }
  let length = 0;
  let overflowAt = -1;
  let t = 0;
  let nextUrl = -1;
  const findUrl = (): void => {
    nextUrl = -1;
    if (urlLength <= 0) return;
    while (t < tokens.length && tokens[t]!.kind !== 'url') t++;
    if (t < tokens.length) nextUrl = tokens[t]!.start;
  };
  findUrl();
  for (let i = 0; i < text.length;) {
    const at = i;
    if (i === nextUrl) {
      length += urlLength;
      i = tokens[t]!.end;
      t++;
      findUrl();
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
    if (overflowAt < 0 && length > limit) overflowAt = at;
  }
  return { length, overflowAt: overflowAt < 0 ? text.length : overflowAt };
}
