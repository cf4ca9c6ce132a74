/**
 * A testimonial that opens a draft: a quotation signed with a name ("“Best cut I've had.” — Aisha",
 * "„Das erste Müsli, das meine Kinder essen.“ – Sandra aus Freiburg"). A customer's word for the
 * product states nothing of the poster's own: the clauses rules count its clauses as neither side,
 * and a short post that is a testimonial and a link is an ad however plainly it is worded.
 */
import { codeAt, isAsciiAlnum } from './code-at.ts';
import type { Token } from './tokenize.ts';

// A quotation mark that opens a testimonial, and one that closes it: narrower than quoteOnly's
// marks in features.ts, which also take apostrophes and Japanese brackets (an apostrophe opens
// no signed quotation, and a Japanese testimonial is not signed with a dash).
const OPENS = new Set([...'"“„«']);
const CLOSES = /["”“»]/;
// After the closing mark: a dash, then a capitalised name ("— Aisha", "– Dr. Lee, 41").
const SIGNATURE = /^\s*[—–-]{1,2}\s*\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The last clause of a testimonial that opens the draft, its signature included; -1 when the
 * draft opens with none. Emoji before the quotation mark may lead it. `clause` is each token's
 * clause (Doc.clause).
 */
export function testimonialEnd(text: string, tokens: readonly Token[], clause: readonly number[]): number {
  // Most drafts open with an ASCII letter or digit, so with no quotation: settled without the
  // set and the expression below, which this asks of every draft.
  if (isAsciiAlnum(codeAt(text, 0))) return -1;
  let open = 0;
  while (open < text.length && !OPENS.has(text[open]!) && !LETTER_OR_DIGIT.test(text[open]!)) open++;
  if (!OPENS.has(text[open] ?? '')) return -1;
  const close = text.slice(open + 1, open + 600).search(CLOSES);
  if (close < 0) return -1;
  const after = open + 1 + close + 1;
  const signature = SIGNATURE.exec(text.slice(after, after + 12));
  if (!signature) return -1;
  // The clause of the name's first word: the quotation's clauses and the signature's end there.
  const name = after + signature[0].length - 1;
  let last = -1;
  tokens.forEach((t, k) => {
    if (t.start <= name) last = clause[k]!;
  });
  return last;
}
