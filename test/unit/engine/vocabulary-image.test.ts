/**
 * A vocabulary taking up another's image (what a lexicon image carries, see Vocabulary.takeUp)
 * must end as interning the same words in the same order leaves it, and refuse an image whose
 * words disagree with its own.
 */
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../src/engine/text/vocabulary.ts';

/** Enough words to grow the table past its first size. */
const WORDS = Array.from({ length: 9000 }, (_, i) => `w${i.toString(36)}x`);

function interned(words: readonly string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const word of words) vocabulary.internId(word);
  return vocabulary;
}

describe('a vocabulary image', () => {
  const source = interned(WORDS);
  const image = source.image();

  it('holds every word with its id, as interning them in order would, in a vocabulary holding a prefix', () => {
    const vocabulary = interned(WORDS.slice(0, 100));
    expect(vocabulary.takeUp(image.words, image.table)).toBe(true);
    expect(vocabulary.size).toBe(WORDS.length);
    WORDS.forEach((word, id) => {
      expect(vocabulary.idOf(word)).toBe(id);
      expect(vocabulary.word(id)).toBe(word);
    });
    expect(vocabulary.image()).toEqual(image);
    expect(vocabulary.idOf('w0y')).toBe(-1);
    // It grows on from there as the vocabulary it was taken of does.
    expect(vocabulary.internId('fresh')).toBe(source.internId('fresh'));
  });

  it('changes nothing in a vocabulary holding more of the same words', () => {
    const vocabulary = interned([...WORDS, 'extra']);
    expect(vocabulary.takeUp(image.words, image.table)).toBe(true);
    expect(vocabulary.size).toBe(WORDS.length + 1);
    expect(vocabulary.idOf('extra')).toBe(WORDS.length);
  });

  it('is refused where a word disagrees, and leaves the vocabulary as it was', () => {
    const vocabulary = interned(['w1x', 'w0x']);
    expect(vocabulary.takeUp(image.words, image.table)).toBe(false);
    expect(vocabulary.size).toBe(2);
    expect(vocabulary.idOf('w2x')).toBe(-1);
  });
});
