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
