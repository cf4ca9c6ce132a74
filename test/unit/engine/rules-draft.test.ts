import { describe, expect, it } from 'vitest';
import { PackError, compilePack } from '../../../src/engine/index.ts';
import { compileError, fired, pack, packJson, run } from './helpers.ts';

describe('signals', () => {
  const promo = (signals: unknown[], extra: Record<string, unknown> = {}) =>
    pack([{ id: 'promo', type: 'signals', params: { threshold: 4, signals, ...extra } }]);

  it('adds weights per match and fires at the threshold', () => {
    const p = promo([{ terms: ['sale'], weight: 2 }]);
    expect(fired(p, 'sale')).toEqual([]);
    expect(fired(p, 'sale and another sale')).toEqual(['promo']);
  });

  it('caps each signal at its max', () => {
    const p = promo([{ terms: ['sale'], weight: 1, max: 3 }]);
    expect(fired(p, 'sale sale sale sale sale sale')).toEqual([]);
    const q = promo([{ terms: ['sale'], weight: 1, max: 4 }]);
    expect(fired(q, 'sale sale sale sale sale sale')).toEqual(['promo']);
  });

  it('subtracts negative weights', () => {
    const p = promo([
      { terms: ['sale'], weight: 2 },
      { terms: ['because'], weight: -1 },
    ]);
    expect(fired(p, 'sale, sale')).toEqual(['promo']);
    expect(fired(p, 'sale, sale, because')).toEqual([]);
  });

  it('counts a feature by its value, or once when within atLeast/atMost', () => {
    const byValue = promo([{ feature: 'exclamations', weight: 2 }]);
    expect(fired(byValue, 'Wow! Yes!')).toEqual(['promo']);
    expect(fired(byValue, 'Wow!')).toEqual([]);

    const atLeast = promo([{ feature: 'words', atLeast: 5, weight: 4 }]);
    expect(fired(atLeast, 'one two three four five')).toEqual(['promo']);
    expect(fired(atLeast, 'one two three four')).toEqual([]);

    const atMost = promo([{ feature: 'questions', atMost: 0, weight: 4 }]);
    expect(fired(atMost, 'No questions here')).toEqual(['promo']);
    expect(fired(atMost, 'Any questions?')).toEqual([]);

    const between = promo([{ feature: 'words', atLeast: 2, atMost: 3, weight: 4 }]);
    expect(fired(between, 'one')).toEqual([]);
    expect(fired(between, 'one two three')).toEqual(['promo']);
    expect(fired(between, 'one two three four')).toEqual([]);
  });

  it('quotes the name lines a name-lines signal weighed as its evidence', () => {
    const p = promo([{ feature: 'name-lines', atLeast: 1, weight: 4 }]);
    const evidence = (text: string) => run(p, text).all.flatMap((n) => n.evidence.map((e) => e.text));
    expect(evidence('Mornings that start slower and end calmer.\n\nLumora')).toEqual(['Lumora']);
    expect(evidence('Warm bread on your doorstep by 7am. 🍞\nCrumb & Co., Leeds.')).toEqual(['Crumb & Co']);
    expect(evidence('Your mornings, finally calm. ☕ Brewlo 🌿\nbrewlo.example')).toEqual(['Brewlo']);
  });

  it('quotes the name a signed signal weighed as its evidence', () => {
    const p = promo([{ feature: 'signed', atLeast: 1, weight: 4 }]);
    const evidence = (text: string) => run(p, text).all.flatMap((n) => n.evidence.map((e) => e.text));
    expect(evidence('Fresh fine-line peony, healed beautifully 🌸 Inkwell Tattoo Co.')).toEqual([
      'Inkwell Tattoo Co',
    ]);
    expect(evidence('We finally moved the whole office to New York')).toEqual([]);
  });

  it("with at: 'start' counts only matches that open a sentence or clause", () => {
    const p = promo([{ terms: ['shop'], at: 'start', weight: 4 }]);
    expect(fired(p, 'Shop the range')).toEqual(['promo']);
    expect(fired(p, 'Done for today. Shop the range')).toEqual(['promo']);
    expect(fired(p, 'New stock: shop the range')).toEqual(['promo']);
    expect(fired(p, '🎉 Shop the range')).toEqual(['promo']);
    expect(fired(p, 'We visited the shop')).toEqual([]);
  });

  it("with 'with', counts only matches whose clause also holds the other list", () => {
    const p = promo([{ terms: ['share'], with: ['video', 'this page'], weight: 4 }]);
    expect(fired(p, 'Share the video with a friend')).toEqual(['promo']);
    expect(fired(p, 'Ideas, share this page')).toEqual(['promo']);
    // The object sits in another clause: the verb alone is not the ask.
    expect(fired(p, 'Share what you think. The video is below')).toEqual([]);
    expect(fired(p, 'Share what you think')).toEqual([]);
    expect(
      compileError(
        packJson([
          {
            id: 'a',
            type: 'signals',
            params: { threshold: 1, signals: [{ feature: 'words', with: ['x'], weight: 1 }] },
          },
        ]),
      ),
    ).toMatch(/"with" and "without" narrow term matches/);
  });

  it("with 'without', counts only matches that lie inside no match of the other list", () => {
    // A tip's "make sure" explains; inside "make sure you're following" it is part of an ask.
    const p = promo([
      { terms: ['make sure'], without: ['make sure to follow', "make sure you're following"], weight: 4 },
    ]);
    expect(fired(p, 'Make sure the dough is cold')).toEqual(['promo']);
    expect(fired(p, 'Make sure to follow for part 2')).toEqual([]);
    expect(fired(p, "make sure you're following!")).toEqual([]);
    // Each match is judged alone: the tip still counts beside the ask.
    expect(fired(p, 'Make sure the oven is hot, and make sure to follow')).toEqual(['promo']);
    expect(
      compileError(
        packJson([
          {
            id: 'a',
            type: 'signals',
            params: { threshold: 1, signals: [{ feature: 'words', without: ['x'], weight: 1 }] },
          },
        ]),
      ),
    ).toMatch(/"without" narrow term matches/);
  });

  it('with requires, stays quiet unless a named signal is present', () => {
    const p = promo(
      [
        { name: 'offer', terms: ['sale'], weight: 2 },
        { feature: 'exclamations', weight: 2 },
      ],
      { requires: ['offer'] },
    );
    expect(fired(p, 'Wow! Yes! Great!')).toEqual([]);
    expect(fired(p, 'Sale! Yes!')).toEqual(['promo']);
  });

  it('a required feature signal counts in a draft where no required term list matched', () => {
    const p = promo(
      [
        { name: 'offer', terms: ['sale'], weight: 1 },
        { name: 'loud', feature: 'exclamations', weight: 2 },
      ],
      { requires: ['offer', 'loud'] },
    );
    expect(fired(p, 'Wow! Yes!')).toEqual(['promo']);
    expect(fired(p, 'Quiet words only.')).toEqual([]);
  });

  it('a required signal with a negative weight does not satisfy requires', () => {
    const p = promo(
      [
        { name: 'anti', terms: ['because'], weight: -1 },
        { feature: 'words', atLeast: 1, weight: 5 },
      ],
      { requires: ['anti'] },
    );
    expect(fired(p, 'because reasons')).toEqual([]);
  });

  it('threshold and weights may name a pack threshold', () => {
    const p = pack(
      [
        {
          id: 'promo',
          type: 'signals',
          params: { threshold: 'promo.t', signals: [{ terms: ['sale'], weight: 'promo.w' }] },
        },
      ],
      { thresholds: { 'promo.t': 3, 'promo.w': 3 } },
    );
    expect(fired(p, 'sale')).toEqual(['promo']);
  });

  it('reports the positive term matches as evidence, in text order, with {score} filled', () => {
    const p = pack([
      {
        id: 'promo',
        type: 'signals',
        message: { title: 'score {score}', reason: 'r', suggestion: 's' },
        params: {
          threshold: 3,
          signals: [
            { terms: ['buy now'], weight: 2 },
            { terms: ['sale'], weight: 2 },
            { terms: ['because'], weight: -0.5 },
          ],
        },
      },
    ]);
    const text = 'Sale today, buy now because why not';
    const [n] = run(p, text).all;
    expect(n?.title).toBe('score 3.5');
    expect(n?.evidence.map((e) => e.text)).toEqual(['Sale', 'buy now']);
  });

  it('refuses a signal with both or neither of terms and feature', () => {
    expect(
      compileError(
        packJson([{ id: 'a', type: 'signals', params: { threshold: 1, signals: [{ weight: 1 }] } }]),
      ),
    ).toMatch(/rules\[0\]\.params\.signals\[0\].*exactly one of "terms" or "feature"/);
  });

  it('refuses requires naming no signal, at its path', () => {
    const msg = compileError(
      packJson([
        {
          id: 'a',
          type: 'signals',
          params: { threshold: 1, requires: ['ghost'], signals: [{ terms: ['x'], weight: 1 }] },
        },
      ]),
    );
    expect(msg).toContain('rules[0].params.requires: no signal is named "ghost"');
  });
});

describe('lexicon rule', () => {
  const buzz = (params: Record<string, unknown>) =>
    pack([
      { id: 'buzz', type: 'lexicon', params: { terms: ['synerg*', 'leverage', 'holistic'], ...params } },
    ]);

  it('fires at min matches', () => {
    const p = buzz({ min: 2 });
    expect(fired(p, 'We leverage things')).toEqual([]);
    expect(fired(p, 'We leverage synergies')).toEqual(['buzz']);
  });

  it('defaults to firing on one match', () => {
    expect(fired(buzz({}), 'so holistic')).toEqual(['buzz']);
  });

  it('fires below min when the matches are dense enough', () => {
    const p = buzz({ min: 3, density: 10, minForDensity: 2 });
    // 2 matches in 4 words: 50 per 100 words.
    expect(fired(p, 'leverage holistic synergy now')).toEqual(['buzz']);
    expect(fired(p, 'We leverage synergies')).toEqual(['buzz']);
    // 2 matches in 30 words: under 10 per 100.
    const long = `We leverage synergies ${'and then we talked about the weather for a while '.repeat(3)}`;
    expect(fired(p, long)).toEqual([]);
    // Dense but fewer than minForDensity.
    expect(fired(p, 'holistic')).toEqual([]);
  });

  it('lists the distinct terms in {terms} and gives each match as evidence', () => {
    const p = pack([
      {
        id: 'buzz',
        type: 'lexicon',
        message: { title: '{count}: {terms}', reason: 'r', suggestion: 's' },
        params: { terms: ['leverage', 'synerg*'] },
      },
    ]);
    const text = 'Leverage synergy; leverage synergies';
    const [n] = run(p, text).all;
    // Each term once, in the case it was first written.
    expect(n?.title).toBe('4: Leverage, synergy, synergies');
    for (const e of n!.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('refuses an unknown term list at its path', () => {
    expect(compileError(packJson([{ id: 'a', type: 'lexicon', params: { terms: 'nope' } }]))).toContain(
      'rules[0].params.terms: no term list named "nope" in terms',
    );
  });
});

describe('pattern rule', () => {
  it('fires on a match, case-insensitively by default, with the matches as evidence', () => {
    const p = pack([{ id: 'ticket', type: 'pattern', params: { patterns: ['\\bproj-\\d+\\b'] } }]);
    const text = 'See PROJ-123 and proj-9';
    const [n] = run(p, text).all;
    expect(n?.evidence.map((e) => e.text)).toEqual(['PROJ-123', 'proj-9']);
    for (const e of n!.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(fired(p, 'nothing here')).toEqual([]);
  });

  it('honours caseSensitive and min', () => {
    const p = pack([
      { id: 'ticket', type: 'pattern', params: { patterns: ['PROJ-\\d+'], caseSensitive: true, min: 2 } },
    ]);
    expect(fired(p, 'PROJ-1 proj-2')).toEqual([]);
    expect(fired(p, 'PROJ-1 PROJ-2')).toEqual(['ticket']);
  });

  it('ignores empty matches instead of looping', () => {
    const p = pack([{ id: 'empty', type: 'pattern', params: { patterns: ['x*'] } }]);
    expect(fired(p, 'abc')).toEqual([]);
  });

  it('refuses an invalid pattern as a PackError at its path', () => {
    let err: unknown;
    try {
      compilePack(packJson([{ id: 'bad', type: 'pattern', params: { patterns: ['(unclosed'] } }]));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PackError);
    expect((err as PackError).problems.join('\n')).toMatch(/^rules\[0\]\.params\.patterns\[0\]: /);
  });

  it('refuses backreferences, which RE2 cannot run in linear time', () => {
    expect(
      compileError(packJson([{ id: 'bad', type: 'pattern', params: { patterns: ['ok', '(a)\\1'] } }])),
    ).toMatch(/rules\[0\]\.params\.patterns\[1\]/);
  });

  it('runs the catastrophic (a+)+$ on 10,000 a’s and a b, and returns', () => {
    const p = pack([{ id: 'evil', type: 'pattern', params: { patterns: ['(a+)+$'] } }]);
    const result = run(p, `${'a'.repeat(10_000)}b`);
    expect(result.all.map((n) => n.id)).toEqual([]);
    expect(fired(p, 'aaaa')).toEqual(['evil']);
  });
});

describe('metric rule', () => {
  const length = (extra: Record<string, unknown> = {}) =>
    pack([
      {
        id: 'platform-fit/length',
        type: 'metric',
        message: { title: '{value} over {max} on {platform} by {over}', reason: 'r', suggestion: 's' },
        params: { measure: 'length', max: { x: 280, mastodon: 500 }, ...extra },
      },
    ]);

  it('uses the per-platform max and says nothing on a platform without one', () => {
    const p = length();
    const text = 'a'.repeat(300);
    expect(fired(p, text, { platform: 'x' })).toEqual(['platform-fit']);
    expect(fired(p, text, { platform: 'mastodon' })).toEqual([]);
    expect(fired(p, text, { platform: 'linkedin' })).toEqual([]);
    expect(fired(p, 'a'.repeat(280), { platform: 'x' })).toEqual([]);
    expect(run(p, text).all[0]?.title).toBe('300 over 280 on X by 20');
  });

  it('accepts one max for every platform', () => {
    const p = pack([{ id: 'len', type: 'metric', params: { measure: 'length', max: 10 } }]);
    expect(fired(p, 'a'.repeat(11), { platform: 'reddit' })).toEqual(['len']);
  });

  it('counts every link as urlLength characters where the pack says so', () => {
    const url = `https://example.com/${'p'.repeat(100)}`;
    const text = `${'a'.repeat(250)} ${url}`;
    const p = length({ urlLength: { x: 23 } });
    // 251 + 23 = 274 on X; the raw 371 characters elsewhere.
    expect(fired(p, text, { platform: 'x' })).toEqual([]);
    expect(fired(length(), text, { platform: 'x' })).toEqual(['platform-fit']);
    expect(fired(p, `${'a'.repeat(258)} ${url}`, { platform: 'x' })).toEqual(['platform-fit']);
  });

  it('gives the same length with or without characters that may count double', () => {
    const p = length({ urlLength: { x: 23 }, doubleWide: ['x'] });
    const url = `https://example.com/${'p'.repeat(40)}`;
    // Plain text and two links: 230 + 1 + 23 + 1 + 23 = 278, then 2 more characters cross 280.
    const plain = `${'a'.repeat(230)} ${url} ${url}`;
    expect(fired(p, plain, { platform: 'x' })).toEqual([]);
    expect(run(p, `${plain} bb`, { platform: 'x' }).all[0]?.title).toBe('281 over 280 on X by 1');
    // An emoji counts 2 on X: 274 + 2 + 2 + 2 = 280 stays, one more crosses.
    const emoji = `${'a'.repeat(274)}🎉🎉🎉`;
    expect(fired(p, emoji, { platform: 'x' })).toEqual([]);
    expect(run(p, `${emoji}🎉`, { platform: 'x' }).all[0]?.title).toBe('282 over 280 on X by 2');
  });

  it('counts CJK characters double where the pack says so', () => {
    const text = '日'.repeat(150);
    const p = length({ doubleWide: ['x'] });
    expect(fired(p, text, { platform: 'x' })).toEqual(['platform-fit']);
    expect(run(p, text).all[0]?.title).toBe('300 over 280 on X by 20');
    expect(fired(length(), text, { platform: 'x' })).toEqual([]);
    expect(fired(p, '日'.repeat(140), { platform: 'x' })).toEqual([]);
  });

  it('counts a lone surrogate double on X, as the walk over characters does', () => {
    // Emoji alone keep a draft's length arithmetic on X (two code units, counted two); a half of
    // one on its own is a wide character like any other: 278 + 2 + 1 = 281.
    const p = length({ doubleWide: ['x'] });
    expect(run(p, `${'a'.repeat(278)}\udc00a`, { platform: 'x' }).all[0]?.title).toBe(
      '281 over 280 on X by 1',
    );
    expect(fired(p, `${'a'.repeat(277)}\udc00`, { platform: 'x' })).toEqual([]);
  });

  it('finds a wide character behind narrow marks past U+10FF, and a lone half at the very end', () => {
    const p = length({ doubleWide: ['x'] });
    // Curly quotes and dashes count one: 2 + 275 + 2 = 279; a second kanji crosses.
    expect(fired(p, `’—${'a'.repeat(275)}日`, { platform: 'x' })).toEqual([]);
    expect(run(p, `’—${'a'.repeat(275)}日日`, { platform: 'x' }).all[0]?.title).toBe(
      '281 over 280 on X by 1',
    );
    expect(fired(p, `${'a'.repeat(278)}\ud83d`, { platform: 'x' })).toEqual([]);
    expect(run(p, `${'a'.repeat(279)}\ud83d`, { platform: 'x' }).all[0]?.title).toBe(
      '281 over 280 on X by 1',
    );
  });

  it('marks the overflow from the first character past the limit', () => {
    const text = 'a'.repeat(290);
    const [e] = run(length(), text).all[0]!.evidence;
    expect([e?.start, e?.end]).toEqual([280, 290]);
  });

  it('never starts the overflow range inside an emoji', () => {
    const text = `${'a'.repeat(279)}🎉 more`;
    const [e] = run(length({ doubleWide: ['x'] }), text).all[0]!.evidence;
    expect(e?.start).toBe(279);
  });

  it('measures features such as hashtags per platform', () => {
    const p = pack([{ id: 'tags', type: 'metric', params: { measure: 'hashtags', max: { x: 2 } } }]);
    expect(fired(p, 'a #b #c')).toEqual([]);
    expect(fired(p, 'a #b #c #d')).toEqual(['tags']);
    expect(fired(p, 'https://x.io/#a #b #c')).toEqual([]);
  });

  it('with whenLongerThan, measures only drafts longer than it', () => {
    const p = pack([
      {
        id: 'fold',
        type: 'metric',
        params: { measure: 'first-sentence-chars', max: 20, whenLongerThan: 40 },
      },
    ]);
    const oneLongSentence = 'This opening sentence runs well past twenty characters';
    expect(oneLongSentence.length).toBeGreaterThan(40);
    expect(fired(p, oneLongSentence)).toEqual(['fold']);
    expect(fired(p, 'Twenty-five characters ok')).toEqual([]);
    expect(fired(p, 'Short start. Then a much longer second sentence follows.')).toEqual([]);
  });

  it('refuses an unknown measure at its path', () => {
    expect(
      compileError(packJson([{ id: 'm', type: 'metric', params: { measure: 'vibes', max: 1 } }])),
    ).toMatch(/rules\[0\]\.params\.measure/);
  });
});

describe('disclosure rule', () => {
  const p = pack(
    [
      {
        id: 'missing-disclosure',
        type: 'disclosure',
        message: { title: 'About {subject}', reason: 'r', suggestion: 's' },
        params: { subjects: 'org.products', disclosures: ['disclosure-terms', 'org.disclosures'] },
      },
    ],
    {
      organisation: { products: ['Acme Cloud', 'Widgetly'], disclosures: ['#acmeemployee'] },
      terms: { 'disclosure-terms': ['i work at', '#ad'] },
    },
  );

  it('fires when an organisation product is named without a disclosure', () => {
    const text = 'Honestly Acme Cloud is the best backup tool I have used.';
    const [n] = run(p, text).all;
    expect(n?.id).toBe('missing-disclosure');
    expect(n?.title).toBe('About Acme Cloud');
    expect(text.slice(n!.evidence[0]!.start, n!.evidence[0]!.end)).toBe('Acme Cloud');
  });

  it('stays quiet with a disclosure from the pack or the organisation', () => {
    expect(fired(p, 'I work at Acme, and Acme Cloud is the best backup tool I have used.')).toEqual([]);
    expect(fired(p, 'Widgetly saved my week #ad')).toEqual([]);
    expect(fired(p, 'Widgetly saved my week #AcmeEmployee')).toEqual([]);
  });

  it('stays quiet when no product is named', () => {
    expect(fired(p, 'The best backup tool I have used.')).toEqual([]);
    expect(fired(p, 'Visit #widgetly and @widgetly')).toEqual([]);
  });

  it('with context, needs praise or a call to act as well', () => {
    const q = pack(
      [
        {
          id: 'missing-disclosure',
          type: 'disclosure',
          params: { subjects: 'org.products', disclosures: ['org.disclosures'], context: ['try', 'best'] },
        },
      ],
      { organisation: { products: ['Widgetly'] } },
    );
    expect(fired(q, 'Widgetly is down today')).toEqual([]);
    expect(fired(q, 'Try Widgetly')).toEqual(['missing-disclosure']);
  });
});

describe('scoreSignals (the sum without the matches)', () => {
  it('equals sumSignals(…).score on every kind of signal: anywhere, start, lead, with, kinds, features', async () => {
    const { scoreSignals, sumSignals, compileSignals } =
      await import('../../../src/engine/rules/signal-sum.ts');
    const { analyse } = await import('../../../src/engine/text/features.ts');
    const { Lexicon } = await import('../../../src/engine/text/lexicon.ts');
    const lists = new Map<string, string[]>([
      ['buy', ['buy', 'order', 'book']],
      ['our', ['our shop', 'our menu']],
      ['deal', ['<percent> off', 'free']],
    ]);
    const lexicon = new Lexicon(lists);
    const ctx = {
      num: (v: unknown) => v as number,
      terms: (ref: unknown) => lexicon.names.indexOf(ref as string),
      problem: () => {
        throw new Error('no problems expected');
      },
      productDisclosures: () => [],
    };
    const list = compileSignals(
      [
        { terms: 'buy', at: 'lead', weight: 2, max: 3 },
        { terms: 'buy', at: 'start', weight: 1, max: 1 },
        { terms: 'deal', weight: 1.5, max: 2 },
        { terms: 'buy', with: 'our', weight: 3, max: 3 },
        { terms: 'our', weight: -1, max: 3, kinds: ['reply'] },
        { feature: 'questions', atLeast: 1, weight: -2, max: 1 },
        { feature: 'urls', weight: 0.5, max: 2 },
      ] as never,
      ctx,
      'signals',
    );
    const drafts = [
      'Book now: our menu is 20% off, free dessert. Order at https://a.example/x',
      'We buy flour from a mill down the road; our shop smells of it. Would you order online?',
      'Nothing to see here.',
      'Order today. Buy two, book one, our shop pays the postage',
    ];
    let nonZero = 0;
    for (const text of drafts)
      for (const kind of ['post', 'reply'] as const) {
        const doc = analyse(text);
        const hits = lexicon.match(doc.tokens, doc.language);
        const sum = sumSignals(list, doc, hits, kind).score;
        expect(scoreSignals(list, doc, hits, kind)).toBe(sum);
        if (sum !== 0) nonZero++;
      }
    expect(nonZero).toBeGreaterThanOrEqual(5);
  });
});
