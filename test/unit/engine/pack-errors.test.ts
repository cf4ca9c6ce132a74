import { describe, expect, it } from 'vitest';
import { PackError, compilePack, compilePackText } from '../../../src/engine/index.ts';
import { MESSAGE, compileError, packJson } from './helpers.ts';

/** The problems a compile failure lists (fails the test when the pack compiles). */
function problems(json: unknown, now?: Date): string[] {
  try {
    compilePack(json, undefined, now ? { now } : {});
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return [...(e as PackError).problems];
  }
  throw new Error('the pack compiled');
}

const lexRule = (extra: Record<string, unknown> = {}) => ({
  id: 'a',
  type: 'lexicon',
  severity: 'warn',
  message: MESSAGE,
  params: { terms: ['x'] },
  ...extra,
});
const base = { schema: 1, name: 'n', version: '1.0.0' };

describe('pack compile errors name their JSON path in plain words', () => {
  it('accepts a minimal pack', () => {
    const p = compilePack({ ...base, rules: [lexRule()] });
    expect(p.rules.map((r) => r.id)).toEqual(['a']);
    expect(p.name).toBe('n');
  });

  it('refuses an unknown schema version', () => {
    expect(problems({ ...base, schema: 2 })).toEqual(['schema: only schema version 1 is understood']);
  });

  it.each([
    ['name', { version: '1' }],
    ['version', { name: 'n' }],
  ])('says the missing %s is required', (field, pack) => {
    expect(problems({ schema: 1, ...pack })).toEqual([`${field}: is required`]);
  });

  it.each([
    ['rules[0].message.reason', { ...base, rules: [lexRule({ message: { title: 't', suggestion: 's' } })] }],
    ['rules[0].type', { ...base, rules: [lexRule({ type: undefined })] }],
  ])('says the missing %s is required', (path, pack) => {
    expect(problems(pack)).toContain(`${path}: is required`);
  });

  // A field that is there but of the wrong type is not "required": the message says what it should be.
  it.each([
    ['name', { ...base, name: 5 }],
    ['rules', { ...base, rules: 'all of them' }],
    ['thresholds.a', { ...base, thresholds: { a: 'high' } }],
    ['rules[0].message', { ...base, rules: [lexRule({ message: 'hello' })] }],
    ['rules[0].params.min', { ...base, rules: [lexRule({ params: { terms: ['x'], min: true } })] }],
  ])('a wrong type at %s says what was expected', (path, pack) => {
    const found = problems(pack).find((p) => p.startsWith(`${path}:`));
    expect(found).toBeDefined();
    expect(found).not.toMatch(/is required/);
    expect(found).toMatch(/expected/);
  });

  it('a missing severity names the path and the allowed values', () => {
    expect(problems({ ...base, rules: [lexRule({ severity: undefined })] })[0]).toMatch(
      /^rules\[0\]\.severity: .*"info".*"warn"/,
    );
  });

  it('a wrong value names the path and the allowed values', () => {
    const found = problems({ ...base, rules: [lexRule({ severity: 'loud' })] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^rules\[0\]\.severity: .*"info".*"warn"/);
  });

  it('a bad version and rule id say what they should look like', () => {
    expect(problems({ ...base, version: 'one' })).toEqual(['version: a version like 1.4.2']);
    expect(problems({ ...base, rules: [lexRule({ id: 'Bad Id' })] })[0]).toMatch(
      /^rules\[0\]\.id: lower-case letters, digits and dashes/,
    );
  });

  it('lists every problem at once', () => {
    const list = problems({ ...base, version: 'one', rules: [lexRule({ severity: 'loud' })], extra: 1 });
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(compileError({ ...base, version: 'one', extra: 1 })).toMatch(/^2 problems:\n {2}- /);
  });

  it('refuses an unknown top-level field', () => {
    expect(problems({ ...base, rulez: [] })).toEqual(['(the whole pack): unknown field "rulez"']);
  });

  it('refuses something that is not a pack at all', () => {
    for (const json of [null, [], 'pack', 42]) expect(problems(json)).toHaveLength(1);
  });

  it('refuses an unknown rule type, listing the known types', () => {
    const [p] = problems({ ...base, rules: [lexRule({ type: 'magic' })] });
    expect(p).toMatch(/^rules\[0\]\.type: unknown rule type "magic" \(known: /);
    for (const t of [
      'signals',
      'lexicon',
      'pattern',
      'metric',
      'disclosure',
      'unanswered',
      'ratio',
      'burst',
      'silence',
      'near-duplicate',
    ])
      expect(p).toContain(t);
  });

  it('refuses an unknown threshold name', () => {
    expect(problems({ ...base, rules: [lexRule({ params: { terms: ['x'], min: 'lots' } })] })).toEqual([
      'rules[0].params.min: no threshold named "lots" in thresholds',
    ]);
  });

  it('refuses an unknown threshold in the score penalties', () => {
    expect(problems({ ...base, score: { penalty: { warn: 'big' } } })).toEqual([
      'score.penalty.warn: no threshold named "big" in thresholds',
    ]);
  });

  it('refuses an unknown term list', () => {
    expect(problems({ ...base, rules: [lexRule({ params: { terms: 'buzz' } })] })).toEqual([
      'rules[0].params.terms: no term list named "buzz" in terms',
    ]);
  });

  it('refuses a phrase naming a placeholder that does not exist, in a list or inline', () => {
    const found = problems({
      ...base,
      terms: { deals: ['<prices> off', '<percent> off', 'save <Number>'] },
      rules: [
        lexRule({ params: { terms: 'deals' } }),
        lexRule({ id: 'b', params: { terms: ['<num>k fans'] } }),
      ],
    });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /^terms\.deals: "<prices> off" names "<prices>", which is no placeholder \(known: <price>, /,
    );
    expect(found[1]).toMatch(/^a rule's inline terms: "<num>k fans" names "<num>"/);
    expect(
      problems({ ...base, organisation: { confidential: ['<codename> launch'] }, rules: [lexRule()] }),
    ).toEqual([
      expect.stringMatching(/^organisation \(confidential\): "<codename> launch" names "<codename>"/),
    ]);
  });

  it('refuses a phrase with a clause break between its words: it could never match', () => {
    const found = problems({
      ...base,
      terms: {
        deals: [
          '1:1 coaching',
          'book now!',
          'why? because',
          'Dr. Yilmaz',
          'Kund:innen',
          '<price>. <word> off',
        ],
      },
      rules: [
        lexRule({ params: { terms: 'deals' } }),
        lexRule({ id: 'b', params: { terms: ['wait… what'] } }),
      ],
    });
    expect(found).toEqual([
      'terms.deals: "1:1 coaching" holds ":", which ends a clause; a phrase matches within one clause, so it could never match',
      'terms.deals: "why? because" holds "?", which ends a clause; a phrase matches within one clause, so it could never match',
      expect.stringMatching(/^terms\.deals: "<price>\. <word> off" holds "\."/),
      expect.stringMatching(/^a rule's inline terms: "wait… what" holds "…"/),
    ]);
  });

  it('refuses a gap ("<word>") that opens or closes a phrase: it would match after every word', () => {
    const found = problems({
      ...base,
      terms: { deals: ['free <word> quote', '<word> off', 'save <WORD>', 'buy <word>@en'] },
      rules: [lexRule({ params: { terms: 'deals' } })],
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^terms\.deals: "<word> off" puts "<word>" first or last; a gap stands only between two words/,
      ),
      expect.stringMatching(/^terms\.deals: "save <WORD>" puts "<word>" first or last/),
      expect.stringMatching(/^terms\.deals: "buy <word>@en" puts "<word>" first or last/),
    ]);
  });

  it('refuses a phrase that opens with a name ("<name>"): no index holds it, so it could never match', () => {
    const found = problems({
      ...base,
      terms: { plug: ['at <name> we', '<name> is hiring', '<NAME> here@en'] },
      rules: [lexRule({ params: { terms: 'plug' } })],
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^terms\.plug: "<name> is hiring" opens with "<name>"; a name stands after a word/,
      ),
      expect.stringMatching(/^terms\.plug: "<NAME> here@en" opens with "<name>"/),
    ]);
  });

  it('accepts placeholders glued to text and the number forms', () => {
    const p = compilePack({
      ...base,
      rules: [
        lexRule({ params: { terms: ['<price>引き', '<number>k followers', '<number>x<number>', '<3'] } }),
      ],
    });
    expect(p.rules).toHaveLength(1);
  });

  it('refuses a duplicate rule id', () => {
    expect(problems({ ...base, rules: [lexRule(), lexRule()] })).toEqual([
      'rules[1].id: "a" is used by another rule',
    ]);
  });

  it('refuses an unknown parameter instead of ignoring a typo', () => {
    const found = problems({ ...base, rules: [lexRule({ params: { terms: ['x'], minn: 2 } })] });
    expect(found.join('\n')).toMatch(/rules\[0\]\.params.*minn/);
  });

  it('refuses an unknown field in a rule instead of ignoring a typo', () => {
    const found = problems({ ...base, rules: [lexRule({ platfroms: ['x'] })] });
    expect(found.join('\n')).toMatch(/rules\[0\].*platfroms/);
  });

  it('refuses an expired pack, given the clock', () => {
    const pack = { ...base, expires: '2026-01-01', rules: [lexRule()] };
    expect(problems(pack, new Date('2026-06-01'))).toEqual(['expires: the pack expired on 2026-01-01']);
    expect(compilePack(pack, undefined, { now: new Date('2025-06-01') }).expires).toBe('2026-01-01');
  });

  it('refuses a pack whose own examples fail, naming the example', () => {
    const pack = {
      ...base,
      rules: [
        lexRule({ params: { terms: ['sale'] }, examples: { fire: ['nothing to see'], pass: ['big sale'] } }),
      ],
    };
    const msg = compileError(pack);
    expect(msg).toContain('"nothing to see"');
    expect(msg).toContain('"big sale"');
    expect(msg).toMatch(/rules\.a\.examples: expected "a" to fire on "nothing to see"/);
    expect(msg).toMatch(/rules\.a\.examples: expected "a" to stay quiet on "big sale"/);
    expect(() => compilePack(pack, undefined, { skipExamples: true })).not.toThrow();
  });

  it('accepts a pack whose examples behave', () => {
    const pack = {
      ...base,
      rules: [lexRule({ params: { terms: ['sale'] }, examples: { fire: ['big sale'], pass: ['hi'] } })],
    };
    expect(() => compilePack(pack)).not.toThrow();
  });
});

describe('compilePackText', () => {
  it('compiles pack text', () => {
    expect(
      compilePackText(JSON.stringify(packJson([{ id: 'a', type: 'lexicon', params: { terms: ['x'] } }])))
        .rules,
    ).toHaveLength(1);
  });

  it('refuses malformed JSON in plain words', () => {
    let err: unknown;
    try {
      compilePackText('{"schema": 1,');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PackError);
    expect((err as Error).message).toMatch(/^the pack is not valid JSON: /);
  });

  it('refuses text over 1,000,000 characters before parsing it', () => {
    const text = JSON.stringify({ ...base, description: 'x'.repeat(1_000_000) });
    expect(() => compilePackText(text)).toThrow(/the pack is \d+ characters; the limit is 1000000/);
    // Just under the cap, the size is not the problem (the description's length is).
    expect(() => compilePackText(`${' '.repeat(999_000)}${JSON.stringify(base)}`)).not.toThrow();
  });
});
