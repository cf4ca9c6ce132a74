/**
 * One pass over the draft that turns social text into tokens. URLs, @mentions, #hashtags,
 * $cashtags, prices, percentages and emoji become tokens of their own, so that no detector
 * ever mistakes "@shop" for a call to shop or "#sale" inside a URL for an offer.
 *
 * Hand-written over char codes: this runs on every debounced keystroke and must stay linear.
 */

import { charCode, codeAt } from './code-at.ts';
import { CHECK_START, checkStep, fold, hashStep, HASH_START, unknownId, VOCABULARY } from './vocabulary.ts';

export type TokenKind =
  | 'word'
  | 'url'
  | 'email'
  | 'phone'
  | 'mention'
  | 'hashtag'
  | 'cashtag'
  | 'emoji'
  | 'number'
  | 'price'
  | 'percent'
  | 'discount'
  | 'punct';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Lower-cased form used for matching; kind placeholders for numbers ("<price>", …). */
  norm: string;
  /** The first word-like token of a sentence or of a clause after a colon. */
  sentenceStart: boolean;
  /** Started with an upper-case letter (proper nouns mid-sentence carry specifics). */
  capital: boolean;
  /**
   * A word's id in the vocabulary (vocabulary.ts): tables indexed by it skip a map lookup. -1 when
   * the word was not looked up (not ASCII, or not a word); -2 - n when it was looked up and was
   * not among the vocabulary's first n words, so it is in no table made from those.
   */
  id: number;
}

const LETTER = /\p{L}|\p{M}/u;
const PICTO = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/**
 * Whether the code point at i is a pictograph. Asked for every symbol past U+2190 (arrows, emoji,
 * dingbats): the answers are kept per code point, so a draft of emoji runs the expression once a
 * kind of emoji, not once an emoji. Few code points are symbols; the bound is a guard.
 */
const pictoSeen = new Map<number, boolean>();
function isPictoAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  if (cp === undefined) return false;
  let known = pictoSeen.get(cp);
  if (known === undefined) {
    known = PICTO.test(String.fromCodePoint(cp));
    if (pictoSeen.size >= 4096) pictoSeen.clear();
    pictoSeen.set(cp, known);
  }
  return known;
}
// A bare domain: a well-known suffix (the generic ones, country codes, and "example", which
// sample addresses use), or any suffix of letters when a path follows ("library.example/summer"),
// since "word.word/" is an address in any language. Not "no", a word in too many languages.
// Its path ends where any link does (see linkEnd).
const DOMAIN =
  /[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:(?:com|org|net|io|co|app|dev|ly|shop|store|me|ai|gg|tv|us|uk|de|fr|eu|info|biz|social|link|example|in|ca|au|nz|za|es|it|nl|br|mx|jp|ch|at|be|ie|pt|pl|se|dk|fi|cl|pe|ar|ph|sg|ke|ng|gh|zw|online|site)(?![a-z0-9-])|[a-z]{2,24}(?=\/[^\s/]))(?:\/[^\s]*)?/iy;
// Currencies written with letters: "R1,200" (rand: three digits or a thousands group, so a road
// "R35" or "R2-D2" stays a word),
// "Rs 500", "Rp 25.000", "RM 45", "S/ 89", ISO codes before the amount ("CHF 45", "USD 1,200"), and
// the dollars and reals that put letters before the sign ("R$ 390", "US$ 1,200", "A$45", "NZ$ 80"):
// read from the letters, so "custa R$ 390" is "custa <price>" and not a word "R" before one.
const ISO_CURRENCIES =
  'USD|EUR|GBP|CHF|INR|AUD|CAD|NZD|SGD|MXN|BRL|ZAR|JPY|KES|NGN|PHP|HKD|SEK|NOK|DKK|PLN|AED|UGX|TZS|RWF|GHS|EGP|ETB|XOF|XAF|IDR|VND|THB|MYR|CNY|KRW|CZK|HUF|ARS|CLP|UYU|SAR|QAR|ILS';
const LETTER_CURRENCY = new RegExp(
  `(?:R(?=\\d{3}|\\d[,.]\\d{3})|R[sp]\\.? ?|RM ?|S\\/ ?|[A-Z]{1,2}\\$ ?|(?:${ISO_CURRENCIES}) ?)(?=\\d)`,
  'y',
);
// …and after it ("45 CHF", "200 kr", "30 zł"); not PHP there, where "5 PHP devs" means the language.
const CURRENCY_AFTER = new RegExp(`(?:${ISO_CURRENCIES.replace('|PHP', '')}|kr|zł)(?![\\p{L}\\d])`, 'uy');
/** Currency signs: $, £, ¥, the Currency Symbols block (€ ₹ ₱ ₦ ₩ ₺ ₽ ₫ ₪ …) and ฿. */
const isCurrencySign = (c: number): boolean =>
  c === 36 || c === 0xa3 || c === 0xa5 || (c >= 0x20a0 && c <= 0x20cf) || c === 0x0e3f;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A space, or the no-break spaces that French and German put before units. */
const isSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f;
/** Where a unit after a number starts: right after it, or after one space ("15 %", "39 €"). */
const unitAt = (text: string, j: number): number => (isSpace(codeAt(text, j)) ? j + 1 : j);
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** A lower-case ASCII letter that no letter currency has second ("Rs", "Rp" have s and p). */
const isPlainLower = (c: number): boolean => c >= 97 && c <= 122 && c !== 115 && c !== 112;
/** Kana, CJK ideographs and Hangul: scripts written with no spaces between words. */
export const isCjk = (c: number): boolean =>
  (c >= 0x3040 && c <= 0x30ff) ||
  (c >= 0x3400 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) ||
  (c >= 0xf900 && c <= 0xfaff);

/**
 * Where an address ends: at a space, or at CJK text, which sets no space after a link
 * ("…（city.example.jp/hazard）で、自宅が…"): a CJK character, CJK punctuation (、。「」) or a
 * full-width form (（）！？). Read on, the link would swallow the sentences after it.
 */
const endsUrl = (c: number): boolean =>
  c <= 32 || isCjk(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);

/** The end of a link starting at i, read no further than `to` (see endsUrl). */
function linkEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && !endsUrl(codeAt(text, j))) j++;
  return j;
}

/**
 * LETTER's answer per UTF-16 code unit: 0 not asked yet, 1 a letter or mark, 2 neither. The
 * expression reads one code unit (a surrogate half alone is neither), so its answer for a code unit
 * never changes. Asked of every character past U+00BF that a scan meets (an apostrophe ’, a dash,
 * an emoji's halves, every letter of a word in Greek or Cyrillic), where each answer took a
 * one-character string and a run of the expression. One table for the process, made once.
 */
const LETTER_SEEN = new Uint8Array(0x10000);
function isLetterCode(text: string, i: number, c: number): boolean {
  let known = LETTER_SEEN[c]!;
  if (known === 0) LETTER_SEEN[c] = known = LETTER.test(text[i]!) ? 1 : 2;
  return known === 1;
}

// Both are asked about positions past either end ("is a letter after this full stop?"): codeAt
// reads 0 there, which is neither a letter nor a digit, so the answer is false.
function isLetterAt(text: string, i: number): boolean {
  const c = codeAt(text, i);
  if (isAsciiLetter(c)) return true;
  if (c < 0xc0) return false;
  return isLetterCode(text, i, c);
}

/** A letter (any script) or a digit at i; false past either end. */
export function isWordChar(text: string, i: number): boolean {
  const c = codeAt(text, i);
  return isDigit(c) || isAsciiLetter(c) || (c >= 0xc0 && isLetterCode(text, i, c));
}

/**
 * The end of a telephone number starting at i ("+44 20 7946 0958", "(312) 555-0148", "083 555 0177",
 * "05 61 00 00 00"), or -1: groups of digits joined by one space, dash or dot, 9 to 15 digits in
 * all, with two groups of three or more digits or, opening with 0 or +, five groups (so
 * "2014–2018", a date, a price or "10 12 14 16 18" sizes stay numbers); or a local number of
 * seven digits (see localNumber).
 */
function phoneEnd(text: string, i: number): number {
  let j = i;
  if (codeAt(text, j) === 43 /* + */) j++;
  let digits = 0;
  let groups = 0;
  let long = 0;
  let end: number;
  for (;;) {
    const paren = codeAt(text, j) === 40; /* ( */
    if (paren) j++;
    const start = j;
    while (isDigit(codeAt(text, j))) j++;
    const n = j - start;
    if (n === 0 || n > 6) return -1;
    if (paren) {
      if (codeAt(text, j) !== 41 /* ) */) return -1;
      j++;
    }
    digits += n;
    groups++;
    if (n >= 3) long++;
    end = j;
    if (digits > 15) return -1;
    const sep = codeAt(text, j);
    const after = codeAt(text, j + 1);
    if ((sep === 32 || sep === 45 || sep === 46) && (isDigit(after) || after === 40)) j++;
    else if (paren && isDigit(sep)) continue;
    else break;
  }
  // Five short groups only in the French way, opening with 0 or +: "05 61 00 00 00", not sizes.
  const c = codeAt(text, i);
  if (digits >= 9 && (long >= 2 || (groups >= 5 && (c === 48 || c === 43)))) return end;
  return localNumber(text, i, end) ? end : -1;
}

/**
 * A North American local number, "555-0142" or "555.0142": three digits opening with 2 to 9, a
 * dash or a dot, four digits, and nothing more. Not a range ("500-1000 words"): its second group
 * ends in two zeros. Read as a phone, "Call 555-0142" is a way to reach the shop, not a figure.
 */
function localNumber(text: string, i: number, end: number): boolean {
  if (end !== i + 8) return false;
  const c = codeAt(text, i);
  const sep = codeAt(text, i + 3);
  if (c < 50 || c > 57 || (sep !== 45 && sep !== 46)) return false;
  return !(codeAt(text, end - 1) === 48 && codeAt(text, end - 2) === 48);
}

const EMAIL_DOMAIN = /@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/uy;

/**
 * text[start, end) in lower case, as `text.slice(start, end).toLowerCase()` gives it, with no
 * second copy when nothing needs lowering (no ASCII capital, nothing past ASCII): most tags, links
 * and handles. A draft with an emoji is a two-byte string, and so is every slice of it, where
 * toLowerCase leaves V8's fast path and costs several times the slice itself.
 */
function lowered(text: string, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = charCode(text, k);
    if ((c >= 65 && c <= 90) || c >= 128) return text.slice(start, end).toLowerCase();
  }
  return text.slice(start, end);
}

/** "_", "." or "-": inside a handle ("@jo_ann.b-k") they join its parts. */
const isHandleJoiner = (c: number): boolean => c === 95 || c === 46 || c === 45;

/** Punctuation a link may not end on (it closes the sentence around it): . , ! ? : ; ) ] } " ' ’ ». */
const trailsUrl = (c: number): boolean =>
  c === 46 ||
  c === 44 ||
  c === 33 ||
  c === 63 ||
  c === 58 ||
  c === 59 ||
  c === 41 ||
  c === 93 ||
  c === 125 ||
  c === 34 ||
  c === 39 ||
  c === 0x2019 ||
  c === 0xbb;

/**
 * The end of the link text[i, end) once the punctuation after it is cut (see trailsUrl), read
 * backwards over char codes: no slice of the whole address and no expression over it.
 */
function urlEnd(text: string, i: number, end: number): number {
  let e = end;
  while (e > i && trailsUrl(charCode(text, e - 1))) e--;
  return e;
}

/**
 * Whether the address text[start, end) holds a control (see isControl): its scan steps over what
 * the main loop would have seen.
 */
function controlIn(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isControl(charCode(text, k))) return true;
  return false;
}

/** "http://", "https://" or "www." at i, in any case, without allocating. */
function urlStarts(text: string, i: number): boolean {
  // No closure here: this runs for every word that starts with h or w.
  const c0 = codeAt(text, i) | 32;
  if (c0 === 119)
    return (
      (codeAt(text, i + 1) | 32) === 119 && (codeAt(text, i + 2) | 32) === 119 && codeAt(text, i + 3) === 46
    );
  if (
    c0 !== 104 ||
    (codeAt(text, i + 1) | 32) !== 116 ||
    (codeAt(text, i + 2) | 32) !== 116 ||
    (codeAt(text, i + 3) | 32) !== 112
  )
    return false;
  const k = (codeAt(text, i + 4) | 32) === 115 ? 5 : 4;
  return codeAt(text, i + k) === 58 && codeAt(text, i + k + 1) === 47 && codeAt(text, i + k + 2) === 47;
}

function codePointLength(text: string, i: number): number {
  const c = codeAt(text, i);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/** A rightward arrow of those people point with: →, ⇒, ➜, ⟶, ⟹. */
export function isPointingArrow(c: number): boolean {
  return c === 0x2192 || c === 0x21d2 || c === 0x279c || c === 0x27f6 || c === 0x27f9;
}

/**
 * Whether the character at i is a plain arrow pointing at a link ("→ shop.example/x", "⇒ https://…"):
 * no pictograph, yet it does what 👉 does there, so it is a token a pack can name as 👉 is. An
 * arrow before anything else (a bullet, "Lisbon → Porto", "2,980円→1,490円") stays dropped, as
 * before: only the pointing needs it. Rightward arrows only.
 */
function pointsAtLink(text: string, i: number, c: number): boolean {
  if (!isPointingArrow(c)) return false;
  let k = i + 1;
  while (codeAt(text, k) === 32) k++;
  if (urlStarts(text, k)) return true;
  DOMAIN.lastIndex = k;
  return DOMAIN.test(text);
}

/** Emoji sequences: a pictograph plus variation selectors, skin tones and ZWJ-joined parts. */
function emojiEnd(text: string, i: number): number {
  let j = i + codePointLength(text, i);
  for (;;) {
    const c = codeAt(text, j);
    if (c === 0xfe0f || c === 0x20e3) j += 1;
    else if (c === 0xd83c && codeAt(text, j + 1) >= 0xdffb && codeAt(text, j + 1) <= 0xdfff) j += 2;
    else if (c === 0x200d && isPictoAt(text, j + 1)) {
      j += 1 + codePointLength(text, j + 1);
    } else if (c >= 0xd83c && isPictoAt(text, j)) {
      // Regional-indicator pairs (flags) are two pictographs in a row.
      const cp = text.codePointAt(j) ?? 0;
      const prev = text.codePointAt(i) ?? 0;
      if (cp >= 0x1f1e6 && cp <= 0x1f1ff && prev >= 0x1f1e6 && prev <= 0x1f1ff && j - i === 2) j += 2;
      else return j;
    } else return j;
  }
}

/**
 * The end of a list number at i ("1. ", "12) " at the start of a line), or -1. Its full stop is
 * no sentence end and its number informs no one; the item after it opens a clause as a bullet's does.
 */
function listMarkerEnd(text: string, i: number): number {
  let j = i + 1;
  if (isDigit(codeAt(text, j))) j++;
  const p = codeAt(text, j);
  if ((p !== 46 && p !== 41) || !isSpace(codeAt(text, j + 1))) return -1;
  let k = i - 1;
  while (k >= 0 && (codeAt(text, k) === 32 || codeAt(text, k) === 9)) k--;
  return k < 0 || codeAt(text, k) === 10 ? j + 1 : -1;
}

/** The end of an amount from i: the number, and a "k" or "M" right after it ("$10k", "€1.5M"). */
function amountEnd(text: string, i: number): number {
  const j = numberEnd(text, i);
  // "k", "K", "m" or "M": folded to lower case by its char code, no one-letter string to test.
  const unit = codeAt(text, j) | 32;
  return (unit === 107 || unit === 109) && !isLetterAt(text, j + 1) ? j + 1 : j;
}

/**
 * Units of measure that follow a figure with no space in product copy, in lower case. Not "k"
 * (thousands, see THOUSANDS), "x" (see MULTIBUY) or the ordinal and time endings ("2nd", "9am").
 */
const UNITS: ReadonlySet<string> = new Set(
  'kg g mg ml cl l mm cm km kwh wh hp ps nm gb tb mb hz ghz mah w kw v mp oz lb lbs fps rpm ah lm db mph kmh'.split(
    ' ',
  ),
);

/**
 * Whether text[start, end), the letters right after a figure's digits, is a unit of measure:
 * one of UNITS in any case but a capital "G" alone, which after a digit names a mobile network.
 */
function attachedUnit(text: string, start: number, end: number): boolean {
  if (end - start > 3) return false;
  if (end === start + 1 && codeAt(text, start) === 71 /* G */) return false;
  return UNITS.has(text.slice(start, end).toLowerCase());
}

/** The form of a number token written in thousands ("10k"); a pack names it as "<number>k". */
export const THOUSANDS = '<number>k';

/**
 * The form of a multi-buy deal ("2x1", "3x2": take more, pay for fewer), as shops write it in
 * Spanish, Portuguese and Italian above all; a pack names it as "<number>x<number>". Only a
 * single digit over a smaller one: "4x4", "2x4" and "1920x1080" are vehicles, timber and screens.
 */
export const MULTIBUY = '<number>x<number>';

/** The forms a number token can take besides "<number>": a pack names each one as written here. */
export const NUMBER_FORMS: ReadonlySet<string> = new Set([THOUSANDS, MULTIBUY]);

/** The form of the number token text[i, end) whose digits end at digitsEnd. */
function numberForm(text: string, i: number, digitsEnd: number, end: number): string {
  if (end === digitsEnd + 1 && (codeAt(text, digitsEnd) | 32) === 107) return THOUSANDS;
  if (end === i + 3 && digitsEnd === i + 1 && (codeAt(text, i + 1) | 32) === 120) {
    const take = codeAt(text, i);
    const pay = codeAt(text, i + 2);
    if (pay >= 49 && pay < take) return MULTIBUY;
  }
  return '<number>';
}

function numberEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = codeAt(text, j);
    if (isDigit(c)) j++;
    else if ((c === 44 || c === 46) && isDigit(codeAt(text, j + 1))) j += 2;
    else break;
  }
  return j;
}

/**
 * Titles and address words that take a full stop inside a sentence ("Dr. Yilmaz", "Hauptstr. 12",
 * "Tel. 0301…"), in the languages the default pack reads; a street name ending in "str" is one too.
 * Not "ms", which ends many a sentence as milliseconds ("down to 40 ms. Then…").
 */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'prof',
  'st',
  'tel',
  'nr',
  'str',
  'sr',
  'sra',
  'dra',
  'av',
  'avda',
  'mme',
  'approx',
  'ca',
  'inkl',
  'bzw',
  'ggf',
  'evtl',
  'vs',
]);

/**
 * Whether the full stop at i, with a space after it, sits inside a sentence: after an abbreviation,
 * or after a number when a lower-case word follows (the German and Scandinavian dates and ordinals
 * of "vom 24.12. bis 1.1. geschlossen"). A sentence after a number opens with a capital or a digit.
 */
function notSentenceEnd(text: string, i: number, last: Token | undefined): boolean {
  if (!last || last.end !== i) return false;
  if (last.kind === 'word')
    return ABBREVIATIONS.has(last.norm) || (last.norm.length > 4 && last.norm.endsWith('str'));
  if (last.kind !== 'number') return false;
  const next = codeAt(text, i + 2);
  return next >= 97 && next <= 122;
}

/** Whether the last token is a word of one or two letters that ends at i ("B" of "B.Tech"). */
function initialBefore(last: Token | undefined, i: number): boolean {
  return last !== undefined && last.kind === 'word' && last.end === i && last.end - last.start <= 2;
}

/** Whether "in" or "innen" starts at i and ends a word: the German ending of a two-gender noun. */
function genderEnding(text: string, i: number): boolean {
  if (codeAt(text, i + 1) !== 110) return false;
  const end = text.startsWith('nen', i + 2) ? i + 5 : i + 2;
  return !isLetterAt(text, end);
}

/** What one tokenisation saw besides its tokens (filled in when passed to `tokenize`). */
export interface TokenizeReport {
  /**
   * The text holds a C0 or C1 control other than tab and newline, or a line or paragraph
   * separator. The scan meets every character anyway, so it answers this for free where a
   * separate pass over a long draft cost about a twentieth of scoring it.
   */
  controls: boolean;
}

/**
 * The controls a draft is read without: C0 and C1 controls other than tab and newline, and the
 * line and paragraph separators. `check` turns each into a space (offsets stay put); the
 * tokenizer reports whether it met any (see TokenizeReport). One class, two forms.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const isControl = (c: number): boolean =>
  (c < 32 && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;

export function tokenize(text: string, report?: TokenizeReport): Token[] {
  const tokens: Token[] = [];
  let atStart = true;
  const n = text.length;
  let i = 0;
  const push = (
    kind: TokenKind,
    start: number,
    end: number,
    norm: string,
    capital = false,
    id = -1,
  ): void => {
    if (kind === 'punct') {
      tokens.push({ kind, start, end, norm, sentenceStart: false, capital, id });
      if (norm === '.' || norm === '!' || norm === '?' || norm === '\n' || norm === ':') atStart = true;
      return;
    }
    // Emoji in front of a sentence do not start it: the first word after them does. Nor do the
    // handles a reply opens with ("@mariko Yes, you can…"): they address, the sentence follows.
    if (kind === 'emoji' || (kind === 'mention' && atStart)) {
      tokens.push({ kind, start, end, norm, sentenceStart: false, capital, id });
      return;
    }
    tokens.push({ kind, start, end, norm, sentenceStart: atStart, capital, id });
    atStart = false;
  };

  while (i < n) {
    // Read in place rather than through codeAt: this function is too big for V8 to inline every
    // helper into, and a call per character was about a tenth of tokenizing. The bounds are
    // checked here as codeAt checks them, so no read meets NaN.
    const c = charCode(text, i);
    // Most tokens are words opening with a lower-case letter, which none of the kinds below can
    // start but a URL ("https://", "www."): they go straight to the word scan after this block.
    scan: {
      if (c >= 97 && c <= 122 && c !== 104 && c !== 119) break scan;
      if (c === 10) {
        const last = tokens[tokens.length - 1];
        if (!last || last.norm !== '\n') push('punct', i, i + 1, '\n');
        i++;
        continue;
      }
      if (c <= 32 || c === 0xa0) {
        if (report && isControl(c)) report.controls = true;
        i++;
        continue;
      }
      // URLs first: they contain every other kind of character.
      if ((c === 104 || c === 119 || c === 72 || c === 87) && urlStarts(text, i)) {
        const whole = linkEnd(text, i, n);
        const end = urlEnd(text, i, whole);
        if (report && controlIn(text, i, whole)) report.controls = true;
        push('url', i, end, lowered(text, i, end));
        i = end;
        continue;
      }
      if (c === 64 /* @ */ && isWordChar(text, i + 1)) {
        let j = i + 1;
        while (
          j < n &&
          (isWordChar(text, j) || isHandleJoiner(charCode(text, j)) || charCode(text, j) === 64) /* @ */
        )
          j++;
        while (j > i + 1 && (charCode(text, j - 1) === 46 || charCode(text, j - 1) === 45)) j--;
        push('mention', i, j, lowered(text, i, j));
        i = j;
        continue;
      }
      if ((c === 35 /* # */ || c === 0xff03) && (isLetterAt(text, i + 1) || isDigit(codeAt(text, i + 1)))) {
        let j = i + 1;
        while (j < n && (isWordChar(text, j) || charCode(text, j) === 95) /* _ */) j++;
        // One copy, not three: the sign is already "#" unless it is the full-width "＃".
        push('hashtag', i, j, c === 35 ? lowered(text, i, j) : '#' + lowered(text, i + 1, j));
        i = j;
        continue;
      }
      if (isCurrencySign(c)) {
        // "$45", and with one space as many write it ("R$ 180", "€ 12").
        const d = isSpace(codeAt(text, i + 1)) ? i + 2 : i + 1;
        if (isDigit(codeAt(text, d))) {
          const j = amountEnd(text, d);
          push('price', i, j, '<price>');
          i = j;
          continue;
        }
        if (c === 36 && isAsciiLetter(codeAt(text, i + 1))) {
          let j = i + 1;
          while (j < n && isAsciiLetter(codeAt(text, j))) j++;
          push('cashtag', i, j, lowered(text, i, j));
          i = j;
          continue;
        }
        i++;
        continue;
      }
      // "-30 %", "−20%": a percentage with a minus sign in front is a discount, as French, German
      // and Spanish shops write one, not a figure that informs (a dash after a word is a range).
      if (
        (c === 45 || c === 0x2212) &&
        isDigit(codeAt(text, i + 1)) &&
        (i === 0 || !isWordChar(text, i - 1))
      ) {
        const unit = unitAt(text, numberEnd(text, i + 1));
        if (codeAt(text, unit) === 37 /* % */) {
          push('discount', i, unit + 1, '<discount>');
          i = unit + 1;
          continue;
        }
      }
      if (isDigit(c) || ((c === 43 || c === 40) && isDigit(codeAt(text, i + 1)))) {
        // "1. " or "2) " opening a line numbers a list, as a bullet does: no figure, no sentence end.
        const marker = isDigit(c) ? listMarkerEnd(text, i) : -1;
        if (marker > 0) {
          i = marker;
          continue;
        }
        // A telephone number is a way to reach someone, not a figure that informs.
        const phone = phoneEnd(text, i);
        if (phone > 0) {
          push('phone', i, phone, '<phone>');
          i = phone;
          continue;
        }
        if (!isDigit(c)) {
          i++;
          continue;
        }
        // Keycap emoji ("1️⃣") are a digit, an optional variation selector and U+20E3.
        const k = codeAt(text, i + 1) === 0xfe0f ? i + 2 : i + 1;
        if (codeAt(text, k) === 0x20e3) {
          push('emoji', i, k + 1, text.slice(i, k + 1));
          i = k + 1;
          continue;
        }
        let j = numberEnd(text, i);
        // A unit after one space counts too: "15 %", "4 €", "39 €" (French, German, Spanish style).
        const unit = unitAt(text, j);
        const next = codeAt(text, unit);
        if (next === 37 /* % */) {
          push('percent', i, unit + 1, '<percent>');
          i = unit + 1;
          continue;
        }
        if ((isCurrencySign(next) && next !== 36) || (next === 0x5186 && unit === j)) {
          push('price', i, unit + 1, '<price>');
          i = unit + 1;
          continue;
        }
        if (unit > j && (next === 107 || next === 122 || (next >= 65 && next <= 90))) {
          CURRENCY_AFTER.lastIndex = unit;
          if (CURRENCY_AFTER.test(text)) {
            push('price', i, CURRENCY_AFTER.lastIndex, '<price>');
            i = CURRENCY_AFTER.lastIndex;
            continue;
          }
        }
        // "10k", "9am", "3x", "v2" stay one number token; a CJK character after the digits does
        // not ("1000人まで…", "3日"): it is a word of its own, as CJK characters are everywhere else.
        const digitsEnd = j;
        while (j < n && isWordChar(text, j) && !isCjk(codeAt(text, j))) j++;
        // A unit of measure written against its figure ("1.4kg", "5000mAh", "128GB") is the figure
        // and the unit, as "1.4 kg" is: the unit becomes a word of its own, so a pack's "<number> kg"
        // reads both spellings. "5G" (a network) and "4K" (a screen, or thousands) stay one token.
        if (j > digitsEnd && attachedUnit(text, digitsEnd, j)) {
          push('number', i, digitsEnd, '<number>');
          i = digitsEnd;
          continue;
        }
        // A count in thousands ("10k", "5K") is how follower milestones are written, and "2x1" how a
        // deal is: each has a form of its own, so a pack can name it apart from any other figure.
        push('number', i, j, numberForm(text, i, digitsEnd, j));
        i = j;
        continue;
      }
      if (!isLetterAt(text, i)) {
        // Only punctuation that ends a sentence or clause is a token; commas carry nothing rules read.
        if (
          c === 63 ||
          c === 33 ||
          c === 46 ||
          c === 58 ||
          c === 0x2026 ||
          c === 0xff1f ||
          c === 0xff01 ||
          c === 0x3002
        ) {
          // A full stop between a word and a lower-case letter with no space ("Node.text", "e.g",
          // "config.yaml") joins the parts of a name; "shipped.Then" is still a sentence end.
          const after = codeAt(text, i + 1);
          if (c === 46 && i > 0 && after >= 97 && after <= 122 && isWordChar(text, i - 1)) {
            i++;
            continue;
          }
          // Nor does one between two digits after a word ("v3.1", "iOS17.2"): a version, as the
          // number scan reads "3.1" when the digits open the token.
          if (c === 46 && i > 0 && isDigit(after) && isDigit(codeAt(text, i - 1))) {
            i++;
            continue;
          }
          // Nor does one after a word of one or two letters before a capital ("B.Tech", "M.Sc",
          // "Ph.D", "U.K"): a degree or an initialism, where "shipped.Then" is a missing space.
          if (c === 46 && after >= 65 && after <= 90 && initialBefore(tokens[tokens.length - 1], i)) {
            i++;
            continue;
          }
          if (c === 46 && isSpace(after) && notSentenceEnd(text, i, tokens[tokens.length - 1])) {
            i++;
            continue;
          }
          // German writes both genders with a colon inside the word ("Kund:innen", "Lehrer:in"): it
          // joins, as the asterisk of "Kund*innen" does, and ends no clause.
          if (c === 58 && after === 105 && i > 0 && isLetterAt(text, i - 1) && genderEnding(text, i + 1)) {
            i++;
            continue;
          }
          let j = i + 1;
          while (j < n && codeAt(text, j) === c) j++;
          const norm =
            c === 0xff1f ? '?' : c === 0xff01 ? '!' : c === 0x3002 || c === 0x2026 ? '.' : (text[i] ?? '.');
          push('punct', i, j, norm);
          i = j;
          continue;
        }
        if (c >= 0x2190 && (isPictoAt(text, i) || pointsAtLink(text, i, c))) {
          const j = emojiEnd(text, i);
          // The emoji itself is its form, so a pack can name one ("🔥") apart from all (<emoji>).
          const form = text.slice(i, j);
          push('emoji', i, j, form.includes('\ufe0f') ? form.replace(/\ufe0f/g, '') : form);
          i = j;
          continue;
        }
        if (report && isControl(c)) report.controls = true;
        i += codePointLength(text, i);
        continue;
      }
      if (isCjk(c)) {
        push('word', i, i + 1, text[i] ?? '');
        i++;
        continue;
      }
      // A currency written with letters opens with a capital and has a digit within four characters
      // (see LETTER_CURRENCY); a lower-case letter after the capital rules it out unless it is the
      // "s" or "p" of "Rs" or "Rp": most capitalised words ("The", "Honest") are settled by one read.
      if (
        c >= 65 &&
        c <= 90 &&
        !isPlainLower(codeAt(text, i + 1)) &&
        (isDigit(codeAt(text, i + 1)) ||
          isDigit(codeAt(text, i + 2)) ||
          isDigit(codeAt(text, i + 3)) ||
          isDigit(codeAt(text, i + 4)))
      ) {
        LETTER_CURRENCY.lastIndex = i;
        if (LETTER_CURRENCY.test(text)) {
          const j = amountEnd(text, LETTER_CURRENCY.lastIndex);
          push('price', i, j, '<price>');
          i = j;
          continue;
        }
      }
    }
    let j = i + 1;
    let curly = false;
    let upper = c < 97 || c > 122;
    // The word's two hashes as the vocabulary computes them, built while scanning (ASCII words
    // only): a known word is then found without a second pass over its letters (see findHashed).
    let ascii = c < 128;
    let h = hashStep(HASH_START, fold(c));
    let v = checkStep(CHECK_START, fold(c));
    for (;;) {
      // 0 past the end (see codeAt): the scan stops there as at any other character that ends a word.
      const d = j < n ? charCode(text, j) : 0;
      if (d >= 97 && d <= 122) {
        h = hashStep(h, d);
        v = checkStep(v, d);
        j++;
      } else if (isAsciiLetter(d) || isDigit(d)) {
        upper = true;
        const f = fold(d);
        h = hashStep(h, f);
        v = checkStep(v, f);
        j++;
      } else if (d >= 0xc0 && !isCjk(d) && isLetterAt(text, j)) {
        upper = true;
        ascii = false;
        j++;
      } else if ((d === 39 || d === 0x2019 || d === 45) && isLetterAt(text, j + 1)) {
        if (d === 0x2019) curly = true;
        const e = codeAt(text, j + 1);
        if (e >= 128) ascii = false;
        const f = fold(d);
        const g = fold(e);
        h = hashStep(hashStep(h, f), g);
        v = checkStep(checkStep(v, f), g);
        j += 2;
      } else break;
    }
    // A word right before "@domain.tld" is an e-mail address: a way to reach someone.
    const after = j < n ? charCode(text, j) : 0;
    if (after === 64 && (i === 0 || !isWordChar(text, i - 1))) {
      EMAIL_DOMAIN.lastIndex = j;
      if (EMAIL_DOMAIN.test(text)) {
        const end = EMAIL_DOMAIN.lastIndex - (codeAt(text, EMAIL_DOMAIN.lastIndex - 1) === 45 ? 1 : 0);
        push('email', i, end, '<email>');
        i = end;
        continue;
      }
    }
    // A word followed by ".letter" may be a bare domain ("shop.example.com/sale"), also right after
    // CJK text, which sets no space before it ("地図はcity.example.jp/hazard").
    if (
      after === 46 &&
      isLetterAt(text, j + 1) &&
      (i === 0 || !isWordChar(text, i - 1) || isCjk(codeAt(text, i - 1)))
    ) {
      DOMAIN.lastIndex = i;
      const m = DOMAIN.exec(text);
      if (m) {
        const whole = linkEnd(text, i, i + m[0].length);
        const end = urlEnd(text, i, whole);
        if (report && controlIn(text, i, whole)) report.controls = true;
        push('url', i, end, lowered(text, i, end));
        i = end;
        continue;
      }
    }
    // A known word is its canonical string: no copy, and the maps keyed by it compare by identity.
    let id = ascii ? VOCABULARY.findHashed(h, v, j - i) : -1;
    // A possessive ("the library's", "council’s") is its noun to the lists, when the pack knows the
    // noun and not the whole word: "it's" and "let's" stay themselves.
    if (id < 0 && ascii && j - i > 3 && (codeAt(text, j - 1) | 32) === 115) {
      const q = codeAt(text, j - 2);
      if (q === 39 || q === 0x2019) {
        let base = HASH_START;
        for (let k = i; k < j - 2; k++) base = hashStep(base, fold(codeAt(text, k)));
        id = VOCABULARY.findId(text, i, j - 2, base);
      }
    }
    if (ascii && id < 0) id = unknownId(VOCABULARY.size);
    let norm = id >= 0 ? VOCABULARY.word(id) : undefined;
    if (norm === undefined) {
      const raw = text.slice(i, j);
      // Most words are already lower-case ASCII: skip the copy that toLowerCase would make.
      norm = upper ? raw.toLowerCase() : raw;
      if (curly) norm = norm.replace(/’/g, "'");
    }
    // Pushed here rather than through push(): most tokens are words, and a word needs none of its
    // cases (it ends no sentence and always starts one when one is open).
    tokens.push({
      kind: 'word',
      start: i,
      end: j,
      norm,
      sentenceStart: atStart,
      // From the first character itself where it answers: a known word's string lives elsewhere in
      // memory, and reading it here was a cache miss a token.
      capital: c >= 65 && c <= 90 ? true : c < 128 ? false : c !== charCode(norm, 0),
      id,
    });
    atStart = false;
    i = j;
  }
  return tokens;
}
