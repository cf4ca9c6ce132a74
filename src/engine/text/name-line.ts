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
  if (pending !== SETTLED) return lines;
  spans.push(span(tokens, waiting, waiting + 1));
  return lines + 1;
}

/** The words from token `first` up to the sentence's end at `end` (emoji left out), as a match. */
function span(tokens: readonly Token[], first: number, end: number): Match {
  let last = end;
  while (last > first && tokens[last - 1]!.kind === 'emoji') last--;
  return { first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end };
}
