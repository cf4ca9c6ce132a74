/**
 * A sentence that is only a name (the `name-lines` feature): "Your Sunday meal prep, done in 20
 * minutes. Pantrio.", "Ton café du matin, livré avant 8 h. Grains de Quartier." A quiet ad signs
 * its promise with the brand and says nothing else about it; a person's post rarely stops on a
 * bare name after it has said something.
 */
import { charCode, codeAt } from './code-at.ts';
import type { Match } from './lexicon.ts';
import type { Token } from './tokenize.ts';

/** The most words (figures included) a name line holds: "Crumb & Co", "The Drift Blanket 2". */
const NAME_WORDS = 4;

/** Lower-case words a name may hold between its capitals ("Grains de Quartier", "Bank of Leeds"). */
const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'del',
  'da',
  'do',
  'das',
  'dos',
  'of',
  'the',
  'and',
  'y',
  'e',
  'et',
  'und',
  'von',
  'van',
  'der',
]);

/** Whether a comma stands between two tokens (the tokenizer keeps no token for it). */
function commaBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (charCode(text, k) === 44 || charCode(text, k) === 0xff0c) return true;
  return false;
}

/** Whether a dash or a bullet stands before `at`, spaces aside. */
function afterMark(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && charCode(text, k) === 32) k--;
  // Before the draft's start, codeAt reads 0, which is no mark.
  const c = codeAt(text, k);
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 42;
}

/**
 * Whether a capitalised word is written in capitals throughout ("LET'S", "GOOO"): shouting, not a
 * name. Its second letter settles nearly every word; a word of one letter is no shout.
 */
function shouted(text: string, t: Token): boolean {
  for (let k = t.start + 1; k < t.end; k++) {
    // An ASCII character is settled by its code (only a to z change in upper case): no
    // one-character string and no toUpperCase for it, the second letter of nearly every name.
    const c = charCode(text, k);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      continue;
    }
    const ch = text[k]!;
    if (ch !== ch.toUpperCase()) return false;
  }
  return t.end - t.start > 1;
}

/**
 * How the caller's word classes read a token: `common` for a function word, small talk or a
 * lead-in ("again", "monday", "finally"), which no name is made of; `addressing` for a word that
 * speaks to the reader ("your", "eure", "votre"), which opens a team's signature ("Your Northgate
 * Team", "Eure Stadtwerke"), not a brand's line.
 */
export interface NameWords {
  common(t: Token): boolean;
  addressing(t: Token): boolean;
}

/** A one-word name waiting on what follows it: none, settled, or wanting a pointer after it. */
const NONE = 0;
const SETTLED = 1;
const WANTS_POINTER = 2;

/**
 * How many sentences after the first are a bare name: one to NAME_WORDS words, the first a
 * capitalised word and each other one capitalised or a particle, a figure only last ("Tidewatch
 * 2"), ended by a full stop or a line break (not "!", "?" or ":", which cheer, ask or label; nor a
 * full stop a lower-case word follows, an abbreviation's: "Spotless Cleaning Co. just hit"), with
 * nothing but emoji beside them, not opened by a word `addressing` the reader (a team's
 * signature), and holding a word that is not `common` (see NameWords). The first sentence is left
 * out: a draft that opens on a name is addressing or titling. Each name line's words go into
 * `spans`, the evidence a rule that weighs them quotes.
 *
 * A one-word name is easily a beat of the telling ("Monday. Again.", "Es kommt was. Bald."), so
 * it counts only as a brand's line does: after a sentence of two words or more, on a line of its
 * own or with a pointer after it (a link, a hashtag, "Link in bio."), and with nothing said after
 * it: a sentence of more than NAME_WORDS words, or another one-word sentence ("Every. Single.
 * Day."), makes it part of the telling.
 */
export function nameLines(
  text: string,
  tokens: readonly Token[],
  classes: NameWords,
  spans: Match[],
): number {
  let lines = 0;
  // The sentence being read opens at this token; a one-word name waiting is at `waiting`.
  let from = 0;
  let waiting = -1;
  let pending = NONE;
  let said = false;
  // Words in the sentence read so far, and in the one before it.
  let words = 0;
  let before = 0;
  let ok = true;
  let figure = false;
  // Every word of the sentence so far is a common one (see NameWords).
  let plain = true;
  // A line break since the last sentence that held words; whether the current one opened a line.
  let broke = false;
  let opens = false;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.kind === 'punct') {
      const end = t === undefined ? '.' : t.norm;
      if (end === '\n') broke = true;
      if (words > 0) {
        // Said after the name: more than a pointer, or another beat, makes it part of the telling.
        if (words > NAME_WORDS || words === 1) pending = NONE;
        else if (pending === WANTS_POINTER) pending = SETTLED;
        const next = tokens[i + 1];
        const closes =
          end === '\n' ||
          (end === '.' && !(next?.kind === 'word' && !next.capital && next.start === t!.end + 1));
        if (ok && !plain && said && closes && words <= NAME_WORDS) {
          if (words > 1) {
            lines++;
            spans.push(span(tokens, from, i));
          } else if (before > 1) {
            pending = opens ? SETTLED : WANTS_POINTER;
            waiting = from;
          }
        }
        said = true;
        before = words;
      }
      words = 0;
      ok = true;
      figure = false;
      plain = true;
      continue;
    }
    if (t.kind === 'emoji') continue;
    if (t.kind === 'url' || t.kind === 'hashtag' || t.kind === 'mention') {
      if (words > 0) ok = false;
      else if (pending === WANTS_POINTER) pending = SETTLED;
      continue;
    }
    if (words === 0) {
      opens = broke;
      broke = false;
      from = i;
    }
    // Most sentences are ruled out by their first word or two; the rest of them is only counted.
    if (++words > NAME_WORDS || !ok) {
      ok = false;
      continue;
    }
    // A comma after the first word makes the line an address or a beat ("Danke, Hamburg",
    // "Durchhalten, Leute"): a brand signs with its name, a place may follow it ("Crumb & Co., Leeds").
    if (words === 2 && commaBetween(text, tokens[i - 1]!.end, t.start)) ok = false;
    // Anything after a figure ends the name ("Deadline 30 June" is a date).
    else if (figure) ok = false;
    else if (t.kind === 'number') {
      figure = true;
      if (words === 1) ok = false;
    } else if (t.kind !== 'word') ok = false;
    else if (!t.capital) ok = words > 1 && PARTICLES.has(t.norm);
    // A name after a dash or a bullet signs a notice ("— Dale Street Pharmacy") or lists a change
    // ("- Dropped Python 3.8"); a brand's line stands alone.
    else if (shouted(text, t) || (words === 1 && (afterMark(text, t.start) || classes.addressing(t))))
      ok = false;
    // A name holds a word that is no function word, small talk or lead-in: "Again.", "Soon." and
    // "Good Morning." are beats of the telling.
    if (ok && plain && t.kind === 'word' && !classes.common(t)) plain = false;
  }
  if (pending === SETTLED) {
    spans.push(span(tokens, waiting, waiting + 1));
    lines++;
  }
  return lines + signatureLine(text, tokens, classes, spans);
}

/** Marks that part a signature's name from what follows it: dashes, a middle dot, a bar, a comma, a bracket. */
function separates(c: number): boolean {
  return (
    c === 0x2013 ||
    c === 0x2014 ||
    c === 45 ||
    c === 0xb7 ||
    c === 124 ||
    c === 44 ||
    c === 40 ||
    c === 0xff08
  );
}

/**
 * A brand's signature as the draft's last line: its name, then a separator or an emoji and
 * whatever the brand adds to it, a town, a year, a promise, a number ("Clínica Sorriso Real –
 * Porto", "Quickfix Plumbing, looking after Leeds since 2009.", "Brightspark Electrical ·
 * Fernhill · 01632 960333"). `nameLines` reads a name that stands alone; this reads the name
 * that carries a tail, and only on the last line with words (hashtags, links and emoji may
 * follow it), after a line of something else: that is where a business signs a post. The name is
 * two to NAME_WORDS capitalised words (particles between), or one written in inner capitals
 * ("KeepOut", "BauFlow"), not shouted, not addressing the reader, and not only common words.
 * Returns 1 when it finds one that `spans` does not already hold, and adds it there.
 */
function signatureLine(text: string, tokens: readonly Token[], classes: NameWords, spans: Match[]): number {
  // The last line holding a word, a figure or a phone number, read from the draft's end: where it
  // opens. A draft of one line (most short ones) has no break before it and is settled there.
  let end = tokens.length - 1;
  while (end >= 0 && !holdsWords(tokens[end]!)) end--;
  let open = end;
  while (open > 0 && !(tokens[open - 1]!.kind === 'punct' && tokens[open - 1]!.norm === '\n')) open--;
  // The first line is a heading or the message itself, not a signature.
  if (open <= 0) return 0;
  let first = open;
  while (first < tokens.length && tokens[first]!.kind === 'emoji') first++;
  let words = 0;
  let last = -1;
  let plain = true;
  for (let i = first; i < tokens.length && words < NAME_WORDS; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') break;
    if (words > 0 && separates(charCode(text, gapMark(text, tokens[i - 1]!.end, t.start)))) break;
    if (!t.capital) {
      if (words === 0 || !PARTICLES.has(t.norm)) break;
    } else if (shouted(text, t) || (words === 0 && classes.addressing(t))) return 0;
    if (!classes.common(t)) plain = false;
    words++;
    last = i;
  }
  if (last < 0 || plain) return 0;
  // A particle does not end a name.
  if (!tokens[last]!.capital) return 0;
  if (words === 1 && !innerCapital(text, tokens[last]!)) return 0;
  const next = tokens[last + 1];
  // The name must be followed, on its line, by a separator or an emoji and then its tail.
  if (next === undefined || (next.kind === 'punct' && next.norm === '\n')) return 0;
  const marked =
    next.kind === 'emoji' || separates(charCode(text, gapMark(text, tokens[last]!.end, next.start)));
  if (!marked) return 0;
  if (spans.some((m) => m.first === first)) return 0;
  spans.push(span(tokens, first, last + 1));
  return 1;
}

/** The first character between two tokens that is not a space, or `to` when there is none. */
function gapMark(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (charCode(text, k) !== 32) return k;
  return to;
}

/** Whether a word has a capital after its first letter ("KeepOut", "BauFlow"), not counting a shout. */
function innerCapital(text: string, t: Token): boolean {
  for (let k = t.start + 1; k < t.end; k++) {
    // As in `shouted`: an ASCII letter's case is read from its code.
    const c = charCode(text, k);
    if (c < 128) {
      if (c >= 65 && c <= 90) return true;
      continue;
    }
    const ch = text[k]!;
    if (ch !== ch.toLowerCase()) return true;
  }
  return false;
}

/** A token a line's text is made of: a word, a figure or a telephone number. */
function holdsWords(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'number' || t.kind === 'phone';
}

/** The words from token `first` up to the sentence's end at `end` (emoji left out), as a match. */
function span(tokens: readonly Token[], first: number, end: number): Match {
  let last = end;
  while (last > first && tokens[last - 1]!.kind === 'emoji') last--;
  return { first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end };
}

/** A German company's legal form, which ends its name ("Kanzlei Vogt & Partner", "Brandt GmbH"). */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ug',
  'ohg',
  'gbr',
  'partner',
  'co',
]);

/** What may follow a signature at the draft's end: emoji, hashtags, links, handles and marks. */
function trails(t: Token): boolean {
  return (
    t.kind === 'emoji' ||
    t.kind === 'hashtag' ||
    t.kind === 'url' ||
    t.kind === 'mention' ||
    t.kind === 'punct'
  );
}

/**
 * The draft's last word, where a signature ends, past the emoji, hashtags, links, handles and marks
 * that may follow one; -1 when there is none, or when anything else (a figure, a price) comes after.
 */
function lastWord(tokens: readonly Token[]): number {
  let i = tokens.length - 1;
  while (i >= 0 && tokens[i]!.kind !== 'word') {
    if (!trails(tokens[i]!)) return -1;
    i--;
  }
  return i;
}

/** Whether token `t` ends what came before a signature: a sentence's end, a line break or an emoji. */
function closes(t: Token): boolean {
  return t.kind === 'emoji' || t.kind === 'punct';
}

/**
 * The name a draft ends on, as a brand signs the goods it has just shown ("Fresh fine-line
 * peony, healed beautifully 🌸 Inkwell Tattoo Co.", "…muito carinho 💛⏎⏎Sabor & Festa Buffet,
 * Campinas."), or null. The name is the draft's last words (emoji, hashtags, links and marks
 * may follow), two to NAME_WORDS capitalised words with particles between, or one written in
 * inner capitals, plus a place after one comma; it stands after a sentence's end, a line break,
 * an emoji or a separator (a dash, a middle dot, a bar), never after a lower-case word ("…moved
 * to New York"), never as the whole draft, and it is not shouted, not addressing the reader and
 * not only common words. Unlike `nameLines`, it needs no sentence of its own: a caption signs on
 * the line it ends.
 */
export function endName(
  text: string,
  tokens: readonly Token[],
  classes: NameWords,
  nounsCapitalised = false,
): Match | null {
  const last = lastWord(tokens);
  if (last < 0) return null;
  let i = last;
  let first = -1;
  let words = 0;
  let commas = 0;
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind !== 'word') break;
    if (!t.capital && !PARTICLES.has(t.norm)) break;
    if (first >= 0 && commaBetween(text, t.end, tokens[first]!.start) && ++commas > 1) break;
    // A run of capitals longer than a name and its place is a title or a shout, not a signature.
    if (++words > NAME_WORDS + 2) return null;
    first = i;
  }
  if (first < 0) return null;
  // A particle opens no name ("of Leeds" is the end of a sentence about Leeds).
  while (first <= last && !tokens[first]!.capital) {
    first++;
    words--;
  }
  if (words <= 0 || first === 0) return null;
  const before = tokens[first - 1]!;
  // Where every noun is capitalised (German), a capitalised ending is any sentence's: only a line
  // of its own that names a place after a comma or ends on a company's legal form signs a post
  // ("Elektro Brandt, Paderborn.", "Blitzblank Gebäudeservice GmbH").
  if (
    nounsCapitalised &&
    !(
      before.kind === 'punct' &&
      before.norm === '\n' &&
      (commas === 1 || LEGAL_FORMS.has(tokens[last]!.norm))
    )
  )
    return null;
  const marked = separates(charCode(text, gapMark(text, before.end, tokens[first]!.start)));
  if (!marked && !closes(before)) return null;
  const opener = tokens[first]!;
  if (classes.addressing(opener)) return null;
  if (words === 1 && !innerCapital(text, opener)) return null;
  let plain = true;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (t.capital && shouted(text, t)) return null;
    if (!classes.common(t)) plain = false;
  }
  return plain ? null : span(tokens, first, last + 1);
}

/** A word that names a business in Japanese: a legal form, a shop, a clinic, an office, a studio. */
const JA_BUSINESS =
  /株式会社|有限会社|合同会社|事務所|印刷所|病院|医院|歯科|整骨院|美容院|美容室|商店|本店|工房|陶房|教室|薬局|書店|食堂|珈琲|喫茶|塗装|[院店堂屋舎館園]|カフェ|サロン|スタジオ|クリニック|ベーカリー|ショップ|アトリエ|デザイン/u;

/** A place after a name: a city, ward, town or village in brackets or after a middle dot ("（鯖江市）", "・福岡市"). */
const JA_PLACE = /(?:[（(][^（）()]{1,8}[市区町村県][）)]?|・[^・]{1,8}[市区町村県])$/u;

/** A Japanese sentence ends on a verb or a copula; a name does not ("…しました", "…です", "…ください"). */
const JA_PREDICATE = /(?:ます|ました|ません|です|でした|ください|[ねよたるいうく])$/u;

/** The most characters a Japanese signature holds, its place included ("さくら動物病院（世田谷区）"). */
const JA_NAME_CHARS = 20;

/**
 * A Japanese business's signature as the draft's last sentence or line: Japanese has no
 * capitals, so `endName` cannot see it; a short last line that names a business ("松本印刷所・金
 * 沢市", "さくら動物病院（世田谷区）", "デザイン事務所アトリエ灯") and ends on no verb or copula
 * signs the post. The first sentence is left out, as everywhere: a draft that opens on a name is
 * addressing or titling.
 */
export function kanaSignature(text: string, tokens: readonly Token[]): Match | null {
  const last = lastWord(tokens);
  let i = last;
  while (i >= 0 && tokens[i]!.kind !== 'punct' && tokens[i]!.kind !== 'emoji') i--;
  const first = i + 1;
  if (i < 0 || first > last) return null;
  const start = tokens[first]!.start;
  // A place in brackets closes with its bracket, which is no token: the quote keeps it.
  // codeAt: the name may end the draft, and a read past its end must not give NaN (see code-at.ts).
  const close = codeAt(text, tokens[last]!.end);
  const end = tokens[last]!.end + (close === 0xff09 || close === 41 ? 1 : 0);
  if (end - start > JA_NAME_CHARS) return null;
  const line = text.slice(start, end);
  if (!(JA_BUSINESS.test(line) || JA_PLACE.test(line)) || JA_PREDICATE.test(line)) return null;
  return { first, last: last + 1, start, end };
}
