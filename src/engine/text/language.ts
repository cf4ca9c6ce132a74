/**
 * A cheap guess at the draft's language, so a pack coaches only in the languages its words
 * cover: a draft in a language the pack does not know gets no wording nudge rather than a wrong
 * one. Scripts decide first (kana → Japanese, Hangul → Korean, …); Latin-script drafts are told
 * apart by their commonest function words, which every sentence carries whatever its topic.
 */
import { charCode } from './code-at.ts';
import type { Token } from './tokenize.ts';

/** ISO 639-1 codes, or "und" when the draft has too few clues to tell. */
export type Language = string;

export const UNDETERMINED = 'und';
/** Han characters, with no kana, needed to call a draft Chinese rather than undetermined. */
const HAN_MIN = 8;

// Words frequent in one language and rare as words of the others. Shared spellings ("de", "a",
// "la", "die") add to every language that has them, so only the distinctive ones tip the count.
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and is are was were you your we our to of for with this that it have has will not what my i be at on from',
  es: 'el la los las que y en un una por para con es no su nuestro nuestra muy pero más del al lo se te tu está hoy ya mi mis estoy estás les q xq porfa de a',
  de: 'der die das und ist nicht ein eine mit für auf ich wir sie zu den dem des auch uns unser unsere euch bei von noch jetzt fürs vom zum zur beim ins dass sehr schon aber oder wenn kein keine einen einem einer danke mir mich dir dich sich wie aus',
  fr: 'le la les et est un une des du de pour avec dans sur nous vous notre votre ce cette pas que qui au aux je il elle mon ton ta mes tes ses ces très tous tout toute toutes moi toi leur leurs aussi chez',
  pt: 'o a os as e de do da dos das em no na um uma para com não que é nosso nossa você vocês mais mas por seu sua meu minha tô tá pra pro pros vc vcs q pq tb muito muita gente tudo bem oi também isso esse essa ao aos às pelo pela foi são estou obrigado obrigada vai vou sou',
  it: 'il lo gli della delle di che e è non per con una un sono nostro nostra nostri questo questa anche ma più ci nel sul alla dei degli siamo abbiamo tutto ora',
  nl: 'de het een en van is niet met voor op ons onze wij jullie ook maar dat die je ik zijn',
  id: 'yang dan di ke dari ini itu untuk dengan kami kita tidak ada akan bisa',
  tr: 've bir bu için ile çok ne ama gibi daha',
  sv: 'och att det är som för med inte på vi jag har till av',
  pl: 'w z na nie się jest to że do jak po',
};

export const LANGS = Object.keys(FUNCTION_WORDS);

/**
 * Word → a bit per language (index in LANGS) it is a function word of. `analyse` merges these bits
 * into its one word-class lookup, so voting costs no extra lookup per word.
 */
export const LANGUAGE_BITS = new Map<string, number>();
LANGS.forEach((lang, index) => {
  for (const w of FUNCTION_WORDS[lang]!.split(' '))
    LANGUAGE_BITS.set(w, (LANGUAGE_BITS.get(w) ?? 0) | (1 << index));
});

function scriptOf(c: number): string | null {
  if (c >= 0x3040 && c <= 0x30ff) return 'ja';
  if (c >= 0xac00 && c <= 0xd7af) return 'ko';
  if (c >= 0x3400 && c <= 0x9fff) return 'han';
  if (c >= 0x0400 && c <= 0x04ff) return 'ru';
  if (c >= 0x0600 && c <= 0x06ff) return 'ar';
  if (c >= 0x0590 && c <= 0x05ff) return 'he';
  if (c >= 0x0900 && c <= 0x097f) return 'hi';
  if (c >= 0x0e00 && c <= 0x0e7f) return 'th';
  if (c >= 0x0370 && c <= 0x03ff) return 'el';
  return null;
}

/**
 * A vote of 0 for each language (see LanguageVotes.votes), held as fractions, as votes are (a
 * shared spelling splits its vote): made of 0.5 and then zeroed, the array stores doubles, so a
 * copy takes its first vote without being converted from small integers.
 */
const NO_VOTES: readonly number[] = LANGS.map(() => 0.5).fill(0);

/** The language with the most evidence; Latin-script votes need two clues and a clear lead. */
/** Counts the evidence as `analyse` reads the words; `result()` decides. */
export class LanguageVotes {
  // A plain array: a typed one is allocated off the JS heap, which costs more than the vote. A
  // copy of a packed array of zeros: `new Array(n).fill(0)` made a holey one of small integers,
  // slower to make and to read, converted to doubles at the first vote of every draft.
  readonly votes: number[] = NO_VOTES.slice();
  scripts: Map<string, number> | null = null;
  words = 0;
  scripted = 0;
  kana = false;

  /**
   * One word, by its first character and language bits: the bits vote (shared spellings split
   * theirs) or, past Latin, the character's script.
   */
  add(first: number, bits: number): void {
    // A language shows within its first couple of hundred words; long drafts cost no more.
    if (this.words >= 200) return;
    this.words++;
    if (bits !== 0) {
      let n = 0;
      for (let b = bits; b; b &= b - 1) n++;
      for (let i = 0; bits >> i; i++) if ((bits >> i) & 1) this.votes[i]! += 1 / n;
      return;
    }
    if (first < 0x370) return;
    const script = scriptOf(first);
    if (!script) return;
    this.scripted++;
    if (script === 'ja') this.kana = true;
    this.scripts ??= new Map();
    this.scripts.set(script, (this.scripts.get(script) ?? 0) + 1);
  }

  /** The language with the most evidence; Latin-script votes need two clues and a clear lead. */
  result(): Language {
    if (this.words === 0) return UNDETERMINED;
    if (this.scripts && this.scripted * 2 >= this.words) {
      // Japanese mixes kanji with kana; Chinese has no kana.
      if (this.kana) return 'ja';
      let top = '';
      let topCount = 0;
      for (const [script, n] of this.scripts) if (n > topCount) [top, topCount] = [script, n];
      // Kanji alone ("最高！", "神回") may be Japanese as well as Chinese: a few cannot tell.
      if (top === 'han') return topCount < HAN_MIN ? UNDETERMINED : 'zh';
      return top;
    }
    let best = -1;
    let bestVotes = 0;
    let second = 0;
    this.votes.forEach((n, i) => {
      if (n > bestVotes) {
        second = bestVotes;
        bestVotes = n;
        best = i;
      } else if (n > second) second = n;
    });
    if (best < 0 || bestVotes < 2 || bestVotes < second * 1.25) return UNDETERMINED;
    return LANGS[best]!;
  }
}

export function guessLanguage(tokens: readonly Token[]): Language {
  const votes = new LanguageVotes();
  for (const t of tokens)
    if (t.kind === 'word') votes.add(charCode(t.norm, 0), LANGUAGE_BITS.get(t.norm) ?? 0);
  return votes.result();
}
