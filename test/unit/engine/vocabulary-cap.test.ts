/**
 * The vocabulary stops growing at its cap (packs replaced over a long session cannot grow it
 * without bound); words past the cap take the map path, and matching stays exact. Its own file:
 * filling the process-wide vocabulary must not leak into other tests.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../src/engine/text/lexicon.ts';
import { tokenize } from '../../../src/engine/text/tokenize.ts';
import { VOCABULARY } from '../../../src/engine/text/vocabulary.ts';

function fillToCap(): void {
  for (let i = 0; ; i++) {
    const before = VOCABULARY.size;
    VOCABULARY.intern(`filler${i.toString(36)}`);
    if (VOCABULARY.size === before) return;
  }
}

describe('vocabulary at its cap', () => {
  it('stops adding words, and a pack compiled then still matches its phrases', () => {
    fillToCap();
    const size = VOCABULARY.size;
    // The table grew several times on the way: every word added before and after a growth is
    // still found under its own id.
    for (const i of [0, 1, 5000, 8191, 8192, 40000, 100000])
      expect(VOCABULARY.word(VOCABULARY.idOf(`filler${i.toString(36)}`))).toBe(`filler${i.toString(36)}`);
    expect(VOCABULARY.intern('zebrafinch')).toBe('zebrafinch');
    expect(VOCABULARY.size).toBe(size);
    expect(VOCABULARY.idOf('zebrafinch')).toBe(-1);

    const lexicon = new Lexicon(
      new Map([['birds', ['zebrafinch', 'zebrafinch chicks', 'the <number> finches']]]),
    );
    const hits = lexicon.matchByName(tokenize('Our Zebrafinch chicks hatched. The 3 finches are loud.'));
    expect(hits.get('birds')?.map((m) => [m.first, m.last])).toEqual([
      [1, 3],
      [5, 8],
    ]);
  });
});
