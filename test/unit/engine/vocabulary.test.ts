import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/engine/text/tokenize.ts';
import { VOCABULARY } from '../../../src/engine/text/vocabulary.ts';

const words = (text: string): string[] =>
  tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);

describe('vocabulary fast path', () => {
  it('gives a known word its canonical string, whatever its case or apostrophe', () => {
    const canonical = VOCABULARY.intern("zorblax-don't");
    const [a, b] = tokenize("ZORBLAX-DON’T zorblax-don't").filter((t) => t.kind === 'word');
    expect(a?.norm).toBe("zorblax-don't");
    expect(Object.is(a?.norm, canonical)).toBe(true);
    expect(Object.is(b?.norm, canonical)).toBe(true);
    expect(a?.capital).toBe(true);
    expect(b?.capital).toBe(false);
  });

  it('tokenizes unknown, accented and mixed words exactly as the slow path does', () => {
    expect(words('Quxfoo Café naïve ÜBER B2B x’s')).toEqual([
      'quxfoo',
      'café',
      'naïve',
      'über',
      'b2b',
      "x's",
    ]);
  });

  it('does not take a longer or shorter spelling for a known word', () => {
    VOCABULARY.intern('plimb');
    expect(words('plim plimb plimbs PLIMB')).toEqual(['plim', 'plimb', 'plimbs', 'plimb']);
  });

  it('leaves words it cannot hold to the ordinary path', () => {
    expect(VOCABULARY.intern('#sale')).toBe('#sale');
    expect(VOCABULARY.intern('über')).toBe('über');
    expect(words('#sale über')).toEqual(['über']);
  });
});

describe('token ids', () => {
  it('marks a looked-up unknown word as absent from tables made before it, and only those', async () => {
    const { knownAbsent } = await import('../../../src/engine/text/vocabulary.ts');
    const [t] = tokenize('qwzzyx');
    expect(t?.id).toBeLessThan(-1);
    expect(knownAbsent(t!.id, VOCABULARY.size)).toBe(true);
    // A table made after the word joined the vocabulary cannot rule it out.
    VOCABULARY.intern('qwzzyx');
    expect(knownAbsent(t!.id, VOCABULARY.size)).toBe(false);
    expect(tokenize('qwzzyx')[0]?.id).toBe(VOCABULARY.idOf('qwzzyx'));
  });

  it('finds a phrase whose head joined the vocabulary after the tokens were made', async () => {
    const { Lexicon } = await import('../../../src/engine/text/lexicon.ts');
    const tokens = tokenize('Try the blorptastic grommet today');
    const lexicon = new Lexicon(new Map([['x', ['blorptastic grommet']]]));
    expect(
      lexicon
        .matchByName(tokens)
        .get('x')
        ?.map((m) => [m.first, m.last]),
    ).toEqual([[2, 4]]);
    expect(lexicon.matchByName(tokenize('BLORPTASTIC Grommet')).get('x')).toHaveLength(1);
  });

  it('leaves non-ASCII words to the maps', async () => {
    const { Lexicon } = await import('../../../src/engine/text/lexicon.ts');
    const lexicon = new Lexicon(new Map([['x', ['jetzt buchen', 'café']]]));
    const hits = lexicon.matchByName(tokenize('Jetzt buchen im Café'));
    expect(hits.get('x')).toHaveLength(2);
    expect(tokenize('Café')[0]?.id).toBe(-1);
  });
});
