import { describe, expect, it } from 'vitest';
import {
  DRAFT_NUDGES,
  HISTORY_NUDGES,
  KINDS,
  MAX_DRAFT_CHARS,
  MAX_SHOWN,
  PLATFORMS,
  check,
} from '../../../src/engine/index.ts';
import { NOW, ago, defaultPack, fired, pack, post, run } from './helpers.ts';
import { CONTROL } from '../../../src/engine/text/tokenize.ts';

const MESSY =
  'FLASH SALE! Everything 50% off, buy now, limited time! Follow us and like and share! ' +
  'We are thrilled to leverage synergies! #a #b #c #d #e #f ' +
  'x'.repeat(200);

describe('check: empty drafts', () => {
  it.each(['', '   ', '\n\n\t ', '\u00a0 \r\n'])(
    '%j is empty: band "empty", score 0, a note, no draft nudges',
    (text) => {
      const r = run(defaultPack(), text);
      expect(r.band).toBe('empty');
      expect(r.score).toBe(0);
      expect(r.nudges).toEqual([]);
      expect(r.all).toEqual([]);
      expect(r.truncated).toBe(false);
      expect(r.notes).toEqual(['Nothing to coach yet: the draft is empty.']);
    },
  );

  it('an empty draft still gets history nudges when history is given', () => {
    const history = [{ at: ago(3), type: 'comment-received' as const, platform: 'x' as const, id: 'c1' }];
    const r = run(defaultPack(), '', { history, now: NOW });
    expect(r.all.map((n) => n.id)).toContain('unanswered-comments');
    for (const n of r.all) expect(HISTORY_NUDGES as readonly string[]).toContain(n.id);
    expect(r.band).toBe('empty');
    expect(r.score).toBe(0);
  });
});

describe('check: awkward input', () => {
  it('coaches the first 100,000 characters of a 1 MB draft, says so, and returns', () => {
    const text = 'We measured the build cache and it cut deploys from 14 to 4 minutes. '.repeat(15_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const r = run(defaultPack(), text, { platform: 'reddit' });
    expect(r.truncated).toBe(true);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toContain(MAX_DRAFT_CHARS.toLocaleString('en'));
    expect(r.notes[0]).toContain(text.length.toLocaleString('en'));
    for (const n of r.all)
      for (const e of n.evidence) if (e.end !== undefined) expect(e.end).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
  });

  it('does not call a draft of exactly the cap truncated', () => {
    const r = run(defaultPack(), 'a'.repeat(MAX_DRAFT_CHARS), { platform: 'reddit' });
    expect(r.truncated).toBe(false);
    expect(r.notes).toEqual([]);
  });

  it('treats control characters as spaces, keeping offsets', () => {
    const text = 'FLASH\u0000SALE!\u0007 40% off,\u001b buy now\u2028';
    const r = run(defaultPack(), text);
    const promo = r.all.find((n) => n.id === 'pure-promotion');
    expect(promo).toBeDefined();
    const sale = promo!.evidence.find((e) => e.text.toLowerCase().includes('sale'));
    expect(sale?.text).toBe('FLASH SALE');
    expect(sale?.start).toBe(0);
    expect(() => run(defaultPack(), '\u0000\u0001\u0002')).not.toThrow();
    expect(run(defaultPack(), '\u0000\u0001\u0002').band).toBe('empty');
  });

  // The tokenizer notices controls on its way (no separate pass): one hidden where a scan steps
  // over characters (an address, a bare domain's path) must still send the draft to be cleaned.
  it.each([
    ['in a link', 'Buy now https://shop.example/sa\u0085le 40% off today'],
    ['in a bare domain path', 'Order at shop.example/a\u0001b, 40% off this week only'],
    ['a C1 control inside a word', 'FLASH\u0085SALE 40% off, buy now'],
    ['Windows line ends', 'We moved the stand-up to 10:30.\r\nWhat time works for your team?'],
    ['a separator', 'Big news\u2029Shop the sale now, 30% off everything'],
  ])('reads a draft with a control %s as its cleaned copy', (_label, text) => {
    const cleaned = text.replace(CONTROL, ' ');
    expect(cleaned).not.toBe(text);
    const raw = run(defaultPack(), text);
    const clean = run(defaultPack(), cleaned);
    expect(raw.score).toBe(clean.score);
    expect(raw.all).toEqual(clean.all);
  });

  it.each([
    ['RTL Arabic', 'مرحبا بالعالم. كيف حالك اليوم؟ نحن نعمل على تحسين الأداء منذ أسبوعين.'],
    ['RTL Hebrew', 'שלום לכולם! עבדנו על שיפור הביצועים במשך שבועיים, מה דעתכם?'],
    ['mixed RTL and LTR', 'We shipped نسخة جديدة today, thanks @dana ❤️'],
    ['CJK', '日本語のテキストです。新しい機能をリリースしました。皆さんはどう思いますか？'],
    ['Korean', '새로운 기능을 출시했습니다. 어떻게 생각하세요?'],
    ['emoji only', '🎉🎉🎉'],
    ['one flag', '🇯🇵'],
    ['ZWJ family', '👨‍👩‍👧‍👦'],
    ['lone surrogates', '\ud83d abc \ude00'],
    ['only punctuation', '?!.,;:…'],
    ['only a mention', '@dana'],
    ['only a link', 'https://example.com'],
  ])('%s gives a sane result', (_name, text) => {
    const r = run(defaultPack(), text);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(Number.isInteger(r.score)).toBe(true);
    expect(['strong', 'good', 'fair', 'weak']).toContain(r.band);
    for (const n of r.all) expect([...DRAFT_NUDGES, ...HISTORY_NUDGES] as string[]).toContain(n.id);
    // Nothing in these drafts is a sales pitch, a buzzword pile or a plea for likes.
    expect(r.all.map((n) => n.id)).not.toEqual(expect.arrayContaining(['pure-promotion']));
    expect(r.all.map((n) => n.id)).not.toEqual(expect.arrayContaining(['corporate-voice']));
    expect(r.all.map((n) => n.id)).not.toEqual(expect.arrayContaining(['vanity-metrics']));
  });

  it('emoji-only and bare-link drafts are "nothing to say", not an error', () => {
    expect(fired(defaultPack(), '🎉🎉🎉')).toContain('nothing-to-say');
    expect(fired(defaultPack(), 'https://example.com/blog/post-7')).toContain('nothing-to-say');
  });

  it('counts X length for CJK at double width', () => {
    const text = `${'日本語のテキストです。'.repeat(14)}`;
    expect(text.length).toBeLessThan(280);
    expect(fired(defaultPack(), text, { platform: 'x' })).toContain('platform-fit');
    expect(fired(defaultPack(), text, { platform: 'threads' })).not.toContain('platform-fit');
  });
});

describe('check: the result', () => {
  it('shows at most three nudges but keeps all of them in `all`', () => {
    const r = run(defaultPack(), MESSY);
    expect(r.all.length).toBeGreaterThan(MAX_SHOWN);
    expect(r.nudges).toHaveLength(3);
    expect(r.nudges).toEqual(r.all.slice(0, MAX_SHOWN));
  });

  it('sorts warnings before info, keeping pack order within a severity', () => {
    const p = pack([
      { id: 'first-info', type: 'lexicon', severity: 'info', params: { terms: ['alpha'] } },
      { id: 'then-warn', type: 'lexicon', severity: 'warn', params: { terms: ['beta'] } },
      { id: 'second-info', type: 'lexicon', severity: 'info', params: { terms: ['gamma'] } },
      { id: 'last-warn', type: 'lexicon', severity: 'warn', params: { terms: ['delta'] } },
    ]);
    const r = run(p, 'alpha beta gamma delta');
    expect(r.all.map((n) => n.id)).toEqual(['then-warn', 'last-warn', 'first-info', 'second-info']);
    expect(r.nudges.map((n) => n.id)).toEqual(['then-warn', 'last-warn', 'first-info']);
  });

  it('scores 100 minus the penalties, clamped to 0–100, with the band', () => {
    const p = pack([
      { id: 'w1', type: 'lexicon', severity: 'warn', params: { terms: ['alpha'] } },
      { id: 'w2', type: 'lexicon', severity: 'warn', params: { terms: ['beta'] } },
      { id: 'i1', type: 'lexicon', severity: 'info', params: { terms: ['gamma'] } },
    ]);
    expect(run(p, 'nothing').score).toBe(100);
    expect(run(p, 'nothing').band).toBe('strong');
    expect(run(p, 'gamma').score).toBe(90);
    expect(run(p, 'alpha').score).toBe(75);
    expect(run(p, 'alpha').band).toBe('good');
    expect(run(p, 'alpha beta gamma').score).toBe(40);
    expect(run(p, 'alpha beta gamma').band).toBe('fair');
    const many = run(defaultPack(), MESSY);
    expect(many.score).toBe(0);
    expect(many.band).toBe('weak');
  });

  it('uses the pack’s penalties and bands', () => {
    const p = pack([{ id: 'w', type: 'lexicon', severity: 'warn', params: { terms: ['alpha'] } }], {
      thresholds: { 'pen.warn': 60 },
      score: {
        penalty: { warn: 'pen.warn' },
        bands: [
          { min: 50, label: 'ok' },
          { min: 0, label: 'nope' },
        ],
      },
    });
    expect(run(p, 'alpha')).toMatchObject({ score: 40, band: 'nope' });
    expect(run(p, 'beta')).toMatchObject({ score: 100, band: 'ok' });
  });

  it('merges several rules of one nudge into one nudge with all the evidence', () => {
    const r = run(defaultPack(), `${'a '.repeat(150)}#a #b #c #d`, { platform: 'x' });
    const fit = r.all.filter((n) => n.id === 'platform-fit');
    expect(fit).toHaveLength(1);
    expect(fit[0]!.evidence.length).toBeGreaterThanOrEqual(2);
    expect(r.score).toBeLessThan(100);
  });

  it('skips a verdict rule of a nudge an earlier one already found, unless it could stand alone', () => {
    const sig = (term: string) => ({ signals: [{ terms: [term], weight: 1 }], threshold: 1 });
    const twoWays = (firstUnless: string[]) =>
      pack([
        { id: 'loud', type: 'signals', unless: firstUnless, params: sig('alpha') },
        { id: 'loud/quiet', nudge: 'loud', type: 'signals', params: sig('beta') },
        { id: 'other', type: 'lexicon', params: { terms: ['gamma'] } },
      ]);
    const quotes = (p: ReturnType<typeof pack>, text: string) =>
      run(p, text)
        .all.find((n) => n.id === 'loud')
        ?.evidence.map((e) => e.text);
    // The second way to the same verdict is not weighed: the nudge quotes the first one's words.
    expect(quotes(twoWays([]), 'alpha beta')).toEqual(['alpha']);
    // The first may be silenced where the second may not ("unless" other): the second is weighed.
    expect(quotes(twoWays(['other']), 'alpha beta')).toEqual(['alpha', 'beta']);
    expect(quotes(twoWays(['other']), 'alpha beta gamma')).toEqual(['beta']);
    // When the first does not fire, the second is weighed as ever.
    expect(quotes(twoWays([]), 'beta only')).toEqual(['beta']);
  });

  it('fills message placeholders', () => {
    const r = run(defaultPack(), 'x'.repeat(300), { platform: 'x' });
    const fit = r.all.find((n) => n.id === 'platform-fit');
    expect(fit?.title).toBe('Too long for X');
    expect(fit?.reason).toContain('300');
    expect(fit?.reason).not.toMatch(/\{\w+\}/);
  });

  it('leaves unknown placeholders as written', () => {
    const p = pack([
      {
        id: 'w',
        type: 'lexicon',
        message: { title: '{count} and {nope}', reason: 'r', suggestion: 's' },
        params: { terms: ['alpha'] },
      },
    ]);
    expect(run(p, 'alpha').all[0]?.title).toBe('1 and {nope}');
  });

  it('applies rules only to their platforms and kinds', () => {
    const p = pack([
      { id: 'li', type: 'lexicon', platforms: ['linkedin'], params: { terms: ['alpha'] } },
      { id: 'rep', type: 'lexicon', kinds: ['reply'], params: { terms: ['alpha'] } },
    ]);
    expect(fired(p, 'alpha', { platform: 'x', kind: 'post' })).toEqual([]);
    expect(fired(p, 'alpha', { platform: 'linkedin', kind: 'post' })).toEqual(['li']);
    expect(fired(p, 'alpha', { platform: 'x', kind: 'reply' })).toEqual(['rep']);
  });

  it('gives evidence without duplicate ranges', () => {
    // The last one fires two pure-promotion rules that quote the same words.
    const texts = [
      'Happy Friday everyone! Shop now, 50% off everything, today only!',
      MESSY,
      "Two tickets left for Saturday's sourdough workshop, $45 including lunch. Message us to book.",
    ];
    for (const text of texts)
      for (const n of run(defaultPack(), text).all) {
        const ranges = n.evidence.filter((e) => e.start !== undefined).map((e) => `${e.start}-${e.end}`);
        expect(new Set(ranges).size, `${n.id}: ${ranges.join(' ')}`).toBe(ranges.length);
      }
  });
});

describe('check: "unless"', () => {
  it('a more specific nudge silences a generic one', () => {
    const p = pack([
      {
        id: 'generic',
        type: 'lexicon',
        severity: 'warn',
        unless: ['specific'],
        params: { terms: ['alpha'] },
      },
      { id: 'specific', type: 'lexicon', severity: 'warn', params: { terms: ['beta'] } },
    ]);
    expect(fired(p, 'alpha')).toEqual(['generic']);
    expect(fired(p, 'alpha beta')).toEqual(['specific']);
    expect(run(p, 'alpha beta').score).toBe(75);
  });

  it('nothing-to-say stays quiet when pure-promotion fires', () => {
    expect(fired(defaultPack(), 'Happy Friday everyone!')).toContain('nothing-to-say');
    const both = 'Happy Friday everyone! Shop now, 50% off everything, today only!';
    const ids = fired(defaultPack(), both);
    expect(ids).toContain('pure-promotion');
    expect(ids).not.toContain('nothing-to-say');
  });

  it('no-invitation stays quiet when a stronger diagnosis fires', () => {
    const text = 'Please like and share this post, we are almost at ten thousand followers on this page now';
    const ids = fired(defaultPack(), text);
    expect(ids).toContain('vanity-metrics');
    expect(ids).not.toContain('no-invitation');
  });
});

describe('check: history', () => {
  const history = [
    post(30 * 24, 'Old news'),
    { at: ago(5), type: 'comment-received' as const, platform: 'linkedin' as const, id: 'c1', from: '@dana' },
  ];

  it('gives history nudges only when history is given', () => {
    const text = 'We moved support to a four-day week and response times held. Has anyone else tried it?';
    expect(fired(defaultPack(), text, { now: NOW })).toEqual([]);
    const ids = fired(defaultPack(), text, { history, now: NOW });
    expect(ids).toEqual(expect.arrayContaining(['unanswered-comments', 'silence']));
    for (const id of ids) expect(HISTORY_NUDGES as readonly string[]).toContain(id);
  });

  it('names the count and where in the unanswered-comments nudge', () => {
    const n = run(defaultPack(), '', { history, now: NOW }).all.find((x) => x.id === 'unanswered-comments');
    expect(n?.title).toBe("You haven't replied to 1 comment — 1 on LinkedIn");
    expect(n?.reason).toContain('the oldest has waited 5 hours');
  });

  it("says how many and where, most first: the issue's own example", () => {
    const comment = (hoursAgo: number, id: string, platform: 'x' | 'linkedin') =>
      ({ at: ago(hoursAgo), type: 'comment-received', platform, id }) as const;
    const four = [
      comment(50, 'x1', 'x'),
      comment(40, 'l1', 'linkedin'),
      comment(30, 'l2', 'linkedin'),
      comment(3, 'l3', 'linkedin'),
    ];
    const n = run(defaultPack(), '', { history: four, now: NOW }).all.find(
      (x) => x.id === 'unanswered-comments',
    );
    expect(n?.title).toBe("You haven't replied to 4 comments — 3 on LinkedIn, 1 on X");
    expect(n?.reason).toContain('the oldest has waited 2 days');
  });

  it('uses the current time when no clock is given', () => {
    const recent = [
      {
        at: new Date(Date.now() - 3_600_000).toISOString(),
        type: 'comment-received' as const,
        platform: 'x' as const,
        id: 'c',
      },
    ];
    const ids = check({ text: '', platform: 'x', kind: 'post' }, defaultPack(), { history: recent }).all.map(
      (n) => n.id,
    );
    expect(ids).toContain('unanswered-comments');
    const old = [{ ...recent[0]!, at: new Date(Date.now() - 30 * 86_400_000).toISOString() }];
    expect(
      check({ text: '', platform: 'x', kind: 'post' }, defaultPack(), { history: old }).all.map((n) => n.id),
    ).not.toContain('unanswered-comments');
  });

  it('does not crash on history events with unparseable times', () => {
    const bad = [
      {
        at: 'yesterday',
        type: 'published' as const,
        platform: 'x' as const,
        kind: 'post' as const,
        text: 'hi',
      },
    ];
    expect(() => run(defaultPack(), 'hello', { history: bad, now: NOW })).not.toThrow();
  });
});

describe('check: evidence ranges point at the words', () => {
  const drafts: [string, string, 'x' | 'linkedin', 'post' | 'reply' | 'comment'][] = [
    ['promotion', 'FLASH SALE! 40% off, buy now at https://shop.example.com', 'x', 'post'],
    [
      'promotion after emoji',
      '🔥🔥 Huge savings this weekend only: every plan 30% off. Shop now!',
      'x',
      'post',
    ],
    ['vanity', 'Please like and share this post! We are 50 subscribers away from 1,000', 'x', 'post'],
    [
      'corporate',
      'We are thrilled to announce a strategic partnership that will leverage best-in-class synergies.',
      'x',
      'post',
    ],
    ['canned', 'We apologize for the inconvenience. Please contact customer support.', 'x', 'reply'],
    ['filler reply', 'Great post!', 'linkedin', 'comment'],
    ['too long', `${'word '.repeat(70)}🎉 end`, 'x', 'post'],
    [
      'fold',
      'When we started looking at how our customers in small accounting firms decide which tools to adopt across their practice and how long it takes them to roll anything out to the whole team we found something odd and then the real story began with one client in Leeds. More below.',
      'linkedin',
      'post',
    ],
  ];

  it.each(drafts)('%s: text.slice(start, end) === evidence.text', (_name, text, platform, kind) => {
    const r = run(defaultPack(), text, { platform, kind });
    expect(r.all.length).toBeGreaterThan(0);
    for (const n of r.all)
      for (const e of n.evidence)
        if (e.start !== undefined) expect(text.slice(e.start, e.end), `${n.id} evidence`).toBe(e.text);
  });

  it('pattern and disclosure evidence point at the words too', () => {
    const p = pack(
      [
        { id: 'ticket', type: 'pattern', params: { patterns: ['ACME-\\d+'] } },
        {
          id: 'disc',
          type: 'disclosure',
          params: { subjects: 'org.products', disclosures: ['org.disclosures'] },
        },
      ],
      { organisation: { products: ['Acme Cloud'] } },
    );
    const text = '🇯🇵 Fixed ACME-42 in Acme Cloud, ACME-43 next';
    for (const n of run(p, text).all)
      for (const e of n.evidence) expect(text.slice(e.start, e.end), n.id).toBe(e.text);
    // A missing disclosure is specific to the organisation: it ranks before a generic pattern.
    expect(run(p, text).all.map((n) => n.id)).toEqual(['disc', 'ticket']);
  });

  it('every nudge has a title, reason and suggestion', () => {
    for (const n of run(defaultPack(), MESSY).all) {
      expect(n.title.length).toBeGreaterThan(0);
      expect(n.reason.length).toBeGreaterThan(0);
      expect(n.suggestion.length).toBeGreaterThan(0);
      expect(n.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('check: random drafts', () => {
  // Pieces that stress the tokenizer: lone surrogates, joiners, keycaps, full-width marks, links.
  const PIECES = [
    ..."aBz \n.!?:,;@#$€£%10k-'’/日本اש＃？！。…",
    'http://',
    'https://',
    'www.',
    '.com',
    '😀',
    '👍🏽',
    '\u200d',
    '👨',
    '🇯',
    '🇵',
    '\ufe0f',
    '\u20e3',
    '\u0000',
    '\u2028',
    '\ud83d',
    '\ude00',
    'sale',
    'buy now',
    ' off',
    'follow us',
    'leverage',
    'dm us',
    'great post',
    'example.com/',
  ];

  it('never throw and keep score, band and evidence ranges sane', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 1500; k++) {
      let text = '';
      for (let i = rnd(40); i > 0; i--) text += PIECES[rnd(PIECES.length)];
      const r = check(
        { text, platform: PLATFORMS[k % PLATFORMS.length]!, kind: KINDS[k % KINDS.length]! },
        defaultPack(),
      );
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.nudges.length).toBeLessThanOrEqual(MAX_SHOWN);
      for (const n of r.all)
        for (const e of n.evidence)
          if (e.start !== undefined) {
            expect(e.start, JSON.stringify(text)).toBeGreaterThanOrEqual(0);
            expect(e.end, JSON.stringify(text)).toBeLessThanOrEqual(text.length);
            expect(e.start, JSON.stringify(text)).toBeLessThanOrEqual(e.end!);
          }
    }
  });
});
