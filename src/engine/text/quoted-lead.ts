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
/** How far a quotation or a "re:" naming may run before it is not a lead but the reply itself. */
const MAX_QUOTE_CHARS = 600;
const MAX_NAMING_CHARS = 80;

/**
 * Up to four words and a colon before the quotation ("Marcus wrote:", "Linda's review:", "Zu
 * deiner Frage:"), or none. Anchored at the scan position by the sticky flag.
 */
const LABEL = /(?:[^\s:"“„«「『‘@]+[ \t]+){0,3}[^\s:"“„«「『‘@]+[ \t]*:[ \t]*\n*\s*/y;
/** The handles a reply opens with, and the spaces and commas between them. */
const MENTIONS = /\s*(?:@[\w.@-]+[\s,:]*)*/y;
/** "re:" or "re " naming what is answered, up to a colon, an ellipsis or a dash that ends the naming. */
const NAMING = /re(?::[ \t]*|[ \t]+)([^:…\n]{3,80}?)(?::|…|\.\.\.|[ \t][-–—][ \t])/iy;

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/** Whether the quoted text is a message (a sentence), not a quoted term. */
function isSentence(quoted: string): boolean {
  let cjk = 0;
  for (let k = 0; k < quoted.length; k++) if (isCjk(quoted.charCodeAt(k))) cjk++;
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
  if (NAMING.test(text)) {
    const end = NAMING.lastIndex;
    return end - start <= MAX_NAMING_CHARS + 5 && /\S/.test(text.slice(end)) ? [start, end] : null;
  }
  let open = start;
  if (!(text[open] ?? '') || !(text[open]! in CLOSERS)) {
    LABEL.lastIndex = start;
    if (!LABEL.test(text)) return null;
    open = LABEL.lastIndex;
  }
  const closers = CLOSERS[text[open] ?? ''];
  if (closers === undefined) return null;
  const limit = Math.min(text.length, open + 1 + MAX_QUOTE_CHARS);
  let close = -1;
  for (let k = open + 1; k < limit; k++) {
    if (closers.includes(text[k]!)) {
      close = k;
      break;
    }
  }
  if (close < 0 || !isSentence(text.slice(open + 1, close))) return null;
  const end = close + 1;
  return /[\p{L}\p{N}]/u.test(text.slice(end)) ? [start, end] : null;
}

/** The text with the span blanked: spaces in place of every character but line breaks. */
export function blankSpan(text: string, [start, end]: readonly [number, number]): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}
