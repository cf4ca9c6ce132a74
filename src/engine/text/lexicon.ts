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
import { internable, knownAbsent, VOCABULARY } from './vocabulary.ts';
import { LANGUAGE_BITS, UNDETERMINED } from './language.ts';
import { STOPWORDS } from './stopwords.ts';

/** Matches per list, by the list's index in `Lexicon.names`; undefined where a list matched nothing. */
export type Hits = readonly (readonly Match[] | undefined)[];

export interface Match {
  /** Index of the first and one past the last matched token in `Doc.tokens`. */
  first: number;
  last: number;
  start: number;
  end: number;
}

// One object shape for every part keeps the matching loop monomorphic.
const EXACT = 0;
const PREFIX = 1;
const KIND = 2;
const NAME = 3;
interface Part {
  type: typeof EXACT | typeof PREFIX | typeof KIND | typeof NAME;
  /** The word or prefix; for a kind placeholder, the token kind; for a name, "<name>". */
  value: string;
  /** An exact word's vocabulary id, or -1 (see partMatches). */
  id: number;
}
interface Scan {
  tokens: readonly Token[];
  pos: Int32Array;
  sentence: Int32Array;
  count: number;
  best: Int32Array;
  touched: Int32Array;
  nTouched: number;
  /** The draft's language, for phrases tied to one. */
  language: string | undefined;
  /** ACCENTLESS when the language is known and not English, so phrases typed bare count. */
  accentless: string | null;
}

interface Head {
  /** Phrases of one word, or whose second part is not a plain word. */
  single: Phrase[] | null;
  /** Phrases under their second word. */
  pairs: Map<string, Phrase[]> | null;
  /**
   * The same, for second words with a vocabulary id, under that id: a token's id is at hand, while
   * hashing its string reads it from elsewhere in memory (a cache miss a lookup).
   */
  pairsById: Map<number, Phrase[]> | null;
  /**
   * Phrases whose second part is a kind of token ("first <number> customers"), under that kind:
   * a head such as "first" opens dozens, and most of its tokens are followed by a word.
   */
  kinds: Map<TokenKind, Phrase[]> | null;
  /**
   * One bit per second word's vocabulary id modulo 32: a clear bit rules a pair out without the
   * map probe, which was the matcher's costliest line (most words follow a head and pair with nothing).
   */
  pairBits: number;
}

interface Phrase {
  parts: Part[];
  /** parts.length, kept on the phrase: most phrases tried are ruled out by it alone. */
  size: number;
  /**
   * The first part left to check: the index already guarantees an exact or kind head (1), and a
   * phrase filed under its second word too (2); a prefix head is checked again (0).
   */
  from: 0 | 1 | 2;
  list: number;
  /** The one language the phrase counts in ("@xx"), or null for every language. */
  lang: string | null;
  /** The one language the phrase does not count in ("@-xx"), or null. */
  except: string | null;
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
  const spaced = phrase.replace(/>-|-</g, (m) => (m === '>-' ? '> ' : ' <'));
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

/** Slots of the pair filter: room for the pack's word pairs at a few in a hundred collisions. */
const PAIR_SLOTS = 1 << 16;
const pairSlot = (head: number, second: number): number =>
  (Math.imul(head, 0x9e3779b1) ^ second) & (PAIR_SLOTS - 1);

/** A cheap slot for a word from its first two characters and length: no hashing of the string. */
function wordSlot(word: string): number {
  return ((charCode(word, 0) * 961 + codeAt(word, 1) * 31 + word.length) & 0xffff) >>> 0;
}

/** The first three characters as one number (no string allocated on the hot path). */
function prefixKey(word: string): number | string {
  const a = charCode(word, 0);
  const b = codeAt(word, 1);
  const c = codeAt(word, 2);
  return a < 256 && b < 256 && c < 256 ? (a << 16) | (b << 8) | c : word.slice(0, 3);
}

/** Adds a phrase to the bucket under `key`, making the bucket when it is the first. */
function fileUnder<K>(index: Map<K, Phrase[]>, key: K, phrase: Phrase): void {
  const bucket = index.get(key);
  if (bucket) bucket.push(phrase);
  else index.set(key, [phrase]);
}

function partMatches(part: Part, t: Token): boolean {
  if (part.type === EXACT) {
    // By id where both sides have one, or where the token was looked up among enough words to
    // rule the part's out: comparing two strings reads them, and a vocabulary word's string lives
    // elsewhere in memory (a cache miss a comparison).
    const pid = part.id;
    const tid = t.id;
    if (pid >= 0 && (tid >= 0 || -2 - tid > pid)) return tid === pid;
    return t.norm === part.value;
  }
  if (part.type === KIND) return t.kind === part.value;
  if (part.type === NAME) return t.kind === 'word' && t.capital && !t.sentenceStart;
  return t.kind === 'word' && t.norm.startsWith(part.value);
}

export class Lexicon {
  readonly names: readonly string[];
  /**
   * Phrases by their head word, in one entry a word so a token costs one lookup: those whose
   * second part is a word too sit under that second word (a common head such as "we" or "our"
   * then costs one more lookup instead of trying its dozens of phrases).
   */
  private readonly heads = new Map<string, Head>();
  /** The same entries by vocabulary id, for head words the tokenizer recognises. */
  private readonly headById: Array<Head | null> = [];
  /** 1 for the vocabulary ids of words that are a phrase's second word: others skip the pair maps. */
  private secondById = new Uint8Array(0);
  /**
   * One bit per (head id, second id) slot that some pair of words fills: pairBits lets through
   * every word whose id shares a bit with one of a head's second words, which for a head with
   * many ("our", "we") is nearly all; this rules out most of the rest before the map probe.
   */
  private readonly pairFilter = new Uint8Array(PAIR_SLOTS);
  /**
   * The vocabulary's size once this index was built, when every head word it holds is among
   * those; -1 when one could not join the vocabulary (see knownAbsent).
   */
  private vocabularySize = -1;
  private readonly kindIndex = new Map<TokenKind, Phrase[]>();
  /** Phrases that open with a kind then a word ("<number> followers"), under kind then word. */
  private readonly kindPairs = new Map<TokenKind, Map<string, Phrase[]>>();
  private readonly prefixIndex = new Map<number | string, Phrase[]>();
  /** Vocabulary ids below this have their prefix phrases in `headById` (see foldPrefixes). */
  private prefixesFolded = 0;
  /** A 1-bit-per-slot filter of head words (and prefixes), so most tokens skip the Map probe. */
  private readonly headFilter = new Uint8Array(1 << 16);
  private readonly prefixFilter = new Uint8Array(1 << 16);
  // Scratch space reused across calls: matching allocates only its results.
  // Typed arrays past 64 bytes live outside the JS heap and cost microseconds to allocate, so
  // they are kept and grown, never made per call.
  private best = new Int32Array(0);
  private touched = new Int32Array(0);
  private lastEnd = new Int32Array(0);
  private pos = new Int32Array(64);
  private sentence = new Int32Array(64);

  /** False once a head word the tokenizer looks up could not get a vocabulary id (see vocabularySize). */
  private complete = true;
  /** The second words of two-word phrases, for `secondById`. */
  private readonly seconds = new Set<string>();
  /**
   * The lists, until the accented phrases among them get their bare spellings (see `unaccented`):
   * the first draft that can use those, one known to be in a language other than English, files
   * them. Most drafts are English, and finding and filing them on every worker start and CLI call
   * made the whole index about a fifth slower to build.
   */
  private unfiled: ReadonlyMap<string, readonly string[]> | null;

  constructor(lists: ReadonlyMap<string, readonly string[]>) {
    this.names = [...lists.keys()];
    this.names.forEach((name, list) => {
      for (const source of lists.get(name) ?? []) {
        const [phrase, lang] = splitLanguage(source);
        this.file(list, phrase, lang);
        const typed = phoneSpelling(phrase);
        if (typed !== null) this.file(list, typed, lang);
      }
    });
    this.unfiled = lists;
    this.finish();
  }

  /** Files the bare spellings of the accented phrases (see `unfiled`). */
  private fileBare(): void {
    const lists = this.unfiled;
    this.unfiled = null;
    if (!lists) return;
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
    this.finish();
  }

  /** What filing phrases leaves to do: the second-word table, prefixes by id, the vocabulary's size. */
  private finish(): void {
    this.secondById = new Uint8Array(VOCABULARY.size);
    for (const word of this.seconds) {
      const id = VOCABULARY.idOf(word);
      if (id >= 0) this.secondById[id] = 1;
    }
    this.foldPrefixes();
    // Past the vocabulary's cap a head word may be missing from it: then no token is ruled out.
    this.vocabularySize = this.complete ? VOCABULARY.size : -1;
  }

  /** Files one phrase under its head (word, kind or prefix) and, where it has one, its second part. */
  private file(list: number, phrase: string, lang: string | null): void {
    const parts = parsePhrase(phrase);
    const head = parts[0];
    // A name heads nothing: no index holds it (the pack compiler names such a phrase).
    if (!head || head.type === NAME) return;
    const except = lang?.startsWith('-') ? lang.slice(1) : null;
    const phraseEntry: Phrase = {
      parts,
      size: parts.length,
      list,
      from: head.type === PREFIX ? 0 : 1,
      lang: except === null ? lang : null,
      except,
    };
    if (head.type === KIND) {
      const kind = head.value as TokenKind;
      const second = parts[1];
      if (second?.type === EXACT) {
        let byNext = this.kindPairs.get(kind);
        if (!byNext) this.kindPairs.set(kind, (byNext = new Map()));
        // Found by its head's kind and its second word: both are known to match.
        phraseEntry.from = 2;
        fileUnder(byNext, second.value, phraseEntry);
        return;
      }
      fileUnder(this.kindIndex, kind, phraseEntry);
    } else {
      const second = parts[1];
      if (head.type === EXACT) {
        this.headFilter[wordSlot(head.value)] = 1;
        let entry = this.heads.get(head.value);
        const headId = VOCABULARY.idOf(head.value);
        if (!entry) {
          this.heads.set(
            head.value,
            (entry = { single: null, pairs: null, pairsById: null, kinds: null, pairBits: 0 }),
          );
          if (headId >= 0) {
            while (this.headById.length <= headId) this.headById.push(null);
            this.headById[headId] = entry;
          } else if (internable(head.value)) this.complete = false;
        }
        if (second?.type === EXACT) {
          this.seconds.add(second.value);
          const secondId = VOCABULARY.idOf(second.value);
          // A second word without an id is matched by string: its bit stays unknown, so all are set.
          entry.pairBits |= secondId >= 0 ? 1 << (secondId & 31) : -1;
          if (headId >= 0 && secondId >= 0) this.pairFilter[pairSlot(headId, secondId)] = 1;
          // Found by its head and second word: both are known to match.
          phraseEntry.from = 2;
          fileUnder((entry.pairs ??= new Map()), second.value, phraseEntry);
          if (secondId >= 0) fileUnder((entry.pairsById ??= new Map()), secondId, phraseEntry);
        } else if (second?.type === KIND && second.value !== 'word') {
          // Found by its head and the next token's kind: both are known to match. A gap ("free
          // <word> inspection") goes with the one-word phrases below, tried wherever its head
          // stands: `match` looks kinds up only after a token that is no word.
          phraseEntry.from = 2;
          fileUnder((entry.kinds ??= new Map()), second.value as TokenKind, phraseEntry);
        } else (entry.single ??= []).push(phraseEntry);
        return;
      }
      const key = prefixKey(head.value);
      this.prefixFilter[typeof key === 'number' ? key & 0xffff : 0] = 1;
      fileUnder(this.prefixIndex, key, phraseEntry);
    }
  }

  /**
   * Puts the prefix phrases a vocabulary word can open ("synerg*" for "synergy") in that word's
   * entry by id, so a known word costs one array read and skips the prefix index while matching.
   * Words the vocabulary gains later, and unknown words, still take the prefix index.
   */
  private foldPrefixes(): void {
    const size = VOCABULARY.size;
    while (this.headById.length < size) this.headById.push(null);
    if (this.prefixIndex.size) {
      for (let id = 0; id < size; id++) {
        const word = VOCABULARY.word(id);
        if (word.length < 3) continue;
        const key = prefixKey(word);
        if (!this.prefixFilter[typeof key === 'number' ? key & 0xffff : 0]) continue;
        const bucket = this.prefixIndex.get(key)?.filter((p) => word.startsWith(p.parts[0]!.value));
        if (!bucket?.length) continue;
        // A copy: the entry in `heads` serves words with no id, which take the prefix index anyway.
        // Made from that entry, not this slot's, so folding again (see fileBare) adds nothing twice.
        const entry = this.heads.get(word);
        this.headById[id] = {
          single: [...(entry?.single ?? []), ...bucket],
          pairs: entry?.pairs ?? null,
          pairsById: entry?.pairsById ?? null,
          kinds: entry?.kinds ?? null,
          pairBits: entry?.pairBits ?? 0,
        };
      }
    }
    this.prefixesFolded = size;
  }

  /**
   * Matches per list name; within one list the longest match wins and matches do not overlap.
   * `language` is the draft's (a phrase tied to another language, or any when it is unknown, is skipped).
   */
  match(tokens: readonly Token[], language?: string): Hits {
    const accentless =
      language !== undefined && language !== UNDETERMINED && language !== 'en' ? ACCENTLESS : null;
    if (accentless !== null && this.unfiled !== null) this.fileBare();
    // Positions of matchable tokens, and the sentence each belongs to.
    if (this.pos.length < tokens.length) {
      const size = Math.max(tokens.length, this.pos.length * 2);
      this.pos = new Int32Array(size);
      this.sentence = new Int32Array(size);
    }
    const pos = this.pos;
    const sentence = this.sentence;
    let count = 0;
    let s = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'punct') {
        s++;
        continue;
      }
      pos[count] = i;
      sentence[count++] = s;
    }
    const lists = this.names.length;
    const out: (Match[] | undefined)[] = new Array<Match[] | undefined>(lists);
    const lastEnd = this.lastEnd.length === lists ? this.lastEnd : (this.lastEnd = new Int32Array(lists));
    lastEnd.fill(0);
    const best = this.best.length === lists ? this.best : (this.best = new Int32Array(lists));
    const touched = this.touched.length === lists ? this.touched : (this.touched = new Int32Array(lists));
    const env: Scan = { tokens, pos, sentence, count, best, touched, nTouched: 0, language, accentless };
    const headById = this.headById;
    const secondById = this.secondById;
    for (let p = 0; p < count; p++) {
      const t = tokens[pos[p]!]!;
      env.nTouched = 0;
      const id = t.id;
      const entry =
        id >= 0
          ? id < headById.length
            ? headById[id]
            : null
          : knownAbsent(id, this.vocabularySize) || !this.headFilter[wordSlot(t.norm)]
            ? undefined
            : this.heads.get(t.norm);
      // The token after this one, when it is in the same sentence: every two-part lookup needs it.
      const next = p + 1 < count && sentence[p + 1] === sentence[p] ? tokens[pos[p + 1]!]! : undefined;
      if (entry) {
        if (entry.single) this.tryBucket(entry.single, env, p);
        if (entry.pairs && next) {
          const nid = next.id;
          // A second word with an id is looked up by it: hashing the token's string would read it
          // from elsewhere in memory.
          const pair =
            nid >= 0
              ? nid < secondById.length &&
                secondById[nid] === 1 &&
                ((entry.pairBits >>> (nid & 31)) & 1) === 1 &&
                (id < 0 || this.pairFilter[pairSlot(id, nid)] === 1)
                ? entry.pairsById?.get(nid)
                : undefined
              : knownAbsent(nid, this.vocabularySize)
                ? undefined
                : entry.pairs.get(next.norm);
          if (pair) this.tryBucket(pair, env, p);
        }
        if (entry.kinds && next && next.kind !== 'word') {
          const byKind = entry.kinds.get(next.kind);
          if (byKind) this.tryBucket(byKind, env, p);
        }
      }
      if (t.kind !== 'word') {
        const byKind = this.kindIndex.get(t.kind);
        if (byKind) this.tryBucket(byKind, env, p);
        const pair = next && this.kindPairs.get(t.kind)?.get(next.norm);
        if (pair) this.tryBucket(pair, env, p);
      }
      // The id first: a known word's prefixes were folded into its entry, and its string lives
      // elsewhere in memory (reading its length was a cache miss a word).
      if (
        !(id >= 0 && id < this.prefixesFolded) &&
        this.prefixIndex.size &&
        t.kind === 'word' &&
        t.norm.length >= 3
      ) {
        const key = prefixKey(t.norm);
        if (this.prefixFilter[typeof key === 'number' ? key & 0xffff : 0]) {
          const pre = this.prefixIndex.get(key);
          if (pre) this.tryBucket(pre, env, p);
        }
      }
      for (let k = 0; k < env.nTouched; k++) {
        const list = touched[k]!;
        const len = best[list]!;
        best[list] = 0;
        if (p < lastEnd[list]!) continue;
        lastEnd[list] = p + len;
        const first = pos[p]!;
        const last = pos[p + len - 1]! + 1;
        const m: Match = { first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end };
        const arr = out[list];
        if (arr) arr.push(m);
        else out[list] = [m];
      }
    }
    return out;
  }

  /** The same matches keyed by list name, lists that matched nothing left out (for tools and tests). */
  matchByName(tokens: readonly Token[], language?: string): Map<string, Match[]> {
    const out = new Map<string, Match[]>();
    this.match(tokens, language).forEach((found, list) => {
      if (found) out.set(this.names[list]!, [...found]);
    });
    return out;
  }

  private tryBucket(bucket: readonly Phrase[], env: Scan, p: number): void {
    const { tokens, pos, sentence, count, best, touched } = env;
    for (const phrase of bucket) {
      const n = phrase.size;
      if (
        p + n > count ||
        n <= best[phrase.list]! ||
        (phrase.lang !== null && phrase.lang !== env.language && phrase.lang !== env.accentless) ||
        phrase.except === env.language
      )
        continue;
      let ok = true;
      for (let k = phrase.from; k < n; k++) {
        if (sentence[p + k] !== sentence[p] || !partMatches(phrase.parts[k]!, tokens[pos[p + k]!]!)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (best[phrase.list] === 0) touched[env.nTouched++] = phrase.list;
      best[phrase.list] = n;
    }
  }
}
