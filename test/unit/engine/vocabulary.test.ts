import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/engine/text/tokenize.ts';
import { VOCABULARY } from '../../../src/engine/text/vocabulary.ts';

const words = (text: string): string[] =>
  tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);

describe('vocabulary fast path', () => {
  it('gives from internId the id idOf gives the interned word, and -1 to a word the fast path cannot hold', () => {
    const fresh = VOCABULARY.internId('quorvantle');
    expect(fresh).toBeGreaterThanOrEqual(0);
    expect(VOCABULARY.word(fresh)).toBe('quorvantle');
    expect(VOCABULARY.internId('quorvantle')).toBe(fresh);
    expect(VOCABULARY.idOf(VOCABULARY.intern('quorvantle'))).toBe(fresh);
    expect(VOCABULARY.internId('Café')).toBe(-1);
    expect(VOCABULARY.idOf('Café')).toBe(-1);
    expect(VOCABULARY.intern('Café')).toBe('Café');
  });

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

  it('tells apart two words of one length whose first hashes collide', () => {
    // "kvsdatov" and "arohqhqj" share their FNV-1a hash: only the second hash tells them apart.
    const known = VOCABULARY.intern('kvsdatov');
    expect(VOCABULARY.idOf('arohqhqj')).toBe(-1);
    const [a, b] = tokenize('arohqhqj kvsdatov');
    expect(a?.norm).toBe('arohqhqj');
    expect(a?.id).toBeLessThan(-1);
    expect(Object.is(b?.norm, known)).toBe(true);
    VOCABULARY.intern('arohqhqj');
    expect(VOCABULARY.word(VOCABULARY.idOf('arohqhqj'))).toBe('arohqhqj');
    expect(VOCABULARY.word(VOCABULARY.idOf('kvsdatov'))).toBe('kvsdatov');
  });

  it('finds every word of the development drafts as itself or not at all', async () => {
    // The default pack's words join the vocabulary as it compiles: the words a draft is held to.
    const { compilePack, defaultPackJson } = await import('../../../src/engine/index.ts');
    compilePack(defaultPackJson);
    const dir = new URL('../../eval/', import.meta.url);
    const wrong: string[] = [];
    let known = 0;
    for (const file of readdirSync(dir).filter((f) => f.startsWith('dev-') && f.endsWith('.jsonl')))
      for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const text = (JSON.parse(line) as { text: string }).text;
        for (const t of tokenize(text)) {
          if (t.kind !== 'word' || t.id < 0) continue;
          known++;
          const spelled = text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'");
          const word = VOCABULARY.word(t.id);
          if (spelled !== word && spelled !== `${word}'s`) wrong.push(`${spelled} as ${word}`);
        }
      }
    expect(known).toBeGreaterThan(100_000);
    expect(wrong).toEqual([]);
  });

  it('leaves words it cannot hold to the ordinary path', () => {
    expect(VOCABULARY.intern('#sale')).toBe('#sale');
    expect(VOCABULARY.intern('über')).toBe('über');
    expect(words('#sale über')).toEqual(['über']);
  });
});

/** The token spans list "x" matched: [first, last) per match. */
function spans(
  lexicon: {
    matchByName(tokens: ReturnType<typeof tokenize>): Map<string, { first: number; last: number }[]>;
  },
  tokens: ReturnType<typeof tokenize>,
): number[][] | undefined {
  return lexicon
    .matchByName(tokens)
    .get('x')
    ?.map((m) => [m.first, m.last]);
}

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
    expect(spans(lexicon, tokens)).toEqual([[2, 4]]);
    expect(lexicon.matchByName(tokenize('BLORPTASTIC Grommet')).get('x')).toHaveLength(1);
  });

  it('matches a third word that joined the vocabulary after the tokens were made', async () => {
    const { Lexicon } = await import('../../../src/engine/text/lexicon.ts');
    // "gizmo" is known before, "frobwhistle" joins after: the id of one, the string of the other.
    VOCABULARY.intern('gizmo');
    const tokens = tokenize('our gizmo frobwhistle is out, gizmo frob too');
    const lexicon = new Lexicon(new Map([['x', ['our gizmo frobwhistle', 'gizmo frob gizmo']]]));
    expect(spans(lexicon, tokens)).toEqual([[0, 3]]);
  });

  it('leaves non-ASCII words to the maps', async () => {
    const { Lexicon } = await import('../../../src/engine/text/lexicon.ts');
    const lexicon = new Lexicon(new Map([['x', ['jetzt buchen', 'café']]]));
    const hits = lexicon.matchByName(tokenize('Jetzt buchen im Café'));
    expect(hits.get('x')).toHaveLength(2);
    expect(tokenize('Café')[0]?.id).toBe(-1);
  });
});
