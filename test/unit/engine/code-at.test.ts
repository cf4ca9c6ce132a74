import { describe, expect, it } from 'vitest';
import { codeAt } from '../../../src/engine/text/code-at.ts';
import { tokenize } from '../../../src/engine/text/tokenize.ts';

describe('codeAt', () => {
  it('reads the char code inside the text and 0 (never NaN) past either end', () => {
    expect([-1, 0, 2, 3, 99].map((i) => codeAt('ab!', i))).toEqual([0, 97, 33, 0, 0]);
  });

  it('leaves the tokens of drafts that end in a lookahead as they were', () => {
    // Each ends where the tokenizer looks one or more characters ahead: a full stop, a colon, a
    // sign, a list number, a dash before digits, a capital before a currency.
    const forms = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.norm}`);
    expect(forms('Book now.')).toEqual(['word:book', 'word:now', 'punct:.']);
    expect(forms('Prices:')).toEqual(['word:prices', 'punct::']);
    expect(forms('only $')).toEqual(['word:only']);
    expect(forms('R35')).toEqual(['word:r35']);
    expect(forms('up 3.')).toEqual(['word:up', 'number:<number>', 'punct:.']);
    expect(forms('-30 %')).toEqual(['discount:<discount>']);
  });
});
