/**
 * The message a reply answers, when the reply opens by quoting it or naming it: `@dana "Third
 * outage this week…" Hi Dana, …`, `Marcus wrote: „…“ …`, `re: the late parcel… we know`. Those
 * words are the other person's, not the writer's: counted as the writer's, a customer's detailed
 * complaint gave a cheerful non-answer ("Happy Friday everyone!") all the specific words and the
 * question it needed to read as saying something. `check` reads a reply or comment with this span
 * blanked (offsets stay put), so the nudges weigh only what the writer adds.
 *
 * Only a lead: a quotation later in a reply is the writer's own (citing a manual, a price list).
 * Only a sentence: a quoted term of one or two words ("“100% natural” on a label means…") is the
 * writer's subject, not a message. Never the whole draft: a reply that is only a quotation is
 * left as it is.
 */
import { charCode } from './code-at.ts';
import { isCjk } from './tokenize.ts';

/** The closing marks each opening mark takes (German opens „ and closes “ or ”). */
const CLOSERS: Readonly<Record<string, string>> = {
  '"': '"',
  '“': '”',
  '„': '“”',
  '«': '»',
  '「': '」',
  '『': '』',
  '‘': '’',
};

/** A quoted message is a sentence: this many words at least (a CJK quotation, this many characters). */
const MIN_WORDS = 3;
const MIN_CJK_CHARS = 6;
/** How far a quotation may run before it is not a lead but the reply itself. */
const MAX_QUOTE_CHARS = 600;

/**
 * Up to four words and a colon before the quotation ("Marcus wrote:", "Linda's review:", "Zu
 * deiner Frage:"), or none. Anchored at the scan position by the sticky flag.
 */
const LABEL = /(?:[^\s:"“„«「『‘@]+[ \t]+){0,3}[^\s:"“„«「『‘@]+[ \t]*:[ \t]*\n*\s*/y;
/** The handles a reply opens with, and the spaces and commas between them. */
const MENTIONS = /\s*(?:@[\w.@-]+[\s,:]*)*/y;
/**
 * "re:" or "re " naming what is answered in at most 80 characters, up to the colon, ellipsis or
 * dash that ends the naming.
 */
const NAMING = /re(?::[ \t]*|[ \t]+)[^:…\n]{3,80}?(?::|…|\.\.\.|[ \t][-–—][ \t])/iy;
/** Something of the writer's after the lead (searched from the lead's end, no copy of the rest). */
const WRITER_WORD = /[\p{L}\p{N}]/gu;

/** The closing marks for an opening mark at i, or undefined where none opens there. */
function closersAt(text: string, i: number): string | undefined {
  const c = text[i];
  return c !== undefined && Object.hasOwn(CLOSERS, c) ? CLOSERS[c] : undefined;
}

function writerFollows(text: string, end: number): boolean {
  WRITER_WORD.lastIndex = end;
  return WRITER_WORD.test(text);
}

/** Whether the quoted text is a message (a sentence), not a quoted term. */
function isSentence(quoted: string): boolean {
  let cjk = 0;
  for (let k = 0; k < quoted.length; k++) if (isCjk(charCode(quoted, k))) cjk++;
  if (cjk >= MIN_CJK_CHARS) return true;
  return quoted.trim().split(/\s+/).length >= MIN_WORDS;
}

/**
 * The span [start, end) of the quoted or named message a reply opens with, or null. `end` is past
 * the closing mark (or the colon, ellipsis or dash of a naming); something of the writer's follows.
 */
export function quotedLead(text: string): [start: number, end: number] | null {
  MENTIONS.lastIndex = 0;
  MENTIONS.test(text);
  const start = MENTIONS.lastIndex;
  NAMING.lastIndex = start;
  if (NAMING.test(text)) return writerFollows(text, NAMING.lastIndex) ? [start, NAMING.lastIndex] : null;
  let open = start;
  if (closersAt(text, open) === undefined) {
    LABEL.lastIndex = start;
    if (!LABEL.test(text)) return null;
    open = LABEL.lastIndex;
  }
  const closers = closersAt(text, open);
  if (closers === undefined) return null;
  const limit = Math.min(text.length, open + 1 + MAX_QUOTE_CHARS);
  let close = open + 1;
  while (close < limit && !closers.includes(text[close]!)) close++;
  if (close >= limit || !isSentence(text.slice(open + 1, close))) return null;
  return writerFollows(text, close + 1) ? [start, close + 1] : null;
}

/** The text with the span blanked: spaces in place of every character but line breaks. */
export function blankSpan(text: string, [start, end]: readonly [number, number]): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}
