/** Length as a network counts it: links at a fixed weight, wide characters double on X. */
import type { Doc } from './features.ts';

const isNarrow = (cp: number): boolean =>
  cp <= 0x10ff ||
  (cp >= 0x2000 && cp <= 0x200d) ||
  (cp >= 0x2010 && cp <= 0x201f) ||
  (cp >= 0x2032 && cp <= 0x2037);

export function measureLength(
  doc: Doc,
  limit: number,
  urlLength: number,
  doubleWide: boolean,
): { length: number; overflowAt: number } {
  const { text } = doc;
  // URL ranges in order, so the character walk can jump over them.
  const urls = urlLength > 0 ? doc.tokens.filter((t) => t.kind === 'url') : [];
  let u = 0;
  let length = 0;
  let overflowAt = -1;
  for (let i = 0; i < text.length;) {
    const url = urls[u];
    if (url && i === url.start) {
      length += urlLength;
      i = url.end;
      u++;
    } else {
      const cp = text.codePointAt(i) ?? 0;
      length += doubleWide && !isNarrow(cp) ? 2 : 1;
      i += cp > 0xffff ? 2 : 1;
    }
    if (overflowAt < 0 && length > limit) overflowAt = i - 1;
  }
  return { length, overflowAt: overflowAt < 0 ? text.length : overflowAt };
}
