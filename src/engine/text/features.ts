/**
 * Counts and positions that rules read. Computed once per draft from the token stream, so
 * that adding a rule never adds a pass over the text.
 */
import { charCode, codeAt, isAsciiAlnum } from './code-at.ts';
import { isWordChar, tokenize, type Token, type TokenizeReport } from './tokenize.ts';
import {
  ADDRESS_WORDS,
  FINITE_VERBS,
  FIRST_PLURAL_WORDS,
  FIRST_SINGULAR_WORDS,
  GENERIC_YOU_BEFORE,
  LEAD_IN,
  PLEA_WORDS,
  PHATIC,
  REQUEST_CONTRACTED,
  REQUEST_MODALS,
  SECOND_PERSON_WORDS,
  STOPWORDS,
  WANTING,
} from './stopwords.ts';
import { LANGUAGE_BITS, LanguageVotes, type Language } from './language.ts';
import type { Match } from './lexicon.ts';
import { endName, kanaSignature, nameLines, type NameWords } from './name-line.ts';
import { NAME_MIN, namedLinks } from './named-links.ts';
import { testimonialEnd } from './testimonial.ts';
import { internable, knownAbsent, VOCABULARY } from './vocabulary.ts';

export const FEATURES = [
  'chars',
  'words',
  'content-words',
  'specific-words',
  'sentences',
  'urls',
  'mentions',
  'hashtags',
  'cashtags',
  'emoji',
  'numbers',
  'prices',
  'percents',
  'questions',
  'reader-questions',
  'exclamations',
  'first-singular',
  'first-plural',
  'second-person',
  'proper-nouns',
  'lines',
  'first-sentence-chars',
  'abstract-words',
  'abstract-share',
  'quote-only',
  'statements',
  'named-links',
  'testimonial',
  'name-lines',
  'figures',
  'quoted-lead',
  'signed',
  'list-items',
  'model-names',
] as const;
export type Feature = (typeof FEATURES)[number];
export type Features = Record<Feature, number>;

/**
 * A feature's place in `Doc.values`. Rules name features in the pack; one that reads
 * `features[name]` with a name that varies is a lookup by key on every read, and one that calls a
 * reader chosen per feature is a call site that sees a different function each time. An index
 * chosen when the rule compiles is a plain array read instead.
 */
export const FEATURE_INDEX = Object.fromEntries(FEATURES.map((name, i) => [name, i])) as Readonly<
  Record<Feature, number>
>;

export interface Doc {
  text: string;
  /**
   * The text holds control characters other than tab and newline: `check` then reads a copy with
   * spaces in their place, so a stray control never joins or splits words differently.
   */
  controls: boolean;
  tokens: Token[];
  features: Features;
  /** The same features in FEATURES order, read by FEATURE_INDEX. */
  values: number[];
  /**
   * Per token: 1 when it opens a clause, where an imperative stands ("Book now", "…, grab
   * yours", "👉 Order today", "Please register"): a sentence start, a word after a comma, dash,
   * bullet or emoji, after a lead-in word ("just", "jetzt") that itself opens one, or after a plea
   * ("please", "pls", "bitte") wherever it stands.
   */
  lead: number[];
  /** Per token: the index of its clause (sentences and lines; a colon also ends one). */
  clause: number[];
  /** Clauses holding at least one word-like token other than hashtags. */
  clauses: number;
  /** Per clause: 1 when it ends with a question mark. */
  questionClause: number[];
  /**
   * Per clause: the words of its longest stretch between clause openers (commas, dashes, emoji)
   * when it states something; 0 when it addresses the reader ("your team will love…") or piles
   * up abstractions ("holistic transformation solutions"). A long statement is narration (what
   * happened, how a thing works), which an ad lacks; a list of features is only as long as its
   * longest item.
   */
  statementWords: number[];
  /**
   * Per clause: its words, half a word a CJK character as `words` counts them; the index of its
   * last word token (-1 for none); and the last clause holding a word (-1 for none). Counted in
   * the one pass that counts the draft's words, where the clauses rules once made a pass of their
   * own over every token for them.
   */
  clauseWords: number[];
  clauseLastWord: number[];
  lastWordClause: number;
  /** Indexes of the tokens that are neither words nor punctuation (URLs, prices, numbers, emoji…). */
  others: number[];
  language: Language;
  /** The last clause of a signed quotation that opens the draft, or -1 (see testimonial.ts). */
  testimonial: number;
  /** The words of each name line (see name-line.ts), for a rule's evidence. */
  nameLines: readonly Match[];
  /** The names that sign the draft (the `signed` feature), for a rule's evidence. */
  signature: readonly Match[];
  /** The longest list's items (the `list-items` feature), for a rule's evidence; empty for none. */
  list: readonly Match[];
}

/**
 * A draft with no name line, signature or list shares this empty list: most drafts, so no
 * allocation for them.
 */
const NO_MATCHES: readonly Match[] = Object.freeze([]);

const OPEN_QUOTE = new Set([...'"“„«「『\'‘']);
const CLOSE_QUOTE = /["”“»」』'’]/g;
/** Words after a quotation that still leave it the whole draft: "— Seneca", "(via a friend)". */
const ATTRIBUTION_WORDS = 3;

/** A label before a quotation: up to four words and a colon ("Zitat des Tages:", "Quote of the day:"). */
const LABEL = /^\s*(?:[^\s:"“„«「『'‘]+\s+){0,3}[^\s:"“„«「『'‘]+\s*:\s*/u;

/**
 * 1 when the draft is a quotation and nothing more: it opens with a quotation mark, or with a
 * short label and a colon before one, and after the last closing mark come at most a few words of
 * attribution. Someone else's words, posted bare, tell the reader nothing of the poster's own; nor
 * does a sign-off after them ("Ein schönes Wochenende allerseits!"), so words of greeting and
 * function words after the quotation do not count against it.
 */
function quoteOnly(text: string, tokens: readonly Token[]): number {
  let open = 0;
  // Most drafts open with an ASCII letter or digit: no space to skip and no quotation mark, told
  // without the expression and the set.
  const plain = isAsciiAlnum(codeAt(text, 0));
  if (!plain) while (open < text.length && /\s/.test(text[open]!)) open++;
  if (plain || !OPEN_QUOTE.has(text[open] ?? '')) {
    // Most drafts have no colon near their start: they skip the expression.
    const colon = text.indexOf(':');
    if (colon < 0 || colon > 80) return 0;
    // LABEL's words hold no colon, so its colon is this first one, and a quotation mark must
    // follow it past spaces: most colons ("Tip: …", "8:40") are settled here without the expression.
    let q = colon + 1;
    for (; q < text.length; q++) {
      const c = charCode(text, q);
      // ASCII spaces by code (tab to carriage return, and the space), any other as \s has it.
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      if (c < 128 || !/\s/.test(text[q]!)) break;
    }
    if (!OPEN_QUOTE.has(text[q] ?? '')) return 0;
    const label = LABEL.exec(text);
    if (!label || !OPEN_QUOTE.has(text[label[0].length] ?? '')) return 0;
    open = label[0].length;
  }
  let close = -1;
  for (const m of text.matchAll(CLOSE_QUOTE)) if (m.index > open) close = m.index;
  if (close < 0) return 0;
  let inside = 0;
  let after = 0;
  for (const t of tokens) {
    // A link or a price after the quotation makes it a share or a pitch, not a bare quotation.
    if (t.start > close && (t.kind === 'url' || t.kind === 'price')) return 0;
    if (t.kind !== 'word') continue;
    if (t.start > close) {
      if (!(classOf(t) & (STOP | GENERIC))) after++;
    } else if (t.start > open) inside++;
  }
  return inside >= 3 && after <= ATTRIBUTION_WORDS ? 1 : 0;
}

/**
 * Abstract nouns and adjectives made from other words (alignment, transformation, scalability,
 * Wertschöpfung, excelência) and jargon compounds (community-focused, data-driven): strategy-deck
 * prose piles them up where a person names things. Each language the pack reads has its endings:
 * Spanish and Portuguese have inclusión, transparencia, excelência, qualidade and posicionamento
 * as English has management and visibility; German has its plurals (Möglichkeiten, Kompetenzen,
 * Innovationen) and glues its jargon adjectives (kundenorientiert, datengetrieben), where English
 * hyphenates them. Not "angetrieben": driven by a motor.
 */
const ABSTRACT =
  /(?:tions?|sions?|ments?|ities|ity|ness|ances?|ences?|i[sz]ations?|isms?|ungen|ung|keit(?:en)?|heit(?:en)?|tät(?:en)?|tionen|enz(?:en)?|anz|(?:orientiert|zentriert|basiert|fokussiert|(?<!an)getrieben)(?:e[nmrs]?)?|ciones|ción|[stx]ión|siones|xiones|[ea]ncias?|mientos?|dades|dad|dade|ções|ção|[êâ]ncias?|mentos?|ismos?|ismes?|ismus|ité|ités|ique|iques|ível|ável|-(?:focused|based|driven|centric|oriented|enabled|powered|facing|first|ready|proof|led|wide|native|forward|positive|agnostic|grade|class|scale))$/;

// Characters after which the next word opens a clause of its own.
// "+" joins asks as a clause does ("RT + follow to win"); Spanish opens an exclamation or a
// question with "¡" and "¿", so the word after one opens its clause ("20k, ¡comparte…").
const CLAUSE_OPENERS = new Set([...',;(–—-•·|→>*/"“+¡¿'].map((ch) => ch.charCodeAt(0)));
// The ASCII ones as a table: this is asked for most words of every draft.
const ASCII_OPENER = new Uint8Array(128);
for (const c of CLAUSE_OPENERS) if (c < 128) ASCII_OPENER[c] = 1;
const opensClause = (c: number): boolean => (c < 128 ? ASCII_OPENER[c] === 1 : CLAUSE_OPENERS.has(c));
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Whether the colon at k sits between two figures, as in a time ("8:40") or a ratio ("3:1"). */
const timeColon = (text: string, k: number): boolean =>
  k > 0 && isAsciiDigit(charCode(text, k - 1)) && isAsciiDigit(codeAt(text, k + 1));
/**
 * Whether the quotation mark at k sits inside a sentence, a word before it: to feel "ready" to
 * apply quotes a word, it opens no clause (unlike …: "Book now" or a quote that opens the draft).
 */
function quotedInSentence(text: string, k: number): boolean {
  const q = charCode(text, k);
  if (q !== 34 && q !== 0x201c) return false;
  let j = k - 1;
  while (j >= 0 && charCode(text, j) === 32) j--;
  return isWordChar(text, j);
}
/**
 * Whether the hyphen at k joins the word at `start` to the figure or word right before it ("a
 * 4k-sub channel", "a 3-day trial"): a compound, where a dash with a space opens a clause.
 */
function joinedHyphen(text: string, k: number, start: number): boolean {
  return charCode(text, k) === 45 && k === start - 1 && isWordChar(text, k - 1);
}
/**
 * Whether the slash at k joins a figure to its unit ("$18/head", "€20/mes", "$0.31/oz", "3x/week"):
 * it reads "per", and the word after it opens no clause ("head" there is no "Head to our shop").
 */
function perUnit(text: string, k: number, start: number, prev: Token): boolean {
  return (
    charCode(text, k) === 47 &&
    k === start - 1 &&
    prev.end === k &&
    (prev.kind === 'price' || prev.kind === 'number' || prev.kind === 'percent')
  );
}
// The last letters ABSTRACT's endings can have: most words skip the regular expression.
const ABSTRACT_END = new Set([...'nstyegdoélmcfzr'].map((ch) => ch.charCodeAt(0)));
function isAbstract(norm: string): boolean {
  if (norm.length < 8) return false;
  const last = charCode(norm, norm.length - 1);
  // The one ending in "a" (Spanish and Portuguese "-ncia": transparencia, excelência) is asked
  // directly: words outside the vocabulary are asked on every score, and many end in "a".
  if (last === 97) return norm.endsWith('ncia');
  return ABSTRACT_END.has(last) && ABSTRACT.test(norm);
}

/**
 * What a word's spelling says (abstract, drawn out), as bits: SHAPE_KNOWN once found, then
 * SHAPE_ABSTRACT and SHAPE_STRETCHED. Kept per vocabulary word, found the first time a draft holds
 * it: a spelling never changes, and reading the answer here spares reading the word's string,
 * which lives elsewhere in memory (one cache miss a word, on every score).
 */
const SHAPE_KNOWN = 1;
const SHAPE_ABSTRACT = 2;
const SHAPE_STRETCHED = 4;
let shapeById = new Uint8Array(0);

function shapeOf(t: Token): number {
  const id = t.id;
  if (id >= 0 && id < shapeById.length) {
    const known = shapeById[id]!;
    if (known !== 0) return known;
  }
  const norm = t.norm;
  const shape =
    SHAPE_KNOWN | (isAbstract(norm) ? SHAPE_ABSTRACT : 0) | (stretched(norm) ? SHAPE_STRETCHED : 0);
  if (id < 0) return shape;
  if (id >= shapeById.length) {
    const grown = new Uint8Array(Math.max(VOCABULARY.size, id + 1));
    grown.set(shapeById);
    shapeById = grown;
  }
  shapeById[id] = shape;
  return shape;
}

const STOP = 1;
const GENERIC = 2;
const FIRST_SINGULAR = 4;
const FIRST_PLURAL = 8;
const SECOND = 16;
/** Words a request frame ends with ("could", "you", "you'd"): only after one is isRequest asked. */
const REQUEST_END = 32;
/** A lead-in after which the next word still opens the clause ("just", "go", "jetzt"). */
const LEAD = 64;
/** A German lead-in after which a short clause ends in its verb (see VERB_FINAL_LEADS). */
const VERB_FINAL = 128;
/**
 * German's polite "you" ("Mit X haben Sie alles im Blick", "Ihr Team"): the same words in lower
 * case are "she", "they" and "her", so only a capital inside a sentence makes them address the reader.
 */
const FORMAL_SECOND = 256;
/** A word after which "you" is not the reader addressed ("thank", and GENERIC_YOU_BEFORE's). */
const YOU_NOT_ADDRESSED = 512;
/**
 * A finite verb (see FINITE_VERBS): the word right before it is its subject, not an imperative,
 * even where it opens the clause ("Shop reopens Jan 6", "Book is out", "Order will ship Monday").
 */
const FINITE = 1024;
/** Greetings, thanks and congratulations: a capital right after one names the person addressed. */
const ADDRESS = 2048;
/**
 * A plea ("please", "pls", "bitte", "porfa", "svp"): the word after it is asked for wherever it
 * stands, as drafts typed on a phone run their clauses together with no comma ("13 more til 1000
 * pls follow n tell ur friends").
 */
const PLEA = 4096;

/** German lead-ins after which a short clause ends in its verb ("Jetzt kostenlos testen"). */
const VERB_FINAL_LEADS: ReadonlySet<string> = new Set(['jetzt', 'hier', 'einfach', 'gleich', 'schnell']);

// One lookup per word instead of one per word class: this loop runs on every keystroke.
const WORD_CLASS = new Map<string, number>();
const mark = (words: Iterable<string>, bit: number): void => {
  for (const w of words) {
    const word = VOCABULARY.intern(w);
    WORD_CLASS.set(word, (WORD_CLASS.get(word) ?? 0) | bit);
  }
};
mark(STOPWORDS, STOP);
mark(PHATIC, GENERIC);
mark(FIRST_SINGULAR_WORDS, FIRST_SINGULAR);
mark(FIRST_PLURAL_WORDS, FIRST_PLURAL);
mark(SECOND_PERSON_WORDS, SECOND);
mark(['you', ...REQUEST_MODALS, ...REQUEST_CONTRACTED], REQUEST_END);
mark(LEAD_IN, LEAD);
mark(VERB_FINAL_LEADS, VERB_FINAL);
mark(['sie', 'ihnen', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres'], FORMAL_SECOND);
mark(['thank', ...GENERIC_YOU_BEFORE], YOU_NOT_ADDRESSED);
mark(FINITE_VERBS, FINITE);
mark(ADDRESS_WORDS, ADDRESS);
mark(PLEA_WORDS, PLEA);
// The languages a word is a function word of ride in the same lookup, from bit LANG_SHIFT on.
const LANG_SHIFT = 13;
for (const [w, bits] of LANGUAGE_BITS) {
  const word = VOCABULARY.intern(w);
  WORD_CLASS.set(word, (WORD_CLASS.get(word) ?? 0) | (bits << LANG_SHIFT));
}
// The same classes by vocabulary id, for the words the tokenizer recognised (most of a draft).
const CLASS_BY_ID: number[] = new Array<number>(VOCABULARY.size).fill(0);
// -1 when a classified word could not join the vocabulary: then an unknown id rules nothing out.
let classTableSize = CLASS_BY_ID.length;
for (const [word, cls] of WORD_CLASS) {
  const id = VOCABULARY.idOf(word);
  if (id >= 0 && id < CLASS_BY_ID.length) CLASS_BY_ID[id] = cls;
  else if (internable(word)) classTableSize = -1;
}

/**
 * The words a clause's statement (see Doc.statementWords) must run to for the `statements`
 * feature: the length the default pack's clause rules count as narration.
 */
const STATEMENT_WORDS = 7;

/**
 * The most words an item of a list may hold (see `list-items`): "offline drafts", "a sepia theme",
 * "245 hp combined". A longer stretch between commas says something and ends the list.
 */
const LIST_ITEM_WORDS = 4;

/** The marks that part a list's items: a comma, the Japanese and full-width commas, a semicolon. */
const LIST_MARKS: ReadonlySet<number> = new Set([...',、，;'].map((ch) => ch.charCodeAt(0)));
/** The words that join a list's last two items ("A, B and C"), in the pack's languages. */
const LIST_JOINS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'et',
  'ou',
  'y',
  'o',
  'e',
  'und',
  'oder',
  'sowie',
]);

/**
 * The lists `analyse` meets on its way (see `list-items`): where the current item began, the short
 * items in a row, and the longest list so far with its first and last tokens. Its fields change
 * only at a comma, a join or a clause opener; a word reads `run` alone, to know whether an "and"
 * could join items.
 */
class ListRun {
  /** The words read when the current item began, and the token it began at. */
  at = 0;
  first = 0;
  /** Short items in a row so far, and the token the run began at. */
  run = 0;
  runFirst = 0;
  /** The longest list's items, and its first and last tokens. */
  most = 0;
  mostFirst = -1;
  mostLast = -1;
  /** Whether the longest list's last item is still being read (it ends where the next begins). */
  open = false;

  /**
   * An item ends at a comma or a join: a short one extends the run (the items before the marks,
   * and the one after the last), a long one says something and ends it. The next item begins at
   * token `next`, with `nextWords` read.
   */
  part(words: number, lastSaid: number, next: number, nextWords: number): void {
    this.close(lastSaid);
    const item = words - this.at;
    if (item > 0 && item <= LIST_ITEM_WORDS) {
      if (this.run === 0) this.runFirst = this.first;
      this.run++;
      if (this.run + 1 > this.most) {
        this.most = this.run + 1;
        this.mostFirst = this.runFirst;
        this.open = true;
      }
    } else this.run = 0;
    this.at = nextWords;
    this.first = next;
  }

  /** Anything else that opens a clause starts afresh: what went before is no item. */
  restart(words: number, lastSaid: number, next: number): void {
    this.close(lastSaid);
    this.at = words;
    this.first = next;
    this.run = 0;
  }

  /** The longest list as a span of tokens, for a rule's evidence. */
  span(tokens: readonly Token[]): readonly Match[] {
    const { most, mostFirst: first, mostLast: last } = this;
    if (most === 0 || first < 0 || last < first) return NO_MATCHES;
    return [{ first, last: last + 1, start: tokens[first]!.start, end: tokens[last]!.end }];
  }

  private close(lastSaid: number): void {
    if (!this.open) return;
    this.mostLast = lastSaid;
    this.open = false;
  }
}

/** The longest draft, in words, read for a name line (see nameLines): a short ad's length. */
const NAME_LINE_WORDS = 60;

/** The same bound for Japanese, read a character at a time: a short ad's length in characters. */
const JA_NAME_LINE_CHARS = 180;

/** Word-like tokens such a clause may hold (the lead-in, an object or adverb or two, the verb). */
const VERB_FINAL_MAX = 4;

/**
 * Japanese puts a request at the end of its sentence: "お近くの店舗でぜひお買い求めください", "RTで広めて
 * もらえると嬉しいです", "チャンネル登録してね". A clause that ends so asks the reader to do what it
 * names, as an English clause that opens with its verb does, so its words count as the clause's
 * lead (see requestClauseEnd).
 */
const JA_REQUEST_END =
  /(?:ください|下さい|[てで]ね|お願い(?:します|いたします|致します)|[とらば](?:嬉|うれ)しい(?:です)?|励みになります|ませんか)$/;

/** Whether the Japanese clause ending at `end` asks the reader for something (a few characters back). */
function requestClauseEnd(text: string, end: number): boolean {
  const c = charCode(text, end - 1);
  if (c < 0x3040 || c > 0x9fff) return false;
  return JA_REQUEST_END.test(text.slice(Math.max(0, end - 8), end));
}

function classOf(t: Token): number {
  const id = t.id;
  if (id < 0) return knownAbsent(id, classTableSize) ? 0 : (WORD_CLASS.get(t.norm) ?? 0);
  // Words a pack added after this table was made belong to no class.
  return id < CLASS_BY_ID.length ? CLASS_BY_ID[id]! : 0;
}

/** The word classes a name line is read with (see NameWords). */
const NAME_LINE_CLASSES: NameWords = {
  common: (t) => (classOf(t) & (STOP | GENERIC | LEAD | PLEA)) !== 0,
  // German's polite "Ihr" counts here too: a name line opens with a capital anyway.
  addressing: (t) => (classOf(t) & (SECOND | FORMAL_SECOND)) !== 0,
};

/**
 * A word drawn out at its end ("gooo", "yesss", "sooo", "amazinggg"): a cheer or a sigh, not a
 * specific thing. Only the end counts: a compound may hold three letters in a row inside
 * ("Schifffahrt").
 */
function stretched(norm: string): boolean {
  const n = norm.length;
  if (n < 3) return false;
  const c = charCode(norm, n - 1);
  return charCode(norm, n - 2) === c && charCode(norm, n - 3) === c;
}

/**
 * Token i follows a request frame: "could you …" (a question), or "if you could …" / "if you'd …"
 * (a condition). "You could …" alone is a suggestion, and "you can read more" information.
 */
function isRequest(tokens: readonly Token[], i: number): boolean {
  const b = tokens[i - 1]!.norm;
  const a = i >= 2 ? tokens[i - 2]!.norm : '';
  if (REQUEST_CONTRACTED.has(b)) return a === 'if';
  if (b === 'you') return REQUEST_MODALS.has(a);
  return REQUEST_MODALS.has(b) && a === 'you' && i >= 3 && tokens[i - 3]!.norm === 'if';
}

/**
 * Whether a word token is one CJK character (the tokenizer makes each its own word): two make
 * about a word, so the word counts here and in the clauses rule's labels count it as half.
 * `first` is the token's first character, which callers already hold.
 */
export function isCharWord(first: number, t: Token): boolean {
  return first >= 0x3040 && t.end - t.start === 1;
}

/** The longest name in brackets that bracketNames reads: past it, a bracket quotes speech. */
const BRACKET_NAME_MAX = 20;
/** A sentence or clause mark: a span in brackets that holds one quotes speech, not a name. */
const CLAUSE_MARK = /[。、！？!?]/;

/**
 * How many short spans in Japanese corner brackets (「…」, 『…』) the text holds, of at most
 * BRACKET_NAME_MAX characters with no sentence or clause mark inside: the names Japanese sets in
 * brackets where other languages capitalise them (新作「ゆき」, 『星喰いの森』). Longer spans, or
 * ones that hold a 。、！？, quote what someone said.
 */
function bracketNames(text: string): number {
  let names = 0;
  for (let i = text.indexOf('「'), j = text.indexOf('『'); i >= 0 || j >= 0;) {
    const at = i < 0 ? j : j < 0 ? i : Math.min(i, j);
    const close = text.indexOf(charCode(text, at) === 0x300c ? '」' : '』', at + 1);
    if (close < 0) break;
    const inner = text.slice(at + 1, close);
    if (inner.length > 0 && inner.length <= BRACKET_NAME_MAX && !CLAUSE_MARK.test(inner)) names++;
    i = text.indexOf('「', close + 1);
    j = text.indexOf('『', close + 1);
  }
  return names;
}

/** A katakana character (the block holds ー, the long-vowel mark that lengthens one). */
const isKatakana = (c: number): boolean => c >= 0x30a0 && c <= 0x30ff;

/**
 * Whether the CJK character token i is the third or a later character of a katakana run (see
 * charBack: the characters before it are single-character tokens with nothing between them).
 */
function isKatakanaTail(text: string, tokens: readonly Token[], i: number, cp: number): boolean {
  return (
    isKatakana(cp) && isKatakana(charBack(text, tokens, i, 1)) && isKatakana(charBack(text, tokens, i, 2))
  );
}

/** Kanji that end an abstract compound: 最適化, 可能性, 戦略的, 競争力, 安心感. */
const JA_ABSTRACT_KANJI: ReadonlySet<number> = new Set([...'化性的力感'].map((c) => c.charCodeAt(0)));

/**
 * Whether the CJK character token i ends a Japanese abstract word, as "-tion", "-ity" and "-ment"
 * end one in the European languages (see isAbstract): a kanji suffix after a kanji (最適化,
 * 持続可能性, 戦略的), or the end of a katakana loanword of that kind (ソリューション,
 * マネジメント, サステナビリティ). Japanese is one token a character, so the word is read back
 * from the characters before it, each of which must be its own token right before this one.
 */
function endsJapaneseAbstraction(text: string, tokens: readonly Token[], i: number, cp: number): boolean {
  if (JA_ABSTRACT_KANJI.has(cp)) {
    const before = charBack(text, tokens, i, 1);
    return before >= 0x4e00 && before <= 0x9fff;
  }
  // ション (-tion), メント (-ment), ティ (-ity).
  if (cp === 0x30f3 /* ン */)
    return (
      charBack(text, tokens, i, 1) === 0x30e7 /* ョ */ &&
      (charBack(text, tokens, i, 2) === 0x30b7 || charBack(text, tokens, i, 2) === 0x30b8)
    );
  if (cp === 0x30c8 /* ト */)
    return charBack(text, tokens, i, 1) === 0x30f3 && charBack(text, tokens, i, 2) === 0x30e1; /* メ */
  // "ティー" is a party or tea (パーティー), not an -ity.
  if (cp === 0x30a3 /* ィ */) {
    const two = charBack(text, tokens, i, 2);
    return (
      charBack(text, tokens, i, 1) === 0x30c6 /* テ */ &&
      two >= 0x30a1 &&
      two <= 0x30fc &&
      codeAt(text, tokens[i]!.end) !== 0x30fc /* ー */
    );
  }
  return false;
}

/**
 * The character k tokens before token i, when every token from there to i is one character and
 * touches the next (one Japanese word); 0 otherwise. A plain function, not a closure: this is
 * asked of every CJK character of a draft.
 */
function charBack(text: string, tokens: readonly Token[], i: number, k: number): number {
  for (let j = i - k; j < i; j++) {
    const t = tokens[j];
    if (t === undefined || t.end - t.start !== 1 || t.end !== tokens[j + 1]!.start) return 0;
  }
  return charCode(text, tokens[i - k]!.start);
}

/**
 * Whether the number token i is a year that dates the post ("2024 was a landmark year", "Top 50 of
 * 2024", "Venha 2025!"), where other numbers are figures that tell the reader something: the
 * `figures` feature counts only those, `numbers` counts both. A year that names a thing with the
 * word after it is a specific ("the 2020 frame", "our 2025 outlook report"), so it stays a figure.
 */
function datesPost(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.end - t.start !== 4) return false;
  const c0 = charCode(text, t.start);
  const c1 = charCode(text, t.start + 1);
  if (!((c0 === 50 && c1 === 48) || (c0 === 49 && c1 === 57))) return false;
  const next = tokens[i + 1];
  return next === undefined || next.kind !== 'word' || (classOf(next) & STOP) !== 0;
}

export function analyse(text: string): Doc {
  const report: TokenizeReport = { controls: false };
  const tokens = tokenize(text, report);
  const f: Features = {
    chars: text.length,
    words: 0,
    'content-words': 0,
    'specific-words': 0,
    sentences: 0,
    urls: 0,
    mentions: 0,
    hashtags: 0,
    cashtags: 0,
    emoji: 0,
    numbers: 0,
    prices: 0,
    percents: 0,
    questions: 0,
    'reader-questions': 0,
    exclamations: 0,
    'first-singular': 0,
    'first-plural': 0,
    'second-person': 0,
    'proper-nouns': 0,
    lines: text.length > 0 ? 1 : 0,
    'first-sentence-chars': -1,
    'abstract-words': 0,
    'abstract-share': 0,
    'quote-only': 0,
    statements: 0,
    'named-links': 0,
    testimonial: 0,
    'name-lines': 0,
    figures: 0,
    // Set by `check` for a reply or comment read without the message it quotes (quoted-lead.ts).
    'quoted-lead': 0,
    signed: 0,
    'list-items': 0,
    'model-names': 0,
  };
  // Plain arrays, not typed ones: a typed array past 64 bytes is allocated outside the JS heap
  // and costs microseconds each, more than this whole pass on a short draft. Grown by push, one
  // entry a token at the top of the loop: an array made at its length and filled is holey to V8,
  // and every later read of it checks for holes.
  const lead: number[] = [];
  const clause: number[] = [];
  let c = 0;
  let clauseHasWord = false;
  let clauses = 0;
  // Per clause, 1 when a question mark ends it.
  const questionClause: number[] = [];
  const others: number[] = [];
  // Capitalised words long enough to name a site (see namedLinks): few, so kept as they pass.
  const capitals: number[] = [];
  const votes = new LanguageVotes();
  // The previous token's word classes (0 when it was not a word).
  let prevCls = 0;
  // A short clause opened by a German lead-in ("Jetzt Demo buchen", "Hier Platz sichern") puts
  // its call to act last: the opener's index, the clause's word-like tokens, and its last word.
  let verbFinal = -1;
  let clauseWords = 0;
  let lastWord = -1;
  // The first token of the current clause, for a Japanese request at its end.
  let clauseFirst = 0;
  const statementWords: number[] = [];
  // Per clause, its words and its last word (see Doc.clauseWords); the words where it began.
  const wordsPerClause: number[] = [];
  const lastWordPerClause: number[] = [];
  let lastWordClause = -1;
  let wordsAtClause = 0;
  // For statementWords: the words where the current stretch (from the last clause opener) began,
  // the clause's longest stretch so far, and the counts where the clause began.
  let stretchAt = 0;
  let longest = 0;
  let addressing = 0;
  let addressingAt = 0;
  let abstractAt = 0;
  // The counts the loop reads back on every token are plain variables, written to `f` after it:
  // V8 keeps these in registers, where a field of `f` that may hold a fraction (CJK counts half
  // words) and a variable a closure shares are boxed numbers in memory.
  let words = 0;
  let abstractWords = 0;
  let statements = 0;
  // For list-items and Doc.list; and the last token that was neither punctuation nor an emoji,
  // where an item ends.
  const lists = new ListRun();
  let lastSaid = -1;
  const n = tokens.length;
  // One pass: this runs for every score. It takes one step past the last token, where the last
  // clause ends as a punctuation mark ends the others.
  for (let i = 0; ; i++) {
    const t = i < n ? tokens[i]! : undefined;
    if (words - stretchAt > longest) longest = words - stretchAt;
    if (t === undefined || t.kind === 'punct') {
      // The clause ends: settle its verb-final lead, its statement length and its question mark.
      if (verbFinal >= 0 && clauseWords <= VERB_FINAL_MAX && lastWord > verbFinal) lead[lastWord] = 1;
      if (lastWord >= clauseFirst) {
        if (requestClauseEnd(text, tokens[lastWord]!.end))
          for (let k = clauseFirst; k <= lastWord; k++) if (tokens[k]!.kind === 'word') lead[k] = 1;
        lastWordPerClause.push(lastWord);
        lastWordClause = c;
      } else lastWordPerClause.push(-1);
      // Sums of halves and ones: the difference is exact, as a count from zero would be.
      wordsPerClause.push(words - wordsAtClause);
      wordsAtClause = words;
      verbFinal = -1;
      clauseWords = 0;
      const states = addressing === addressingAt && abstractWords - abstractAt < 2;
      const stated = states ? Math.max(longest, words - stretchAt) : 0;
      statementWords.push(stated);
      if (stated >= STATEMENT_WORDS && t?.norm !== '?') statements++;
      stretchAt = words;
      lists.restart(words, lastSaid, i + 1);
      longest = 0;
      addressingAt = addressing;
      abstractAt = abstractWords;
      if (clauseHasWord) clauses++;
      clauseHasWord = false;
      questionClause.push(t?.norm === '?' ? 1 : 0);
      if (t === undefined) break;
    }
    const before = prevCls;
    prevCls = 0;
    clause.push(c);
    lead.push(0);
    if (t.sentenceStart) f.sentences++;
    const kind = t.kind;
    if (kind === 'punct') {
      const p = t.norm;
      if (p === '?') f.questions++;
      else if (p === '!') f.exclamations++;
      else if (p === '\n') f.lines++;
      // A colon between figures ("8:40", "3:1") is a time or a ratio: the sentence goes on. It still
      // splits clauses, as it always has (rules were weighed with schedules read that way).
      if (f['first-sentence-chars'] < 0 && !(p === ':' && timeColon(text, t.start)))
        f['first-sentence-chars'] = t.end;
      c++;
      clauseFirst = i + 1;
      continue;
    }
    if (kind === 'emoji') {
      f.emoji++;
      others.push(i);
      continue;
    }
    // A line of hashtags files the draft; it is not a sentence the reader reads.
    if (kind !== 'hashtag') clauseHasWord = true;
    const cls = kind === 'word' ? classOf(t) : 0;
    // "Jetzt Demo buchen und …": the verb-final request ends at "und" as it would at a full stop.
    if (verbFinal >= 0 && clauseWords <= VERB_FINAL_MAX && lastWord > verbFinal && t.norm === 'und') {
      lead[lastWord] = 1;
      verbFinal = -1;
    }
    // Figures are part of an object ("Jetzt 14 Tage kostenlos testen"): only words count here.
    if (kind === 'word') {
      clauseWords++;
      lastWord = i;
    }
    const prev = i > 0 ? tokens[i - 1]! : undefined;
    let listed = false;
    if (t.sentenceStart || prev === undefined || prev.kind === 'emoji' || prev.kind === 'punct') lead[i] = 1;
    else if ((before & PLEA) !== 0 || (lead[i - 1] && (before & LEAD) !== 0)) lead[i] = 1;
    else if ((before & REQUEST_END) !== 0 && kind === 'word' && isRequest(tokens, i) && !WANTING.has(t.norm))
      lead[i] = 1;
    // A word one space after a word (most of a draft) has nothing between them that opens a clause.
    else if (!(prev.kind === 'word' && t.start === prev.end + 1 && charCode(text, prev.end) === 32)) {
      let k = t.start - 1;
      while (k >= 0 && charCode(text, k) === 32) k--;
      // A comma ends a list's item when what it ends is short: a run of them is a list.
      if (k >= 0 && LIST_MARKS.has(charCode(text, k))) {
        listed = true;
        lists.part(words, lastSaid, i, words);
      }
      if (
        k >= 0 &&
        opensClause(charCode(text, k)) &&
        !quotedInSentence(text, k) &&
        !joinedHyphen(text, k, t.start) &&
        !perUnit(text, k, t.start, prev)
      )
        lead[i] = 1;
    }
    // A lead word the next word shows to be a subject ("Shop reopens", "Reserva es obligatoria")
    // opens a statement, not a call to act: it no longer counts as a clause's imperative.
    // (Only a word one space after a word gets here.)
    else if ((cls & FINITE) !== 0 && lead[i - 1] === 1) lead[i - 1] = 0;
    if (lead[i]) {
      stretchAt = words;
      // Any other opener (an emoji, a dash, a sentence) starts afresh: what went before is no item.
      if (!listed) lists.restart(words, lastSaid, i);
    }
    // "A, B and C": after an item a comma ended, "and" parts the last two items as a comma would;
    // the join is no word of the item after it.
    else if (lists.run > 0 && kind === 'word' && LIST_JOINS.has(t.norm))
      lists.part(words, lastSaid, i + 1, words + 1);
    lastSaid = i;
    // A lead-in that opens the clause, or opens a stretch after a comma or a dash ("Super Beitrag –
    // einfach online unter … buchen"), starts a short verb-final request: its words count from it.
    if ((cls & VERB_FINAL) !== 0 && (clauseWords === 1 || lead[i])) {
      verbFinal = i;
      clauseWords = 1;
    }
    if (kind !== 'word') others.push(i);
    switch (kind) {
      case 'word': {
        prevCls = cls;
        // The draft's own characters, not the token's string: for a known word that string lives
        // elsewhere in memory (see shapeOf).
        const cp = charCode(text, t.start);
        votes.add(cp, cls >>> LANG_SHIFT);
        if (isCharWord(cp, t)) {
          // CJK text is one token a character (see isCharWord): count halves. Kana
          // syllables (の, に, を…) carry the grammar; kanji and katakana carry the content. A
          // katakana loanword is one word however long it is spelled (マーケティング is
          // "marketing"): past its first two characters it adds nothing, or a seminar's title
          // line would read as a stated sentence of eight words.
          if (!isKatakanaTail(text, tokens, i, cp)) words += 0.5;
          if (cp > 0x309f) {
            f['content-words'] += 0.5;
            f['specific-words'] += 0.5;
          }
          if (endsJapaneseAbstraction(text, tokens, i, cp)) abstractWords++;
          break;
        }
        words++;
        if (t.capital && t.end - t.start >= NAME_MIN) capitals.push(i);
        const shape = shapeOf(t);
        if (!(cls & STOP)) {
          f['content-words']++;
          if (!(cls & GENERIC) && !(shape & SHAPE_STRETCHED)) f['specific-words']++;
        }
        if (cls & FIRST_SINGULAR) f['first-singular']++;
        else if (cls & FIRST_PLURAL) f['first-plural']++;
        else if (cls & SECOND) {
          f['second-person']++;
          // "Thank you to everyone who came" tells; "your team will love it" sells.
          // Nor does "you" after "if", "when" or "how": advice and explanation ("if you ride on
          // cleared roads", "how your bank's checks hold a payment") speak of anyone.
          // The previous word's class says so: comparing its string would read it from elsewhere
          // in memory.
          if (!(before & YOU_NOT_ADDRESSED)) addressing++;
        } else if (cls & FORMAL_SECOND && t.capital && !t.sentenceStart) {
          f['second-person']++;
          addressing++;
        }
        // After an emoji a capital opens a new thought ("… the studio 🖤 Double tap …"), not a name.
        // After a greeting or thanks it names the person addressed ("Thanks, Maria", "Hola Lucía"):
        // whom a comment speaks to is no detail it tells.
        if (
          t.capital &&
          !t.sentenceStart &&
          !(cls & FIRST_SINGULAR) &&
          prev?.kind !== 'emoji' &&
          !(before & ADDRESS)
        )
          f['proper-nouns']++;
        if (shape & SHAPE_ABSTRACT) abstractWords++;
        break;
      }
      case 'url':
        f.urls++;
        break;
      case 'mention':
        f.mentions++;
        break;
      case 'hashtag':
        f.hashtags++;
        break;
      case 'cashtag':
        f.cashtags++;
        break;
      case 'number':
        f.numbers++;
        if (!datesPost(text, tokens, i)) {
          f.figures++;
          // A capitalised word and a number one space on name a model or a version ("Kestrel Reader
          // 1.8", "Gratwind 2"), in German too, where capitals alone name nothing.
          if (prev?.kind === 'word' && prev.capital && t.start === prev.end + 1) f['model-names']++;
        }
        break;
      case 'price':
        f.prices++;
        break;
      case 'percent':
        f.percents++;
        break;
    }
  }
  f.words = words;
  f['abstract-words'] = abstractWords;
  f.statements = statements;
  f['list-items'] = lists.most;
  // Questions put to readers: an opening question followed by more ("Tacos at home? We're now
  // on …") is a hook, not a question anyone is asked to answer.
  f['reader-questions'] = f.questions - (questionClause[0] === 1 && clauses > 1 ? 1 : 0);
  if (f['first-sentence-chars'] < 0) f['first-sentence-chars'] = text.trimEnd().length;
  f['abstract-share'] = f.words ? Math.round((100 * f['abstract-words']) / f.words) : 0;
  f['quote-only'] = quoteOnly(text, tokens);
  if (f.urls > 0 && capitals.length > 0) f['named-links'] = namedLinks(tokens, others, capitals);
  const testimonial = testimonialEnd(text, tokens, clause);
  f.testimonial = testimonial >= 0 ? 1 : 0;
  const language = votes.result();
  // German capitalises every noun, so a capital mid-sentence says nothing about a name there.
  if (language === 'de') f['proper-nouns'] = 0;
  // Japanese has no capitals: it names a product, a shop or a work in brackets (「ゆきはだ」).
  else if (language === 'ja') f['proper-nouns'] += bracketNames(text);
  // A signed name is what a short ad ends on; a long draft is not read for one, nor German, whose
  // nouns all look like names ("Neuer Kurs. Anmeldung online.").
  let nameSpans = NO_MATCHES;
  if (language !== 'de' && f.words <= NAME_LINE_WORDS && f.sentences > 1) {
    const found: Match[] = [];
    f['name-lines'] = nameLines(text, tokens, NAME_LINE_CLASSES, found);
    if (found.length) nameSpans = found;
  }
  // Signed by a business: a name line of two words or more, or a name the draft ends on (endName),
  // the showcase's "…healed beautifully 🌸 Inkwell Tattoo Co." as much as its own line; in German
  // only a line of its own with a place after a comma or a legal form (see endName).
  // It counts 2 when the name the draft ends on stands on a line of its own, where a business signs,
  // and is no name line (German and Japanese, where nameLines does not read).
  // Japanese is tokenised a character at a time: its words are characters, so its bound is wider.
  let signature = NO_MATCHES;
  if (f.words <= (language === 'ja' ? JA_NAME_LINE_CHARS : NAME_LINE_WORDS)) {
    const end =
      language === 'ja'
        ? kanaSignature(text, tokens)
        : endName(text, tokens, NAME_LINE_CLASSES, language === 'de');
    // Most drafts hold neither: no list is made for them.
    const named = end !== null || nameSpans.length ? nameSpans.filter((m) => m.last - m.first > 1) : [];
    if (end !== null && !named.some((m) => m.first === end.first)) named.push(end);
    if (named.length) {
      signature = named;
      // A name line already counts as one (`name-lines`): only a signature it does not hold adds.
      const before =
        end === null || nameSpans.some((m) => m.first === end.first) ? undefined : tokens[end.first - 1];
      f.signed = before?.kind === 'punct' && before.norm === '\n' ? 2 : 1;
    }
  }
  return {
    text,
    controls: report.controls,
    tokens,
    features: f,
    // In FEATURES order (a test holds the two in step): written out, not mapped by name, which
    // would be a lookup by key per feature.
    values: [
      f.chars,
      f.words,
      f['content-words'],
      f['specific-words'],
      f.sentences,
      f.urls,
      f.mentions,
      f.hashtags,
      f.cashtags,
      f.emoji,
      f.numbers,
      f.prices,
      f.percents,
      f.questions,
      f['reader-questions'],
      f.exclamations,
      f['first-singular'],
      f['first-plural'],
      f['second-person'],
      f['proper-nouns'],
      f.lines,
      f['first-sentence-chars'],
      f['abstract-words'],
      f['abstract-share'],
      f['quote-only'],
      f.statements,
      f['named-links'],
      f.testimonial,
      f['name-lines'],
      f.figures,
      f['quoted-lead'],
      f.signed,
      f['list-items'],
      f['model-names'],
    ],
    lead,
    clause,
    clauses,
    questionClause,
    statementWords,
    clauseWords: wordsPerClause,
    clauseLastWord: lastWordPerClause,
    lastWordClause,
    others,
    language,
    testimonial,
    nameLines: nameSpans,
    signature,
    list: lists.span(tokens),
  };
}
