import { describe, expect, it } from 'vitest';
import { tokenize, type TokenKind, type TokenizeReport } from '../../../src/engine/text/tokenize.ts';
import { VOCABULARY } from '../../../src/engine/text/vocabulary.ts';

/** [kind, the text the token covers] for every token. */
function toks(text: string): [TokenKind, string][] {
  return tokenize(text).map((t) => [t.kind, text.slice(t.start, t.end)]);
}

function ofKind(text: string, kind: TokenKind): string[] {
  return toks(text)
    .filter(([k]) => k === kind)
    .map(([, s]) => s);
}

describe('tokenize: links', () => {
  it.each([
    ['See https://example.com/a?b=1 now', 'https://example.com/a?b=1'],
    ['old http://x.io/y link', 'http://x.io/y'],
    ['HTTPS://EXAMPLE.COM/Path here', 'HTTPS://EXAMPLE.COM/Path'],
    ['go to www.foo.com/bar today', 'www.foo.com/bar'],
    ['bare shop.example.com/x link', 'shop.example.com/x'],
    ['bare example.com/buy-now link', 'example.com/buy-now'],
    ['plain example.org here', 'example.org'],
  ])('%j has the link %j', (text, url) => {
    expect(ofKind(text, 'url')).toEqual([url]);
  });

  it.each([
    ['Read https://example.com/post.', 'https://example.com/post'],
    ['Read https://example.com/post!', 'https://example.com/post'],
    ['(see http://x.io/y), then', 'http://x.io/y'],
    ['is it www.foo.com/bar?', 'www.foo.com/bar'],
    ['"https://example.com/q"', 'https://example.com/q'],
    ['at shop.example.com/x.', 'shop.example.com/x'],
    ['links: https://a.example.com/1, https://b.example.com/2;', 'https://a.example.com/1'],
  ])('strips trailing punctuation from %j', (text, url) => {
    expect(ofKind(text, 'url')[0]).toBe(url);
  });

  it('keeps the sentence end after a link as punctuation', () => {
    const t = toks('Read https://example.com/post. Then reply');
    expect(t.map(([k]) => k)).toEqual(['word', 'url', 'punct', 'word', 'word']);
    const then = tokenize('Read https://example.com/post. Then reply')[3]!;
    expect(then.sentenceStart).toBe(true);
  });

  it('ends a link where CJK text follows it with no space, so the sentences after it stay words', () => {
    const text = 'ウェブ（https://example.com/sodai）で受付。地図はcity.example.jp/hazardで、確認を';
    expect(ofKind(text, 'url')).toEqual(['https://example.com/sodai', 'city.example.jp/hazard']);
    expect(ofKind(text, 'word').join('')).toContain('確認を');
  });

  it('takes any word.suffix/path for an address, and a known suffix without a path', () => {
    expect(ofKind('Sign up at library.example/summer today', 'url')).toEqual(['library.example/summer']);
    expect(ofKind('See shop.example.com for more', 'url')).toEqual(['shop.example.com']);
    expect(ofKind('Open notes.txt and more', 'url')).toEqual([]);
    // Country codes and "example" (the suffix sample addresses use) are known suffixes.
    expect(ofKind('The full range is at pawsome-pets.in today', 'url')).toEqual(['pawsome-pets.in']);
    expect(ofKind('Todo en tiendaolivar.example y más', 'url')).toEqual(['tiendaolivar.example']);
    expect(ofKind('Tack, vi ses.no problem', 'url')).toEqual([]);
    expect(ofKind('The and/or question', 'url')).toEqual([]);
  });

  it('does not take an ordinary sentence end for a domain', () => {
    expect(ofKind('We shipped.Then we rested.', 'url')).toEqual([]);
    expect(ofKind('I like e.g. apples', 'url')).toEqual([]);
  });

  it('reads a version after a word ("v3.1") as no sentence end', () => {
    expect(ofKind('Budgeting app v3.1 is out.', 'punct')).toEqual(['.']);
    expect(ofKind('Update to iOS17.2 first.', 'punct')).toEqual(['.']);
    // A full stop after a figure with a space, or before a word, still ends the sentence.
    expect(ofKind('We grew 3. 4 people joined.', 'punct')).toEqual(['.', '.']);
    expect(ofKind('Version 3.1 is out.', 'number')).toEqual(['3.1']);
  });

  it('joins a name with a full stop inside ("Node.text") instead of ending a sentence there', () => {
    expect(ofKind('Node.text is now a property.', 'punct')).toEqual(['.']);
    expect(ofKind('We shipped.Then we rested.', 'punct')).toEqual(['.', '.']);
    // A degree or an initialism: one or two letters before the stop, a capital after it.
    expect(ofKind('After my B.Tech and an M.Sc in the U.K I joined.', 'punct')).toEqual(['.']);
    expect(ofKind('Plan B. Then we rested.', 'punct')).toEqual(['.', '.']);
  });

  it.each([
    ['Unsere Praxis ist vom 24.12. bis 1.1. geschlossen.', 1],
    ['Vertretung Dr. Yilmaz, Hauptstr. 12, Tel. 0301 555 4567.', 1],
    ['Ask Mrs. Okafor at the desk.', 1],
    ['We grew 20%. Then we stopped.', 2],
    ['Founded in 2019. We now ship to 30 countries.', 2],
    ['Dr. Who is back. Watch it.', 2],
    ['The query took 40 ms. Then we added an index.', 2],
  ])('ends %j in %i sentence(s): no full stop ends one after a title or a date', (text, ends) => {
    expect(ofKind(text, 'punct').filter((p) => p === '.')).toHaveLength(ends);
    expect(tokenize(text).filter((t) => t.sentenceStart)).toHaveLength(ends);
  });

  it('joins a German two-gender noun ("Kund:innen") instead of ending a clause at its colon', () => {
    expect(ofKind('Wir haben mit Kund:innen und einer Lehrer:in gesprochen.', 'punct')).toEqual(['.']);
    expect(ofKind('Hinweis: innen ist es warm. Frist:innerhalb', 'punct')).toEqual([':', '.', ':']);
  });

  it('starts a reply’s sentence at the word after the handles it opens with', () => {
    const starts = (text: string) =>
      tokenize(text)
        .filter((t) => t.sentenceStart)
        .map((t) => t.norm);
    expect(starts('@mariko_travels @kansai Yes, you can. Ask @desk too.')).toEqual(['yes', 'ask']);
    expect(starts('Thanks! @mariko_travels is right.')).toEqual(['thanks', 'is']);
  });

  it('reads a possessive as its noun when the lists know the noun, not the whole word', () => {
    for (const word of ['library', 'council', "it's", 'it']) VOCABULARY.intern(word);
    const text = "The library's printer, the council’s plan, and it's here.";
    const words = tokenize(text).filter((t) => t.kind === 'word');
    expect(words.map((t) => t.norm)).toEqual([
      'the',
      'library',
      'printer',
      'the',
      'council',
      'plan',
      'and',
      "it's",
      'here',
    ]);
    // The token still covers the whole word, so evidence quotes what was written.
    const library = words[1]!;
    expect(text.slice(library.start, library.end)).toBe("library's");
    expect(library.id).toBe(VOCABULARY.idOf('library'));
    // An unknown noun keeps its possessive as written.
    expect(tokenize("the bakery's oven")[1]!.norm).toBe("bakery's");
  });

  it('keeps #fragments and @paths inside the link', () => {
    const text = 'Visit https://shop.example.com/#sale or http://example.com/@shopnow';
    expect(ofKind(text, 'url')).toEqual(['https://shop.example.com/#sale', 'http://example.com/@shopnow']);
    expect(ofKind(text, 'hashtag')).toEqual([]);
    expect(ofKind(text, 'mention')).toEqual([]);
  });

  it('keeps a plain arrow that points at a link as a token, and drops other arrows as before', () => {
    expect(toks('€29 → shop.example/vitc')).toEqual([
      ['price', '€29'],
      ['emoji', '→'],
      ['url', 'shop.example/vitc'],
    ]);
    expect(toks('Sign up ⇒https://example.com/a')).toContainEqual(['emoji', '⇒']);
    expect(toks('→ check the brakes')).toEqual([
      ['word', 'check'],
      ['word', 'the'],
      ['word', 'brakes'],
    ]);
    expect(ofKind('Lisbon → Porto, 2,980円→1,490円', 'emoji')).toEqual([]);
  });

  it('lower-cases the link for matching', () => {
    expect(tokenize('https://Example.COM/A')[0]!.norm).toBe('https://example.com/a');
  });
});

describe('tokenize: mentions, hashtags, cashtags', () => {
  it('reads @mentions, including Mastodon @user@host, without the trailing period', () => {
    expect(ofKind('hi @shopnow and @user@mastodon.social. bye', 'mention')).toEqual([
      '@shopnow',
      '@user@mastodon.social',
    ]);
    expect(ofKind('thanks @dana_k!', 'mention')).toEqual(['@dana_k']);
  });

  it('does not make a mention of a lone @', () => {
    expect(ofKind('meet @ 5', 'mention')).toEqual([]);
  });

  it('reads #hashtags in any script, with digits and underscores', () => {
    expect(ofKind('#sale #café #日本語 #1day #dev_ops #السعودية', 'hashtag')).toEqual([
      '#sale',
      '#café',
      '#日本語',
      '#1day',
      '#dev_ops',
      '#السعودية',
    ]);
  });

  it('reads a full-width ＃ as a hashtag', () => {
    expect(ofKind('＃東京 です', 'hashtag')).toEqual(['＃東京']);
    expect(tokenize('＃東京')[0]!.norm).toBe('#東京');
  });

  it('tells $cashtags from $ prices', () => {
    const text = '$AAPL is up, $50 off';
    expect(ofKind(text, 'cashtag')).toEqual(['$AAPL']);
    expect(ofKind(text, 'price')).toEqual(['$50']);
  });
});

describe('tokenize: numbers, prices, percentages', () => {
  /** `text` between two words is one token of `kind`. */
  const oneToken = (kind: string) => (text: string) => {
    expect(toks(`only ${text} today`)).toEqual([
      ['word', 'only'],
      [kind, text],
      ['word', 'today'],
    ]);
  };

  it.each(['$50', '$1,299.99', '€20', '20€', '£5', '5£', '¥300', '₹999', '$1.5M', '$10k'])(
    '%j is one price',
    oneToken('price'),
  );

  it.each([
    'R1,200',
    'R350',
    'RM 45',
    'S/ 89',
    'Rs 1,499',
    'Rs. 500',
    'Rp 25.000',
    'CHF 45',
    'USD 1,200',
    'UGX 5,000',
    '350 THB',
    '45 CHF',
    '200 kr',
    '30 zł',
    '₱499',
    '₦5,000',
    '₩9,900',
    '฿120',
    'R$ 390',
    'R$1.250',
    'US$ 1,200',
    'A$45',
    'NZ$ 80',
  ])('%j, a currency in letters or another sign, is one price', oneToken('price'));

  it('reads "custa R$ 390" as a verb before a price, not before a word "R"', () => {
    expect(toks('custa R$ 390 por mês').map(([kind]) => kind)).toEqual(['word', 'price', 'word', 'word']);
  });

  it.each(['R35', 'R2', 'CHFX'])('%j (a road, a name) stays a word', (word) => {
    expect(toks(`the ${word} today`).map(([kind]) => kind)).toEqual(['word', 'word', 'word']);
  });

  it.each([
    '(312) 555-0148',
    '083 555 0177',
    '07700 900 123',
    '+44 20 7946 0958',
    '+91 98200 00010',
    '05 61 00 00 00',
    '555-0142',
    '555.0188',
  ])('%j is one telephone number, not figures that inform', oneToken('phone'));

  it.each(['2014-2018', '10 12 14 16 18', '2024-03-18', '1,000 000', '500-1000', '100-2500', '555 0142'])(
    '%j stays numbers',
    (text) => {
      expect(toks(`in ${text} now`).every(([kind]) => kind !== 'phone')).toBe(true);
    },
  );

  it('reads an e-mail address as one token, not a word and a mention', () => {
    expect(toks('write to hello@example-print.co.uk today')).toEqual([
      ['word', 'write'],
      ['word', 'to'],
      ['email', 'hello@example-print.co.uk'],
      ['word', 'today'],
    ]);
    expect(toks('thanks @maria_b')).toEqual([
      ['word', 'thanks'],
      ['mention', '@maria_b'],
    ]);
  });

  it.each(['40%', '12.5%', '100%'])('%j is one percentage', (pct) => {
    expect(toks(`${pct} off`)).toEqual([
      ['percent', pct],
      ['word', 'off'],
    ]);
  });

  it.each(['-30 %', '-20%', '−15 %'])('%j, a percentage behind a minus sign, is one discount', (pct) => {
    expect(toks(`${pct} sur tout`)).toEqual([
      ['discount', pct],
      ['word', 'sur'],
      ['word', 'tout'],
    ]);
  });

  it('a dash after a word or number is a range or a hyphen, not a discount', () => {
    expect(ofKind('Growth 10-20% a year', 'discount')).toEqual([]);
    expect(ofKind('Growth 10-20% a year', 'percent')).toEqual(['20%']);
    expect(ofKind('Temperatures -5 tonight', 'discount')).toEqual([]);
  });

  it.each(['10K', '9am', '1,000', '3.5', '3x', '2026'])('%j is one number', (num) => {
    expect(toks(`about ${num} people`)).toEqual([
      ['word', 'about'],
      ['number', num],
      ['word', 'people'],
    ]);
  });

  it('gives prices, percentages and numbers placeholder norms', () => {
    expect(tokenize('$5 5% 5').map((t) => t.norm)).toEqual(['<price>', '<percent>', '<number>']);
  });

  it('reads a list number opening a line as a bullet: no number, no sentence end', () => {
    const text = 'To enter:\n1. Follow us\n 2) Like this post\n12. Done';
    expect(ofKind(text, 'number')).toEqual([]);
    expect(
      toks(text)
        .filter(([k]) => k === 'punct')
        .map(([, s]) => s),
    ).toEqual([':', '\n', '\n', '\n']);
    // The item's first word opens its sentence, as after a bullet.
    expect(tokenize(text).find((t) => t.norm === 'follow')?.sentenceStart).toBe(true);
    // Mid-line, or without a space after the mark, it is a number as before.
    expect(ofKind('We ranked 1. Then 2.5 and\n3.5 kg', 'number')).toEqual(['1', '2.5', '3.5']);
  });

  it('does not run a number into the comma after it', () => {
    expect(ofKind('1, 2 and 3.', 'number')).toEqual(['1', '2', '3']);
    expect(ofKind('1,000, 2.5.', 'number')).toEqual(['1,000', '2.5']);
  });
});

describe('tokenize: emoji', () => {
  it.each([
    ['ZWJ family', '👨‍👩‍👧‍👦'],
    ['ZWJ profession with skin tone', '👩🏽‍💻'],
    ['skin tone', '👍🏽'],
    ['flag', '🇯🇵'],
    ['variation selector', '❤️'],
    ['rainbow flag', '🏳️‍🌈'],
    ['plain', '🎉'],
  ])('a %s is one emoji token', (_name, emoji) => {
    expect(toks(`a ${emoji} b`)).toEqual([
      ['word', 'a'],
      ['emoji', emoji],
      ['word', 'b'],
    ]);
  });

  it('splits two flags in a row into two emoji', () => {
    expect(ofKind('🇯🇵🇫🇷', 'emoji')).toEqual(['🇯🇵', '🇫🇷']);
  });

  it('splits adjacent different emoji', () => {
    expect(ofKind('🎉🚀👍🏽', 'emoji')).toEqual(['🎉', '🚀', '👍🏽']);
  });

  it('treats a keycap as a single token, not a digit plus junk', () => {
    expect(tokenize('1️⃣ first')).toHaveLength(2);
  });
});

describe('tokenize: scripts', () => {
  it('splits CJK text into one word per character, with full-width punctuation', () => {
    const text = '日本語です。ありがとう！';
    const t = tokenize(text);
    expect(t.filter((x) => x.kind === 'word').map((x) => x.norm)).toEqual([...'日本語です', ...'ありがとう']);
    expect(t.filter((x) => x.kind === 'punct').map((x) => x.norm)).toEqual(['.', '!']);
    expect(t.filter((x) => x.sentenceStart).map((x) => x.norm)).toEqual(['日', 'あ']);
  });

  it('ends a number where CJK text begins: the counter and what follows stay words', () => {
    // "1000人まで" once read as one number token, hiding every word after the digits.
    const t = tokenize('フォロワー1000人まであと少し、3日で');
    expect(t.filter((x) => x.kind === 'number').map((x) => x.end - x.start)).toEqual([4, 1]);
    expect(t.filter((x) => x.kind === 'word').map((x) => x.norm)).toEqual([
      ...'フォロワー人まであと少し',
      ...'日で',
    ]);
  });

  it('keeps Korean Hangul as words', () => {
    expect(tokenize('할인 세일').every((t) => t.kind === 'word')).toBe(true);
  });

  it('keeps Arabic and Hebrew words whole', () => {
    expect(ofKind('مرحبا بالعالم. שלום עולם!', 'word')).toEqual(['مرحبا', 'بالعالم', 'שלום', 'עולם']);
  });

  it('keeps accented Latin words whole', () => {
    expect(ofKind('envío gratis, réduction', 'word')).toEqual(['envío', 'gratis', 'réduction']);
  });

  it('keeps apostrophes and hyphens inside words, normalising curly apostrophes', () => {
    const t = tokenize("don't you’re best-in-class");
    expect(t.map((x) => x.norm)).toEqual(["don't", "you're", 'best-in-class']);
  });
});

describe('tokenize: sentences and offsets', () => {
  it('starts a sentence after . ! ? newline and colon', () => {
    const text = 'First. second! third? fourth\nfifth: sixth';
    const starts = tokenize(text)
      .filter((t) => t.sentenceStart)
      .map((t) => t.norm);
    expect(starts).toEqual(['first', 'second', 'third', 'fourth', 'fifth', 'sixth']);
  });

  it('does not start a sentence after a comma or semicolon', () => {
    const starts = tokenize('one, two; three')
      .filter((t) => t.sentenceStart)
      .map((t) => t.norm);
    expect(starts).toEqual(['one']);
  });

  it('marks capitals', () => {
    const t = tokenize('Dana met bob');
    expect(t.map((x) => x.capital)).toEqual([true, false, false]);
  });

  it('marks capitals past ASCII and on words the vocabulary knows', () => {
    const t = tokenize('Élan élan Ärger the The ÆON');
    expect(t.map((x) => x.capital)).toEqual([true, false, true, false, true, true]);
  });

  it('gives offsets that slice back to each token, across surrogate pairs', () => {
    const text = '👨‍👩‍👧 Hi @dana, 40% off $5 at https://x.io/a. #tag 日本 🇯🇵!';
    for (const t of tokenize(text)) {
      expect(t.start).toBeLessThan(t.end);
      const raw = text.slice(t.start, t.end);
      expect(raw.trim()).toBe(raw);
    }
    const spans = tokenize(text).map((t) => [t.start, t.end] as const);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   \t ')).toEqual([]);
  });
});

describe('tokenize: the controls it reports', () => {
  const seen = (text: string): boolean => {
    const report: TokenizeReport = { controls: false };
    tokenize(text, report);
    return report.controls;
  };

  it.each([
    ['a NUL between words', 'one\u0000two'],
    ['a carriage return', 'line one\r\nline two'],
    ['a C1 control after a word', 'caf\u0085 open'],
    ['a line separator', 'one\u2028two'],
    ['a control inside a link', 'see https://example.com/a\u0090b now'],
    ['a control inside a bare domain path', 'see shop.example/a\u0002b now'],
    ['a lone control', '\u0007'],
  ])('reports %s', (_label, text) => {
    expect(seen(text)).toBe(true);
  });

  it.each([
    ['plain text', 'Plain words, a link https://example.com/a?b=1 and 40% off.'],
    ['tabs and newlines', 'col one\tcol two\nnext line'],
    ['no-break spaces and emoji', '15\u00a0% off 🎉 café'],
  ])('reports none in %s', (_label, text) => {
    expect(seen(text)).toBe(false);
  });
});

describe('tokenize: units written against their figure', () => {
  it('parts a unit of measure from its figure, as a space would', () => {
    expect(toks('1.4kg packed, 5000mAh, 128GB')).toEqual([
      ['number', '1.4'],
      ['word', 'kg'],
      ['word', 'packed'],
      ['number', '5000'],
      ['word', 'mAh'],
      ['number', '128'],
      ['word', 'GB'],
    ]);
  });

  it('keeps a network, a screen, thousands, ordinals and times one number token', () => {
    expect(ofKind('5G in town, a 4K screen, 10k followers, the 2nd floor at 9am', 'number')).toEqual([
      '5G',
      '4K',
      '10k',
      '2nd',
      '9am',
    ]);
  });
});
