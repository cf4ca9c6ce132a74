/**
 * A lexicon taken up from an image (LexiconImage, what the CLI build makes of the built-in pack)
 * must match exactly as the lexicon the image was taken of, before and after its bare spellings
 * are filed; and an image that does not fit the vocabulary must be passed over, not misread.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon, type LexiconImage } from '../../../src/engine/text/lexicon.ts';
import { tokenize } from '../../../src/engine/text/tokenize.ts';

const LISTS = new Map<string, readonly string[]>([
  ['cta', ['últimas plazas', 'promoç*', 'inscríbete', 'shop now', 'buy now@-es', 'car@fr']],
  ['deal', ['<percent> off', 'code <name>', 'free <word> inspection', '2x1', 'synerg*']],
  ['odd', ['zzyzx quorble', 'frühbucher rabatt', "don't miss out", 'abonnez-vous']],
]);

const DRAFTS: readonly [text: string, language: string | undefined][] = [
  ['Shop now: 20% off with code JESS20, free roof inspection!', 'en'],
  ["Don't miss out, dont miss out. Synergistic synergy. Zzyzx quorble!", undefined],
  ['Ultimas plazas! Últimas plazas, inscribete, promocao 2x1', 'es'],
  ['Car je pense, abonnez vous, buy now', 'fr'],
  ['Frühbucher Rabatt bis Freitag, fruhbucher rabatt', 'de'],
];

/** Every match of every draft, in order, as text (the bare spellings filed at the first non-English one). */
function readAll(lexicon: Lexicon): string[][] {
  return DRAFTS.map(([text, language]) =>
    [...lexicon.matchByName(tokenize(text), language)].flatMap(([list, found]) =>
      found.map((m) => `${list}: ${text.slice(m.start, m.end)}`),
    ),
  );
}

function images(): { filed: LexiconImage; bare: LexiconImage } {
  const lexicon = new Lexicon(LISTS);
  const filed = lexicon.image();
  lexicon.fileBare();
  return { filed, bare: lexicon.image() };
}

describe('a lexicon image', () => {
  const expected = readAll(new Lexicon(LISTS));

  it('matches as the lexicon it was taken of, before and after the bare spellings', () => {
    const { filed, bare } = images();
    const taken = new Lexicon(LISTS, { filed, bare: () => bare });
    expect(taken.fromImage).toBe(true);
    expect(readAll(taken)).toEqual(expected);
    expect(taken.fromImage).toBe(true);
  });

  it('files the lists when the bare spellings have no image, and matches the same', () => {
    const taken = new Lexicon(LISTS, { filed: images().filed, bare: () => undefined });
    expect(taken.fromImage).toBe(true);
    expect(readAll(taken)).toEqual(expected);
    expect(taken.fromImage).toBe(false);
  });

  it('is passed over where the vocabulary spells a word of it with another id', () => {
    const { filed, bare } = images();
    const words = [...filed.vocabulary.words];
    [words[0], words[1]] = [words[1]!, words[0]!];
    const vocabulary = { ...filed.vocabulary, words };
    const taken = new Lexicon(LISTS, { filed: { ...filed, vocabulary }, bare: () => bare });
    expect(taken.fromImage).toBe(false);
    expect(readAll(taken)).toEqual(expected);
  });

  it('takes no more phrases once taken up: its trie holds no filing state', () => {
    const taken = new Lexicon(LISTS, { filed: images().filed, bare: () => undefined });
    const trie = (taken as unknown as { trie: { add(parts: [], list: number, languages: number): void } })
      .trie;
    expect(() => trie.add([], 0, 0)).toThrow(/no more phrases/);
  });
});
