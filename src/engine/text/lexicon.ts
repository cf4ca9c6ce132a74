/**
 * All term lists of a pack compiled into one phrase index, matched in a single pass over the
 * tokens. A phrase is space-separated parts: a word ("offer"), a prefix ("synerg*"), or a
 * token-kind placeholder ("<percent> off", "<number> followers", "free <word> inspection"), or a
 * name ("code <name>", "at <name> we": a word written with a capital where no sentence starts).
 * Phrases never span a sentence end, so "…shop. Now we…" is not "shop now".
 * A phrase may end in "@xx", a language code: it then counts only in a draft of that language, so a
 * word that is another language's commonplace ("car@fr" is "because", English "car" is not; "hier@fr"
 * is "yesterday", German "hier" is "here") does not speak for that language. A phrase ending in
 * "@-xx" counts in every draft but one of that language: "sale@-es" is an English offer, also in a
 * draft too short to place, and Spanish "sale hoy" is "it leaves today".
 */
import { charCode, codeAt } from './code-at.ts';
import { NUMBER_FORMS, isPointingArrow, tokenize, type Token, type TokenKind } from './tokenize.ts';
import { VOCABULARY } from './vocabulary.ts';
import { LANGUAGE_BITS, UNDETERMINED } from './language.ts';
import { STOPWORDS } from './stopwords.ts';
import {
  EXACT,
  FLAGS,
  HAS_KIND,
  HAS_NAME,
  HAS_PREFIX,
  HAS_WORD,
  KIND,
  kindLabel,
  LANGUAGE_CODE_BITS,
  labelBit,
  MANY_ENDS,
  NAME,
  NAME_LABEL,
  NO_LABEL,
  ONE_END,
  packLanguages,
  PhraseTrie,
  PREFIX,
  WORD_LABEL,
  type Part,
  type TrieImage,
} from './phrase-trie.ts';

/** Matches per list, by the list's index in `Lexicon.names`; undefined where a list matched nothing. */
export type Hits = readonly (readonly Match[] | undefined)[];

export interface Match {
  /** Index of the first and one past the last matched token in `Doc.tokens`. */
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * The language of an accented phrase spelled without its accents (see `unaccented`) that names
 * none: any known language but English, where the bare word is often a word of its own ("doublé"
 * and "double"). A language of its own, so it costs the phrases that name none nothing to check.
 */
const ACCENTLESS = '*';

/** The placeholders a phrase can name, and the kind of token each stands for. */
export const PLACEHOLDERS: Readonly<Record<string, TokenKind>> = {
  '<price>': 'price',
  '<percent>': 'percent',
  '<discount>': 'discount',
  '<number>': 'number',
  '<url>': 'url',
  '<email>': 'email',
  '<phone>': 'phone',
  '<mention>': 'mention',
  '<hashtag>': 'hashtag',
  '<emoji>': 'emoji',
  // Any one word: a gap inside a phrase ("free <word> inspection" reads "free roof inspection" and
  // "free home inspection"). The pack compiler refuses it first or last, where it would widen the
  // phrase to every word and be matched at every token.
  '<word>': 'word',
};

/**
 * A name: a word that opens with a capital where no sentence starts ("Synqora", "JESS20"). Not a
 * token kind, so it never heads a phrase (the pack compiler refuses that); the word before it does.
 */
export const NAME_PLACEHOLDER = '<name>';

const PLAIN_WORD = /^[a-z]+$/;
/**
 * A language suffix: "@" and a two-letter code right after the phrase's last character, the code
 * after a "-" when the phrase counts in every language but that one.
 */
const LANG_SUFFIX = /(?<=\S)@(-?[a-z]{2})$/;

/**
 * The phrase without its language suffix, and the suffix's language: "fr" for "@fr", "-es" for
 * "@-es" (every language but Spanish), null when it has none.
 */
export function splitLanguage(phrase: string): [text: string, lang: string | null] {
  const n = phrase.length;
  // Most phrases have no suffix: a look at the two places its "@" could be settles them.
  if (codeAt(phrase, n - 3) !== 64 /* @ */ && (n < 4 || charCode(phrase, n - 4) !== 64))
    return [phrase, null];
  const m = LANG_SUFFIX.exec(phrase);
  return m ? [phrase.slice(0, m.index), m[1]!] : [phrase, null];
}

/**
 * Accented Latin letters (lower case, as pack phrases are written) and the letter each is without
 * its accent, side by side. A table rather than Unicode decomposition (NFD), which would also strip
 * the voicing marks of kana, and those make other sounds; and it costs less.
 */
const ACCENTED = 'àáâãäåāăąçćĉċčďèéêëēĕėęěĝğġģĥìíîïĩīĭįĵķĺļľñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž';
const ACCENTED_CHAR = new RegExp(`[${ACCENTED}]`, 'g');
const CAPITAL = /[A-Z\u00c0-\u00de\u0100-\u017f]/;
const PLAIN = 'aaaaaaaaacccccdeeeeeeeeegggghiiiiiiiijklllnnnnooooooooorrrssssttuuuuuuuuuuwyyyzzz';

/**
 * The phrase as people type it on a phone, without its accents ("ultimas plazas", "promocao",
 * "inscribete"), or null when it has none to drop. Not for one word of four letters or fewer once
 * bare: those are too often another word ("sí" and "si", "bajó" and "bajo", "usé" and "use").
 */
export function unaccented(written: string): string | null {
  // A pack may write a phrase in capitals ("Últimas plazas"): lexicon phrases match in lower case.
  // Tested first: lower-casing a string outside Latin-1 goes through ICU, slow on every phrase.
  const phrase = CAPITAL.test(written) ? written.toLowerCase() : written;
  // A native scan, not a loop over characters: this runs once for each accented phrase, in code
  // that runs once a pack and so is never optimised.
  const bare = withoutAccents(phrase);
  if (bare === phrase || (!bare.includes(' ') && bare.length <= 4)) return null;
  return bare;
}

/** Lower-case text with each accented Latin letter in ACCENTED replaced by its bare letter. */
export function withoutAccents(text: string): string {
  return text.replace(ACCENTED_CHAR, (ch) => PLAIN[ACCENTED.indexOf(ch)]!);
}

/**
 * Words that a phrase's word spells once its apostrophe is dropped and that are words of their own
 * ("it's" and "its", "we're" and "were", "we'll" and "well", "n'est" and "nest"), in English or
 * in another language the pack reads ("i'm" and German "im", in every other German sentence):
 * those keep only their written form.
 */
const BARE_WORDS: ReadonlySet<string> = new Set([
  'its',
  'were',
  'well',
  'wed',
  'shed',
  'hed',
  'hell',
  'ill',
  'im',
  'id',
  'shell',
  'lets',
  'nest',
  'sil',
]);

/** A French imperative's pronoun, joined by a hyphen in writing ("abonnez-vous", "rejoins-nous"). */
const HYPHENED_PRONOUN = /-(vous|nous|toi|moi|le|la|les|lui|leur|y|en)$/;
/** What a phrase must hold for phoneSpelling to change it: one test, as most phrases hold neither. */
const PHONE_CHANGES = /['\u2019]|-(?:vous|nous|toi|moi|le|la|les|lui|leur|y|en)(?: |$)/;

/**
 * The phrase as people type it on a phone, without its apostrophes ("dont forget to like",
 * "youre", "cest parti") and with a space for the hyphen before a French imperative's pronoun
 * ("abonnez vous"), or null when it has neither or dropping an apostrophe spells another word.
 */
export function phoneSpelling(phrase: string): string | null {
  if (!PHONE_CHANGES.test(phrase)) return null;
  let changed = false;
  const words = phrase.split(' ').map((word) => {
    const pronoun = HYPHENED_PRONOUN.exec(word);
    if (pronoun && pronoun.index > 1) {
      changed = true;
      return `${word.slice(0, pronoun.index)} ${pronoun[1]!}`;
    }
    const bare = word.replace(/['\u2019]/g, '');
    if (bare === word || bare === '' || BARE_WORDS.has(bare.toLowerCase())) return word;
    changed = true;
    return bare;
  });
  return changed ? words.join(' ') : null;
}

/** An accented Latin letter, in either case: what a phrase can be typed without. */
const ACCENTED_LETTER = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]/;

/** Whether a word that `bare` spells without the accent it has in `accented` is `known` as a word already. */
function namesAnotherWord(accented: string, bare: string, known: (word: string) => boolean): boolean {
  const before = accented.split(' ');
  const after = bare.split(' ');
  for (let k = 0; k < after.length; k++) {
    const word = after[k]!;
    if (word !== before[k] && known(word)) return true;
  }
  return false;
}

/** Plain words, one space apart: what trimming, lower-casing and splitting on spaces leaves as is. */
const PLAIN_WORDS = /^[a-z]+(?: [a-z]+)*$/;

/** An exact word part: its canonical string, and its vocabulary id when it has one. */
function exact(word: string): Part {
  const id = VOCABULARY.internId(word);
  return { type: EXACT, value: id >= 0 ? VOCABULARY.word(id) : word, id };
}

/** A placeholder with text glued to it on either side, the placeholder kept as a piece of its own. */
const GLUED = new RegExp(`(${[...Object.keys(PLACEHOLDERS), NAME_PLACEHOLDER].join('|')})`);

/**
 * A piece with a placeholder glued to text ("<price>引き", "あと<number>", "<number>followers")
 * as its pieces: read whole it is one word no draft holds, so the phrase would never match, and
 * in Japanese, written without spaces, that is the natural way to write it. The number forms
 * ("<number>k", "<number>x<number>") are glued on purpose and stay whole.
 */
function unglued(piece: string): string[] {
  if (PLACEHOLDERS[piece] || piece === NAME_PLACEHOLDER || NUMBER_FORMS.has(piece)) return [piece];
  return piece.split(GLUED);
}

function parsePhrase(phrase: string): Part[] {
  // Four phrases in five are plain words (a pack has thousands, compiled on every worker start and
  // CLI call): each piece is then an exact word, with no copy by trim or toLowerCase and no test.
  if (PLAIN_WORDS.test(phrase)) return phrase.split(' ').map(exact);
  const parts: Part[] = [];
  // The tokenizer splits "14-day" into a number and a word, so "<number>-day" means the same two.
  // Tested first: most phrases on this path (accented words, other scripts) hold no hyphen.
  const spaced = phrase.includes('-') ? phrase.replace(/>-|-</g, (m) => (m === '>-' ? '> ' : ' <')) : phrase;
  const split = spaced.trim().toLowerCase().split(/\s+/);
  for (const piece of spaced.includes('<') ? split.flatMap(unglued) : split) {
    if (!piece) continue;
    // Placeholders open with "<"; looking every word up in the object would intern each one.
    const kind = charCode(piece, 0) === 60 ? PLACEHOLDERS[piece] : undefined;
    if (kind) parts.push({ type: KIND, value: kind, id: -1 });
    else if (piece === NAME_PLACEHOLDER) parts.push({ type: NAME, value: piece, id: -1 });
    // A count in thousands ("10k") or a multi-buy deal ("2x1") is a number token with a form of
    // its own (see NUMBER_FORMS), matched exactly.
    else if (NUMBER_FORMS.has(piece)) parts.push({ type: EXACT, value: piece, id: -1 });
    // Prefixes are indexed by their first three letters; shorter ones are not prefixes.
    else if (piece.endsWith('*') && piece.length > 3)
      parts.push({ type: PREFIX, value: piece.slice(0, -1).replace(/’/g, "'"), id: -1 });
    // Most pieces are one plain word: what tokenize would answer, without running it (a pack has
    // thousands of phrases, and compiling them is part of every worker start and CLI call).
    else if (PLAIN_WORD.test(piece)) parts.push(exact(piece));
    // A pointing arrow on its own is no token (a draft's arrow is one only before a link), and a
    // piece that reads as nothing would widen "→ <url>" to every link.
    else if (piece.length === 1 && isPointingArrow(charCode(piece, 0))) parts.push(exact(piece));
    // A copy in one piece (split and joined again): `piece` may be a view into the phrase (V8
    // slices 13+ characters), and a tokenizer that has once read such a view reads every later
    // draft about 1.5× slower.
    else
      for (const t of tokenize(piece.split('').join('')))
        if (t.kind !== 'punct')
          parts.push(
            t.kind === 'word' ||
              t.kind === 'hashtag' ||
              t.kind === 'mention' ||
              t.kind === 'cashtag' ||
              t.kind === 'emoji'
              ? exact(t.norm)
              : { type: KIND, value: t.kind, id: -1 },
          );
  }
  return parts;
}

/**
 * A sealed lexicon as data, from `Lexicon.image`: a build can take one of a trusted pack's lexicon
 * (the CLI's built-in pack, twenty thousand phrases) so a process takes it up instead of filing
 * every phrase again. The trie's labels are vocabulary ids, so it holds only where the vocabulary
 * holds the image's words with the same ids; `Lexicon` checks that (Vocabulary.takeUp) and
 * otherwise files the lists itself.
 */
export interface LexiconImage {
  /** The vocabulary when the image was made (see Vocabulary.image): its words by id, and its table. */
  vocabulary: { words: readonly string[]; table: Int32Array };
  /** The languages phrases name, by their codes in the trie. */
  languages: readonly string[];
  trie: TrieImage;
}

/** Images of one lexicon: as built, and (made only when asked for) with its bare spellings filed. */
export interface LexiconImages {
  filed: LexiconImage;
  bare: () => LexiconImage | undefined;
}

export class Lexicon {
  readonly names: readonly string[];
  /** Every phrase, as a trie over token labels (see phrase-trie.ts). */
  private trie = new PhraseTrie();
  /** The languages phrases name ("@xx", "@-xx", ACCENTLESS), as the small numbers the trie keeps. */
  private readonly languages = new Map<string, number>();
  /** Where the bare spellings' image comes from, while the trie is one taken up from an image. */
  private bareImage: (() => LexiconImage | undefined) | null = null;
  /** Whether the trie was taken up from an image rather than filed here (for tools and tests). */
  fromImage = false;
  /** Head words of phrases that open with a word, and second words of those whose second part is one. */
  private readonly heads = new Set<string>();
  private readonly seconds = new Set<string>();
  // Scratch space reused across calls: matching allocates only its results.
  // Typed arrays past 64 bytes live outside the JS heap and cost microseconds to allocate, so
  // they are kept and grown, never made per call.
  private best = new Int32Array(0);
  private touched = new Int32Array(0);
  private lastEnd = new Int32Array(0);
  private pos = new Int32Array(64);
  private sentence = new Int32Array(64);
  /** Per matchable token: its word's label and its kind's (see phrase-trie.ts). */
  private word = new Int32Array(64);
  private kind = new Int32Array(64);
  /** The walk's pending nodes, four numbers each: node, tokens consumed, its meta and data. */
  private stack = new Int32Array(256);
  /** Lists that matched at the current token, in `touched`; the draft's language codes (see credit). */
  private nTouched = 0;
  private draftLanguage = -2;
  private draftAccentless = -4;
  /**
   * The lists, until the accented phrases among them get their bare spellings (see `unaccented`):
   * the first draft that can use those, one known to be in a language other than English, files
   * them. Most drafts are English, and finding and filing them on every worker start and CLI call
   * made the whole index about a fifth slower to build.
   */
  private unfiled: ReadonlyMap<string, readonly string[]> | null;

  /**
   * `images`, when given, must be images of a lexicon of these same lists (see LexiconImage); one
   * that does not fit this process's vocabulary is passed over and the lists are filed.
   */
  constructor(lists: ReadonlyMap<string, readonly string[]>, images?: LexiconImages) {
    this.names = [...lists.keys()];
    this.unfiled = lists;
    if (images && this.takeUp(images.filed)) {
      this.bareImage = images.bare;
      return;
    }
    this.fileAll(lists);
  }

  /** Whether this process's vocabulary fits `image`; if so, the trie and languages are the image's. */
  private takeUp(image: LexiconImage): boolean {
    if (!VOCABULARY.takeUp(image.vocabulary.words, image.vocabulary.table)) return false;
    this.trie = PhraseTrie.fromImage(image.trie);
    this.fromImage = true;
    this.languages.clear();
    image.languages.forEach((lang, code) => this.languages.set(lang, code));
    return true;
  }

  /** The lexicon as it stands, as data (see LexiconImage). */
  image(): LexiconImage {
    return { vocabulary: VOCABULARY.image(), languages: [...this.languages.keys()], trie: this.trie.image() };
  }

  /** Files every phrase of `lists` and seals the trie: what the constructor does without an image. */
  private fileAll(lists: ReadonlyMap<string, readonly string[]>): void {
    this.names.forEach((name, list) => {
      for (const source of lists.get(name) ?? []) {
        // Most phrases name no language: one scan for "@" settles them without the call.
        const [phrase, lang] = source.includes('@') ? splitLanguage(source) : [source, null];
        this.file(list, phrase, lang);
        const typed = phoneSpelling(phrase);
        if (typed !== null) this.file(list, typed, lang);
      }
    });
    this.trie.seal();
  }

  /**
   * Files the bare spellings of the accented phrases (see `unfiled`), which matching does on the
   * first draft that can use them; a build taking an image of the whole lexicon calls it first.
   */
  fileBare(): void {
    const lists = this.unfiled;
    this.unfiled = null;
    if (!lists) return;
    const bareImage = this.bareImage;
    if (bareImage !== null) {
      this.bareImage = null;
      const image = bareImage();
      if (image && this.takeUp(image)) return;
      // No image that fits: file the lists afresh, as a lexicon made without one did.
      this.trie = new PhraseTrie();
      this.fromImage = false;
      this.languages.clear();
      this.fileAll(lists);
    }
    const found: Array<[list: number, phrase: string, lang: string, accented: string]> = [];
    this.names.forEach((name, list) => {
      for (const source of lists.get(name) ?? []) {
        // Most phrases are plain ASCII, with no accent to type away.
        if (!ACCENTED_LETTER.test(source)) continue;
        const [phrase, lang] = splitLanguage(source);
        // Not for a phrase counted in all languages but one ("@-xx"): it names no language to keep.
        const plain = lang?.startsWith('-') ? null : unaccented(phrase);
        if (plain !== null) found.push([list, plain, lang ?? ACCENTLESS, phrase]);
      }
    });
    // A word that lost its accent and is a word of this pack or a function word already is another
    // word: "compré" (I bought) bare is "compre" (buy), "está" (is) bare is "esta" (this). Decided
    // for all before any is filed: one filed first would make the next one's word look known
    // ("ultimas" of "últimas unidades" ruling out "últimas plazas").
    const named = (word: string): boolean =>
      this.heads.has(word) || this.seconds.has(word) || STOPWORDS.has(word) || LANGUAGE_BITS.has(word);
    const kept = found.filter(([, phrase, , accented]) => !namesAnotherWord(accented, phrase, named));
    for (const [list, phrase, lang] of kept) this.file(list, phrase, lang);
    this.trie.seal();
  }

  /** The small number standing for a language a phrase names, or -1 for none. */
  private languageCode(lang: string | null): number {
    if (lang === null) return -1;
    let code = this.languages.get(lang);
    if (code === undefined) this.languages.set(lang, (code = this.languages.size));
    return code;
  }

  /** Files one phrase in the trie. */
  private file(list: number, phrase: string, lang: string | null): void {
    const parts = parsePhrase(phrase);
    const head = parts[0];
    // A name heads nothing: matching never starts at one (the pack compiler names such a phrase).
    // Nor does "<word>": the root is left by a word's own edge, by the kind of a token that is no
    // word, or by a prefix (the pack compiler refuses a gap first).
    if (!head || head.type === NAME || (head.type === KIND && head.value === 'word')) return;
    if (head.type === EXACT) {
      this.heads.add(head.value);
      const second = parts[1];
      if (second?.type === EXACT) this.seconds.add(second.value);
    }
    const except = lang?.startsWith('-') ? lang.slice(1) : null;
    this.trie.add(
      parts,
      list,
      packLanguages(this.languageCode(except === null ? lang : null), this.languageCode(except)),
    );
  }

  /**
   * Matches per list name; within one list the longest match wins and matches do not overlap.
   * `language` is the draft's (a phrase tied to another language, or any when it is unknown, is skipped).
   */
  match(tokens: readonly Token[], language?: string): Hits {
    const accentless =
      language !== undefined && language !== UNDETERMINED && language !== 'en' ? ACCENTLESS : null;
    if (accentless !== null && this.unfiled !== null) this.fileBare();
    const trie = this.trie;
    // Positions of matchable tokens, the sentence each belongs to, and the labels it goes by.
    if (this.pos.length < tokens.length) {
      const size = Math.max(tokens.length, this.pos.length * 2);
      this.pos = new Int32Array(size);
      this.sentence = new Int32Array(size);
      this.word = new Int32Array(size);
      this.kind = new Int32Array(size);
    }
    const pos = this.pos;
    const sentence = this.sentence;
    const word = this.word;
    const kind = this.kind;
    let count = 0;
    let s = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'punct') {
        s++;
        continue;
      }
      pos[count] = i;
      sentence[count] = s;
      word[count] = trie.labelOf(t);
      kind[count++] = t.kind === 'word' ? WORD_LABEL : kindLabel(t.kind);
    }
    const lists = this.names.length;
    const out: (Match[] | undefined)[] = new Array<Match[] | undefined>(lists);
    // Where each list's last match ended, read only for a list that matched already in this call
    // (see below): left over from the last call otherwise, so it needs no clearing on every call.
    const lastEnd = this.lastEnd.length === lists ? this.lastEnd : (this.lastEnd = new Int32Array(lists));
    const best = this.best.length === lists ? this.best : (this.best = new Int32Array(lists));
    const touched = this.touched.length === lists ? this.touched : (this.touched = new Int32Array(lists));
    // A phrase tied to a language counts in a draft of that language, and one bare of its accents
    // in any known language but English; codes no phrase names stand for the rest.
    this.draftLanguage = language === undefined ? -2 : (this.languages.get(language) ?? -3);
    this.draftAccentless = accentless === null ? -4 : (this.languages.get(accentless) ?? -4);
    const { ends, rootWord, rootPrefixChildren, size } = trie;
    for (let p = 0; p < count; p++) {
      this.nTouched = 0;
      let top = 0;
      // The root's children along the token at p: its word, the prefixes it opens, its kind.
      const w = word[p]!;
      if (w >= 0 && w < size) {
        // The child's meta and data sit beside it: one read for the most common step of all.
        const at = w << 2;
        const child = rootWord[at]!;
        if (child !== 0) top = this.pushWith(top, child, 1, rootWord[at + 2]!, rootWord[at + 3]!);
        const opened = rootWord[at + 1]!;
        if (opened !== 0)
          for (let k = opened - 1; rootPrefixChildren[k] !== 0; k++)
            top = this.push(top, rootPrefixChildren[k]!, 1);
      } else {
        if (w !== NO_LABEL) {
          const child = trie.child(0, w);
          if (child !== 0) top = this.push(top, child, 1);
        }
        const t = tokens[pos[p]!]!;
        if (t.kind === 'word' && t.norm.length >= 3) {
          const opened = trie.rootPrefixesOf(t.norm);
          if (opened)
            for (const edge of opened) if (t.norm.startsWith(edge.value)) top = this.push(top, edge.child, 1);
        }
      }
      const k0 = kind[p]!;
      if (k0 !== WORD_LABEL) {
        const child = trie.child(0, k0);
        if (child !== 0) top = this.push(top, child, 1);
      }
      // Down the trie, one token a step, never past the sentence's end.
      const stack = this.stack;
      while (top > 0) {
        top--;
        const node = stack[top * 4]!;
        const depth = stack[top * 4 + 1]!;
        const meta = stack[top * 4 + 2]!;
        const data = stack[top * 4 + 3]!;
        if (meta & ONE_END) this.credit(data, 0, depth);
        else if (meta & MANY_ENDS)
          for (let e = data + 1, stop = e + 2 * ends[data]!; e < stop; e += 2)
            this.credit(ends[e]!, ends[e + 1]!, depth);
        const flags = meta & FLAGS;
        const q = p + depth;
        if (flags === 0 || q >= count || sentence[q] !== sentence[p]) continue;
        if (flags & HAS_WORD) {
          const wq = word[q]!;
          if (wq !== NO_LABEL && (meta & labelBit(wq)) !== 0) {
            const child = trie.child(node, wq);
            if (child !== 0) top = this.push(top, child, depth + 1);
          }
        }
        if (flags & HAS_KIND && (meta & labelBit(kind[q]!)) !== 0) {
          const child = trie.child(node, kind[q]!);
          if (child !== 0) top = this.push(top, child, depth + 1);
        }
        if (flags & (HAS_NAME | HAS_PREFIX))
          top = this.stepByToken(node, flags, tokens[pos[q]!]!, top, depth);
      }
      for (let k = 0; k < this.nTouched; k++) {
        const list = touched[k]!;
        const len = best[list]!;
        best[list] = 0;
        const arr = out[list];
        if (arr !== undefined && p < lastEnd[list]!) continue;
        lastEnd[list] = p + len;
        const first = pos[p]!;
        const last = pos[p + len - 1]! + 1;
        const m: Match = { first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end };
        if (arr) arr.push(m);
        else out[list] = [m];
      }
    }
    return out;
  }

  /**
   * A phrase of `list` matched `depth` tokens: the list's longest match here so far, unless its
   * languages (see packLanguages) rule the draft out.
   */
  private credit(list: number, languages: number, depth: number): void {
    if (languages !== 0) {
      const lang = (languages & ((1 << LANGUAGE_CODE_BITS) - 1)) - 1;
      const except = (languages >>> LANGUAGE_CODE_BITS) - 1;
      if (
        (lang !== -1 && lang !== this.draftLanguage && lang !== this.draftAccentless) ||
        except === this.draftLanguage
      )
        return;
    }
    const had = this.best[list]!;
    if (depth <= had) return;
    if (had === 0) this.touched[this.nTouched++] = list;
    this.best[list] = depth;
  }

  /** Pushes a node reached after `depth` tokens onto the walk's stack, reading its meta and data; the new top. */
  private push(top: number, node: number, depth: number): number {
    const at = (node - 1) << 2;
    const slots = this.trie.slots;
    return this.pushWith(top, node, depth, slots[at + 2]!, slots[at + 3]!);
  }

  /** Pushes a node with its meta and data (see PhraseTrie.slots); the new top. */
  private pushWith(top: number, node: number, depth: number, meta: number, data: number): number {
    if (top * 4 === this.stack.length) {
      const grown = new Int32Array(top * 8);
      grown.set(this.stack);
      this.stack = grown;
    }
    const stack = this.stack;
    stack[top * 4] = node;
    stack[top * 4 + 1] = depth;
    stack[top * 4 + 2] = meta;
    stack[top * 4 + 3] = data;
    return top + 1;
  }

  /** Follows the edges of `node` that test the token itself: a name, a prefix. The new top. */
  private stepByToken(node: number, flags: number, t: Token, top: number, depth: number): number {
    if (t.kind !== 'word') return top;
    if (flags & HAS_NAME && t.capital && !t.sentenceStart) {
      const child = this.trie.child(node, NAME_LABEL);
      if (child !== 0) top = this.push(top, child, depth + 1);
    }
    if (flags & HAS_PREFIX)
      for (const edge of this.trie.prefixesOf(node))
        if (t.norm.startsWith(edge.value)) top = this.push(top, edge.child, depth + 1);
    return top;
  }

  /** The same matches keyed by list name, lists that matched nothing left out (for tools and tests). */
  matchByName(tokens: readonly Token[], language?: string): Map<string, Match[]> {
    const out = new Map<string, Match[]>();
    this.match(tokens, language).forEach((found, list) => {
      if (found) out.set(this.names[list]!, [...found]);
    });
    return out;
  }
}
