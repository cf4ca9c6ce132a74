import { describe, expect, it } from 'vitest';
import { phoneSpelling, Lexicon, splitLanguage, unaccented } from '../../../src/engine/text/lexicon.ts';
import { tokenize } from '../../../src/engine/text/tokenize.ts';
import { defaultPack, fired, run } from './helpers.ts';

/** The matched substrings per list for `text` against inline lists. */
function matches(lists: Record<string, string[]>, text: string, language?: string): Record<string, string[]> {
  const lex = new Lexicon(new Map(Object.entries(lists)));
  const out: Record<string, string[]> = {};
  for (const [name, found] of lex.matchByName(tokenize(text), language))
    out[name] = found.map((m) => text.slice(m.start, m.end));
  return out;
}

describe('Lexicon', () => {
  it('matches words and phrases case-insensitively', () => {
    expect(matches({ l: ['offer', 'shop now'] }, 'Special OFFER: Shop Now!')).toEqual({
      l: ['OFFER', 'Shop Now'],
    });
  });

  it('reads only "<…>" pieces as placeholders, so a word named like an object key is a word', () => {
    expect(
      matches({ l: ['constructor', 'the constructor', '<percent> off'] }, 'The constructor: 20% off'),
    ).toEqual({
      l: ['The constructor', '20% off'],
    });
  });

  it('names a count in thousands as "<number>k", apart from other figures', () => {
    expect(
      matches(
        { milestone: ['<number>k followers', 'the next <number>k'], any: ['<number> views'] },
        'Crossed 10K followers, on to the next 20k! 1200 views, 3k views, and a 5 km run.',
      ),
    ).toEqual({ milestone: ['10K followers', 'the next 20k'], any: ['1200 views', '3k views'] });
  });

  it('names a multi-buy deal as "<number>x<number>", never a vehicle, timber or a screen size', () => {
    expect(
      matches(
        { deal: ['<number>x<number>'], any: ['<number> en'] },
        'Vuelve el 2x1 en helados, y el 3X2 en cafés. No el 4x4 en venta, ni 2x4 en madera, ni 1920x1080 en pantallas.',
      ),
    ).toEqual({ deal: ['2x1', '3X2'], any: ['2x1 en', '3X2 en', '4x4 en', '2x4 en', '1920x1080 en'] });
  });

  it('files a phrase whose second part is a kind under its head and that kind, beside its other phrases', () => {
    const lists = {
      deal: ['first <number> customers', 'first <price>'],
      time: ['first time'],
      rank: ['first'],
    };
    expect(matches(lists, 'The first 50 customers get one, first $5 off, my first time here.')).toEqual({
      deal: ['first 50 customers', 'first $5'],
      time: ['first time'],
      rank: ['first', 'first', 'first'],
    });
    // The kind must be the very next token, in the same sentence.
    expect(matches(lists, 'First. 50 customers came. The first 20 people too.')).toEqual({
      rank: ['First', 'first'],
    });
  });

  it('counts a phrase tied to a language ("car@fr") only in a draft of that language', () => {
    const lists = { because: ['car@fr', 'because'] };
    expect(matches(lists, 'Je reste, car il pleut', 'fr')).toEqual({ because: ['car'] });
    expect(matches(lists, 'The car is ready because we fixed it', 'en')).toEqual({ because: ['because'] });
    // Too short to tell: only the untied phrase counts.
    expect(matches(lists, 'car wash', 'und')).toEqual({});
    expect(matches(lists, 'car wash')).toEqual({});
  });

  it('counts a phrase tied away from one language ("@-xx") in every other, and where none is known', () => {
    const lists = { offer: ['sale@-es'] };
    expect(matches(lists, 'Big sale this weekend', 'en')).toEqual({ offer: ['sale'] });
    expect(matches(lists, 'Sale! Alles muss raus', 'de')).toEqual({ offer: ['Sale'] });
    expect(matches(lists, 'Sale today')).toEqual({ offer: ['Sale'] });
    expect(matches(lists, 'Sale today', 'und')).toEqual({ offer: ['Sale'] });
    // Spanish "sale" is "it leaves": no offer there.
    expect(matches(lists, 'Tu pedido sale hoy del almacén', 'es')).toEqual({});
    expect(splitLanguage('sale@-es')).toEqual(['sale', '-es']);
    expect(splitLanguage('a@-es')).toEqual(['a', '-es']);
    expect(splitLanguage('@-es')).toEqual(['@-es', null]);
  });

  it('reads an accented phrase typed without its accents, in a draft known to be in another language than English', () => {
    const lists = { cta: ['últimas plazas', 'inscríbete', 'promoç*', 'sí'], gain: ['doublé'] };
    expect(matches(lists, 'ULTIMAS PLAZAS, inscribete ya: promocao de verano', 'es')).toEqual({
      cta: ['ULTIMAS PLAZAS', 'inscribete', 'promocao'],
    });
    // Accented as written, in any language.
    expect(matches(lists, 'Últimas plazas', 'und')).toEqual({ cta: ['Últimas plazas'] });
    // Bare, not in English nor where the language is unknown: "double" is a word of its own there.
    expect(matches(lists, 'Double tap if you agree', 'en')).toEqual({});
    expect(matches(lists, 'ultimas plazas double')).toEqual({});
    // One short word bare is too often another word ("si", if).
    expect(matches(lists, 'si llueve, doublé', 'es')).toEqual({ gain: ['doublé'] });
    expect(unaccented('sí')).toBeNull();
    expect(unaccented('últimas plazas')).toBe('ultimas plazas');
    expect(unaccented('Últimas Plazas')).toBe('ultimas plazas');
    // Kana keep their voicing marks: NFD splits them too, but they make other sounds.
    expect(unaccented('がんばって')).toBeNull();
  });

  it("matches a phrase typed without its apostrophes or a French pronoun's hyphen, unless that spells another word", () => {
    const lists = { ask: ["don't forget to like", "c'est parti"], own: ["it's ours", "we're live"] };
    expect(matches(lists, 'dont forget to like 🔔 cest parti')).toEqual({
      ask: ['dont forget to like', 'cest parti'],
    });
    expect(matches(lists, "Don't forget to like")).toEqual({ ask: ["Don't forget to like"] });
    // "its" and "were" are words of their own: only the written forms count.
    expect(matches(lists, 'its ours, were live')).toEqual({});
    // Nor is German "im" (in the) the first person of a German draft.
    expect(matches({ me: ["i'm"] }, 'Heute Schnitzel im Gasthaus', 'de')).toEqual({});
    expect(matches({ me: ["i'm"] }, "I'm at the Gasthaus", 'en')).toEqual({ me: ["I'm"] });
    expect(phoneSpelling("you're the best")).toBe('youre the best');
    expect(phoneSpelling("it's ours")).toBeNull();
    expect(phoneSpelling('no apostrophe')).toBeNull();
    // A French imperative's pronoun typed apart: "abonnez vous", "rejoins nous".
    expect(matches({ ask: ['abonnez-vous', 'rejoins-nous'] }, 'abonnez vous et rejoins nous')).toEqual({
      ask: ['abonnez vous', 'rejoins nous'],
    });
    expect(phoneSpelling('e-mail us')).toBeNull();
  });

  it('types no accent away where the bare word is another word the pack or a language already has', () => {
    const lists = { bought: ['compré online'], buy: ['compre'], cta: ['últimas plazas', 'últimas unidades'] };
    // "compre" is to buy: "compré online" bare would read a call to buy as an experience.
    expect(matches(lists, 'compre online hoy', 'pt')).toEqual({ buy: ['compre'] });
    // "está" bare is "esta" (this), a function word.
    expect(matches({ open: ['está abierto'] }, 'esta abierto el local', 'es')).toEqual({});
    // Two bare phrases with one head word both count: the first filed does not make it "known".
    expect(matches(lists, 'ultimas plazas y ultimas unidades', 'es')).toEqual({
      cta: ['ultimas plazas', 'ultimas unidades'],
    });
  });

  it('files the bare spellings on the first draft that can use them, and reads every later one the same', () => {
    const lex = new Lexicon(new Map([['cta', ['últimas plazas', 'promoç*', 'inscríbete']]]));
    const run = (text: string, language: string) =>
      lex
        .matchByName(tokenize(text), language)
        .get('cta')
        ?.map((m) => text.slice(m.start, m.end)) ?? [];
    expect(run('ultimas plazas, inscribete', 'en')).toEqual([]);
    // Tokens made before the filing (their words had no id yet) and after it read alike.
    expect(run('ultimas plazas! promocao, inscribete', 'es')).toEqual([
      'ultimas plazas',
      'promocao',
      'inscribete',
    ]);
    expect(run('ultimas plazas! promocao, inscribete', 'pt')).toEqual([
      'ultimas plazas',
      'promocao',
      'inscribete',
    ]);
    expect(run('Últimas plazas, promoção', 'es')).toEqual(['Últimas plazas', 'promoção']);
    expect(run('ultimas plazas, inscribete', 'en')).toEqual([]);
  });

  it('reads "@xx" as a language only at the end of a phrase, never a mention', () => {
    expect(splitLanguage('car@fr')).toEqual(['car', 'fr']);
    expect(splitLanguage('ab tag <number>@de')).toEqual(['ab tag <number>', 'de']);
    expect(splitLanguage('follow @us')).toEqual(['follow @us', null]);
    expect(splitLanguage('@fr')).toEqual(['@fr', null]);
    expect(splitLanguage('mail@example')).toEqual(['mail@example', null]);
    expect(matches({ l: ['follow @us'] }, 'Please follow @us today', 'en')).toEqual({ l: ['follow @us'] });
  });

  it('matches whole words only', () => {
    expect(matches({ l: ['sale'] }, 'wholesale salesman sale')).toEqual({ l: ['sale'] });
  });

  it('matches prefixes such as "synerg*"', () => {
    expect(matches({ l: ['synerg*'] }, 'Synergy and synergies, not energy')).toEqual({
      l: ['Synergy', 'synergies'],
    });
  });

  it('treats a too-short "ab*" as a plain word, not a prefix of everything', () => {
    expect(matches({ l: ['ab*'] }, 'about abc')).toEqual({});
  });

  it('matches token-kind placeholders', () => {
    expect(
      matches(
        { off: ['<percent> off', '<price> off'], fans: ['<number> followers'] },
        '40% off today, $5 off tomorrow; 10K followers',
      ),
    ).toEqual({ off: ['40% off', '$5 off'], fans: ['10K followers'] });
  });

  it('reads "<name>" as a word with a capital where no sentence starts, one or more in a row', () => {
    const lists = { code: ['code <name>'], plug: ['at <name> we', 'at <name> <name> we'] };
    expect(
      matches(lists, 'Code JESS20 takes 20% off. At Synqora we help. At Lumière Group, we curate.'),
    ).toEqual({
      code: ['Code JESS20'],
      plug: ['At Synqora we', 'At Lumière Group, we'],
    });
    // A lower-case word is no name, nor is a capital that opens a sentence.
    expect(
      matches(lists, 'At work we ship on Fridays. The code\nMerges on green. Use the code below.'),
    ).toEqual({});
  });

  it('reads a placeholder joined by a hyphen as the two tokens the tokenizer makes', () => {
    expect(
      matches(
        { trial: ['<number>-day trial'], wait: ['<number>-<number> hours'] },
        'Our 14-day trial; reply in 24-48 hours',
      ),
    ).toEqual({ trial: ['14-day trial'], wait: ['24-48 hours'] });
  });

  it('reads a placeholder glued to text as the placeholder and the text, as the tokenizer splits them', () => {
    expect(
      matches(
        { off: ['<price>引き', 'あと<number>日'], fans: ['<number>followers'], deal: ['<number>x<number>'] },
        '今なら500円引き、あと3日！ 2k followers, 3x2 today',
      ),
    ).toEqual({ off: ['500円引き', 'あと3日'], fans: ['2k followers'], deal: ['3x2'] });
  });

  it('reads an arrow in a phrase as the arrow a draft points at a link with, never as nothing', () => {
    const lists = { pointer: ['→ <url>'] };
    expect(matches(lists, 'Details → shop.example/x')).toEqual({ pointer: ['→ shop.example/x'] });
    // Read as nothing, the phrase would be "<url>" and take every link.
    expect(matches(lists, 'Details at shop.example/x')).toEqual({});
  });

  it('reads "<word>" as a gap of one word, never a figure, a link or a sentence end', () => {
    const lists = { offer: ['free <word> inspection', 'free inspection'] };
    expect(
      matches(lists, 'A free roof inspection, a free inspection, a free 20 inspection, free. Inspection'),
    ).toEqual({ offer: ['free roof inspection', 'free inspection'] });
    // Two words between are no gap of one.
    expect(matches(lists, 'a free home roof inspection')).toEqual({});
  });

  it('a placeholder matches only its kind', () => {
    expect(matches({ l: ['<percent> off'] }, '40 off, $40 off')).toEqual({});
  });

  it('the longest phrase in a list wins', () => {
    expect(matches({ l: ['sale', 'flash sale', 'flash sale today'] }, 'Flash sale today only')).toEqual({
      l: ['Flash sale today'],
    });
    expect(matches({ l: ['buy', 'buy now'] }, 'buy now')).toEqual({ l: ['buy now'] });
  });

  it('matches within one list do not overlap', () => {
    expect(matches({ l: ['a b', 'b c'] }, 'a b c')).toEqual({ l: ['a b'] });
    expect(matches({ l: ['on sale', 'sale'] }, 'on sale')).toEqual({ l: ['on sale'] });
  });

  it('different lists match the same words independently', () => {
    expect(matches({ one: ['shop now'], two: ['now'] }, 'shop now')).toEqual({
      one: ['shop now'],
      two: ['now'],
    });
  });

  it('phrases never span a sentence end', () => {
    expect(matches({ l: ['shop now'] }, 'Visit our shop. Now we rest')).toEqual({});
    expect(matches({ l: ['shop now'] }, 'our shop!\nnow')).toEqual({});
    expect(matches({ l: ['shop now'] }, 'our shop: now')).toEqual({});
  });

  it('phrases do span a comma', () => {
    expect(matches({ l: ['like share'] }, 'like, share')).toEqual({ l: ['like, share'] });
  });

  it('matches hashtags and mentions only as whole tokens', () => {
    expect(matches({ l: ['#ad'] }, 'Loving it #ad #adventure')).toEqual({ l: ['#ad'] });
    expect(matches({ l: ['sale'] }, '#sale and @sale')).toEqual({});
  });

  it('matches curly and straight apostrophes alike', () => {
    expect(matches({ l: ["don't miss"] }, 'Don’t miss it')).toEqual({ l: ['Don’t miss'] });
  });

  it('matches CJK phrases character by character', () => {
    expect(matches({ l: ['送料無料'] }, '本日送料無料です')).toEqual({ l: ['送料無料'] });
  });

  it('gives match ranges that point at the words as written', () => {
    const text = '🎉 Big NEWS: 30% off!';
    const lex = new Lexicon(new Map([['l', ['<percent> off']]]));
    const [m] = lex.matchByName(tokenize(text)).get('l') ?? [];
    expect(m && text.slice(m.start, m.end)).toBe('30% off');
  });

  it('is reusable across calls with different lengths', () => {
    const lex = new Lexicon(
      new Map([
        ['a', ['sale']],
        ['b', ['buy now']],
      ]),
    );
    expect(lex.matchByName(tokenize('sale')).get('a')).toHaveLength(1);
    expect(lex.matchByName(tokenize('buy now and sale, sale')).get('a')).toHaveLength(2);
    expect(lex.matchByName(tokenize('nothing')).size).toBe(0);
  });
});

describe('links, mentions and hashtags never confuse the detectors', () => {
  const hits = (text: string, list: string): string[] => {
    const p = defaultPack();
    const found = p.lexicon.matchByName(tokenize(text)).get(list) ?? [];
    return found.map((m) => text.slice(m.start, m.end));
  };

  it.each([
    ['Ran into @shopnow at the meetup', 'cta-phrase'],
    ['Ran into @shopnow at the meetup', 'cta'],
    ['Photos from the meetup under #sale', 'offer'],
    ['Notes: example.com/buy-now', 'cta-phrase'],
    ['Notes: example.com/buy-now', 'cta'],
    ['See https://example.com/sale/50-off', 'offer'],
    ['See https://example.com/#sale', 'offer'],
    ['See shop.example.com/x', 'cta'],
    ['Hi @buy and @order', 'cta'],
  ])('%j matches nothing in %s', (text, list) => {
    expect(hits(text, list)).toEqual([]);
  });

  it('a genuine post with promo-looking links, mentions and tags is not promotion', () => {
    const text =
      'Spent Saturday with @shopnow volunteers cleaning the riverbank: 40 bags of litter. ' +
      'Write-up at example.com/buy-now-ban #sale #discount';
    expect(fired(defaultPack(), text, { platform: 'linkedin' })).not.toContain('pure-promotion');
  });

  it('but the same words as words are an offer and a call to buy', () => {
    expect(hits('Sale! Buy now', 'offer')).toEqual(['Sale']);
    expect(hits('Sale! Buy now', 'cta-phrase')).toEqual(['Buy now']);
  });

  it('a CTA evidence range never points inside a link', () => {
    const text = 'FLASH SALE! 40% off, buy now at https://shop.example.com/buy-now';
    const promo = run(defaultPack(), text).all.find((n) => n.id === 'pure-promotion');
    expect(promo).toBeDefined();
    const url = text.indexOf('https://');
    // The link itself may be evidence (a pointer to the shop); nothing may start inside it.
    for (const e of promo!.evidence) expect(e.start! < url || e.text === text.slice(url)).toBe(true);
    expect(promo!.evidence.some((e) => e.text.toLowerCase() === 'buy now')).toBe(true);
  });
});
