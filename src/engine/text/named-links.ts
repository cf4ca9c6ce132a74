/**
 * Links to a site the draft's own names name (the `named-links` feature): the seller speaking of
 * its product and pointing at its own shop, which is what a quiet ad is made of in any language.
 */
import { charCode } from './code-at.ts';
import { withoutAccents } from './lexicon.ts';
import type { Token } from './tokenize.ts';

/** A word shorter than this names no site ("Tom", "Co"). */
export const NAME_MIN = 4;
/** A word must run to this many letters to count as part of a longer label ("almazara" in "almazaraluna"). */
const LABEL_PART_MIN = 5;

/**
 * The part of a link's host that may name something, "www." and the last label (the top-level
 * domain) left out: "bramblecoffee" for "https://www.bramblecoffee.example/mini". A scan, not
 * expressions: it runs for every link of every draft.
 */
function hostName(url: string): string {
  const scheme = url.indexOf('://');
  let start = scheme >= 0 ? scheme + 3 : 0;
  if (url.startsWith('www.', start)) start += 4;
  let end = start;
  while (end < url.length) {
    const c = charCode(url, end);
    if (c === 47 || c === 63 || c === 35 || c === 58) break; // / ? # :
    end++;
  }
  const dot = url.lastIndexOf('.', end - 1);
  return dot > start ? url.slice(start, dot) : '';
}

/** Whether `word` is a label of `host` (labels joined by dots), or part of one when long enough. */
function namesHost(word: string, host: string): boolean {
  const at = host.indexOf(word);
  if (at < 0) return false;
  if (word.length >= LABEL_PART_MIN) return true;
  // A short word must be a whole label ("Olmo" for "olmo.example", not for "olmodesign").
  const end = at + word.length;
  return (at === 0 || charCode(host, at - 1) === 46) && (end === host.length || charCode(host, end) === 46);
}

/**
 * How many of the draft's links go to a site its own names name: "The Bramble Mini.
 * bramblecoffee.example/mini", "Creamos Almazara Luna… almazaraluna.example". The seller speaking
 * of its product and pointing at its own shop is what a quiet ad is made of, in any language; a
 * link to something the draft does not name (an article, a form, a source) is not. A name is a
 * capitalised word: "the repair café needs volunteers… repaircafe.example" speaks of what the site
 * is about, not of a brand. It names a host when it is one of its labels, or part of one and
 * LABEL_PART_MIN letters long; accents are read without their marks, as hosts are written, and a
 * possessive as its noun. Read only for drafts with a link and a capitalised word (analyse
 * passes their indexes: `others` holds the links).
 */
export function namedLinks(
  tokens: readonly Token[],
  others: readonly number[],
  capitals: readonly number[],
): number {
  const hosts: string[] = [];
  for (const k of others) if (tokens[k]!.kind === 'url') hosts.push(hostName(tokens[k]!.norm));
  let named = 0;
  for (let c = 0; c < capitals.length; c++) {
    const k = capitals[c]!;
    const word = siteSpelling(tokens[k]!);
    const spelled = umlautsSpelledOut(tokens[k]!);
    // Two capitalised words in a row may be one name written as one host ("Dona Rosa",
    // "donarosa.example"; "Loop Desk", "loopdesk.example"), though each alone is too short to count.
    const next = capitals[c + 1] === k + 1 ? siteSpelling(tokens[k + 1]!) : null;
    for (let h = 0; h < hosts.length; h++) {
      const host = hosts[h]!;
      if (host === '') continue;
      const names =
        namesHostAnyway(word, host) ||
        (spelled !== null && namesHostAnyway(spelled, host)) ||
        (next !== null && namesHost(word + next, host));
      if (!names) continue;
      // Each link counts once: its host is spent.
      hosts[h] = '';
      named++;
    }
  }
  return named;
}

/**
 * A capitalised word as a site would spell it: lower case, a possessive as its noun and, for a
 * word with accents (its id is -1: only ASCII words are looked up), without them, as the lexicon
 * drops them for phrases typed bare.
 */
function siteSpelling(t: Token): string {
  const bare = withoutPossessive(t.norm);
  return t.id === -1 ? withoutAccents(bare) : bare;
}

/** A possessive read as its noun ("Bramble's", "bramble"). */
function withoutPossessive(norm: string): string {
  return norm.endsWith("'s") ? norm.slice(0, -2) : norm;
}

/** German umlauts and ß as a host spells them ("GrünKiste", "gruenkiste.example"), or null without any. */
function umlautsSpelledOut(t: Token): string | null {
  if (t.id !== -1 || !UMLAUT.test(t.norm)) return null;
  return withoutAccents(withoutPossessive(t.norm).replace(UMLAUT_ALL, (ch) => SPELLED[ch] ?? ch));
}

const UMLAUT = /[äöüß]/;
const UMLAUT_ALL = /[äöüß]/g;
const SPELLED: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** `namesHost`, or one part of a hyphenated compound names it ("SparHahn-Aufsatz", "sparhahn.example"). */
function namesHostAnyway(word: string, host: string): boolean {
  if (namesHost(word, host)) return true;
  if (word.includes('-')) {
    for (const part of word.split('-')) if (part.length >= NAME_MIN && namesHost(part, host)) return true;
  }
  return false;
}
