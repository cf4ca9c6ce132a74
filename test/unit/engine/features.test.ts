import { describe, expect, it } from 'vitest';
import { analyse, FEATURE_INDEX, FEATURES } from '../../../src/engine/text/features.ts';
import { VOCABULARY } from '../../../src/engine/text/vocabulary.ts';

const f = (text: string) => analyse(text).features;

describe('features', () => {
  it('counts links, mentions, hashtags, cashtags, prices, percentages and numbers by kind', () => {
    const x = f(
      'Hi @dana and @team@mastodon.social: $AAPL, $50, €20, 40% and 10K at 9am. https://x.io #a #b',
    );
    expect(x).toMatchObject({
      urls: 1,
      mentions: 2,
      hashtags: 2,
      cashtags: 1,
      prices: 2,
      percents: 1,
      numbers: 2,
    });
  });

  it('counts a year as a number but not as a figure that informs', () => {
    // "2024" and "1999" date the post; "10", "2500" and the five-digit "20245" tell something.
    const x = f('2024 was our year: 10 new stores, 2500 orders, code 20245. Since 1999 🎉');
    expect(x).toMatchObject({ numbers: 5, figures: 3 });
    expect(f('Venha 2025!')).toMatchObject({ numbers: 1, figures: 0 });
    expect(f('Top 50 Fintech Leaders of 2024')).toMatchObject({ numbers: 2, figures: 1 });
    // A year that names a thing with the word after it is a specific.
    expect(f('It fits the 2020 frame too')).toMatchObject({ numbers: 1, figures: 1 });
  });

  it('counts the items of the longest comma-separated list of short items', () => {
    // Four items: the two before commas, and the two an "and" parts after the last comma; the
    // title before the colon is no item.
    expect(
      f('Harbor Notes 2.6 is out: tabs, a reading timer, folder colours and faster search.'),
    ).toMatchObject({
      'list-items': 4,
    });
    // An emoji starts afresh, and the Japanese comma parts items as a comma does.
    expect(f('Llega Rumbo 3 🗺️ Rutas sin conexión, modo bici, widgets nuevos')['list-items']).toBe(3);
    expect(f('新作チェア登場。ナラ無垢材、座面高42cm、重さ4.1kg、スタッキング可能です。')['list-items']).toBe(
      4,
    );
    // "and" joins the last two items only after an item a comma ended, in every pack language.
    expect(f('Red and blue are the colours.')['list-items']).toBe(0);
    expect(f('En trois finitions : chêne naturel, noyer huilé et frêne noirci.')['list-items']).toBe(3);
    // A stretch of five words or more between commas says something: it ends the run.
    expect(f('I went to the shop on Monday, bought milk, and went home.')['list-items']).toBe(2);
    expect(
      f('We tried it last week, and honestly the results were better than we expected.')['list-items'],
    ).toBe(0);
    // The longest run wins, and a new sentence starts one afresh.
    expect(f('Red, blue. Oats, rye, barley, spelt and wheat.')['list-items']).toBe(5);
  });

  it('keeps the longest list as a span, its last item read to where it ends, for evidence', () => {
    const span = (text: string) => analyse(text).list.map((m) => text.slice(m.start, m.end));
    expect(
      span('Harbor Notes 2.6 is out 🎉 Tabs, a reading timer, folder colours and faster search.'),
    ).toEqual(['Tabs, a reading timer, folder colours and faster search']);
    expect(span('Red, blue. Oats, rye, barley, spelt and wheat.')).toEqual([
      'Oats, rye, barley, spelt and wheat',
    ]);
    expect(span('Llega Rumbo 3 🗺️ Rutas sin conexión, modo bici, widgets nuevos 🚀')).toEqual([
      'Rutas sin conexión, modo bici, widgets nuevos',
    ]);
    expect(span('We tried it last week, and honestly the results were better than we expected.')).toEqual([]);
  });

  it('counts a capitalised word with a number one space on as a model or version name', () => {
    expect(f('Kestrel Reader 1.8 is out')['model-names']).toBe(1);
    // German capitalises every noun, and a name with a number still reads as one.
    expect(f('Das neue Gratwind 2 von Alpenwerk')['model-names']).toBe(1);
    // A year that dates the post, a lower-case word or a gap of two spaces names nothing.
    expect(f('Since 2019 we have baked 3 loaves a day')['model-names']).toBe(0);
    expect(f('Back in  5 minutes, Room  12')['model-names']).toBe(0);
  });

  it('counts a katakana loanword as one word however long, and other Japanese characters as halves', () => {
    // マーケティング (marketing) is one word, not three and a half; 最新 and 開催 one each.
    expect(f('マーケティング最新開催').words).toBe(3);
    // Two katakana characters are one word (ハム), as two kanji are (開催).
    expect(f('ハム開催').words).toBe(2);
    // A seminar's title line is no stated sentence: it names the event in four words.
    expect(analyse('マーケティング最新セミナー開催！').statementWords[0]).toBe(4);
  });

  it('counts a short name in Japanese corner brackets as a proper noun, and not a quoted sentence', () => {
    // Japanese has no capitals; it sets the name of a product or a work in brackets.
    expect(f('新作「桜ほうじ茶ラテ」が登場しました。やさしい甘さです。')['proper-nouns']).toBe(1);
    expect(f('新作『星喰いの森』と「ゆき」シリーズを作りました。')['proper-nouns']).toBe(2);
    // Speech in brackets is a quotation, not a name: it holds a clause mark or runs long.
    expect(f('お客様に「ここのパンを食べたら、他のが食べられない」と言われました。')['proper-nouns']).toBe(0);
  });

  it('does not count the parts of a link as words, mentions or hashtags', () => {
    const x = f('https://shop.example.com/buy-now/#sale?ref=@shopnow');
    expect(x).toMatchObject({ urls: 1, words: 0, mentions: 0, hashtags: 0 });
  });

  it('reads function and small-talk words in the pack languages as carrying no specifics', () => {
    expect(f('Feliz viernes a todos, ya es fin de semana')['specific-words']).toBe(0);
    expect(f('Bonne semaine à tous, café chaud ce matin')['specific-words']).toBe(0);
    // Gratitude says how the poster feels, not what happened.
    expect(f('Huge thank you to everyone, truly grateful and blessed')['specific-words']).toBe(0);
    expect(f('Unglaublich dankbar, merci, incroyable, muy agradecida')['specific-words']).toBe(0);
    expect(f('Un immense merci, fiers de vous')['specific-words']).toBe(0);
    expect(f('Wir wünschen ein schönes Wochenende allerseits')['specific-words']).toBe(0);
    // The auxiliaries and modals of each pack language, as English has "would", "could" and "were":
    // only "möglich", "posible", "possible" and "possível" are content here.
    expect(f('Ohne euch wäre das alles nicht möglich, ihr seid die Besten')['content-words']).toBe(2);
    expect(f('Sin vosotros nada de esto sería posible')['content-words']).toBe(1);
    expect(f('Sans vous rien ne serait possible, vous êtes géniaux')['content-words']).toBe(2);
    expect(f('Sem vocês nada disso seria possível')['content-words']).toBe(1);
    // Size and thanks words in German and the Romance languages say how big the feeling is.
    expect(f('Ein riesiges Dankeschön, großartig, une énorme fierté')['specific-words']).toBe(1);
    // Praise that fits any post: "toller Beitrag" and "sehe ich genauso" name only the post.
    expect(f('Toller Beitrag, genial, sehe ich genauso')['specific-words']).toBe(2);
    expect(f('Magnifique, superbe, exactement, maravilloso, lindo demais')['specific-words']).toBe(0);
    // Parser, Firma, ausgeliefert: "neuen" is a function word, as "new" is in English.
    expect(f('Wir haben heute den neuen Parser für die Firma ausgeliefert')['specific-words']).toBe(3);
    // Determiners and pronouns of every pack language, as English has them ("each", "other", "it").
    expect(f('Chaque jour est une nouvelle opportunité')['content-words']).toBe(2);
    expect(f('Cada día es otra oportunidad')['content-words']).toBe(2);
    expect(f('Jeder Tag ist eine neue Chance')['content-words']).toBe(2);
    // Prepositions and adverbs as common as "in" or "there": Portuguese "em", "nem", "lá", German
    // "ins", "vom", French "dont", "encore", Spanish "así", "ahí". Counted as content, they made
    // filler in those languages look specific (calor, insano, Lisboa, consigo, pensar, números: 6).
    expect(f('calor insano hoje em Lisboa 🥵 nem consigo pensar em números')['specific-words']).toBe(5);
    expect(f('Sie geht ins Büro, eben halt')['content-words']).toBe(2);
    expect(f("C'est encore là, dont acte")['content-words']).toBe(1);
    expect(f('Así es la vida ahí')['content-words']).toBe(1);
    expect(f('Cada dia é uma nova chance')['content-words']).toBe(2);
    // …but not where the same spelling is an English content word ("car", "pro", "solo", "tan").
    expect(f('car pro solo tan man pendant')['content-words']).toBe(6);
  });

  it('does not take German nouns, capitalised by grammar, for names', () => {
    expect(
      f('Wir haben die Datenbank gestern auf den neuen Server umgezogen und das Team ist froh')[
        'proper-nouns'
      ],
    ).toBe(0);
    expect(
      f('We moved the database to the new Server in Leeds with Dana yesterday')['proper-nouns'],
    ).toBeGreaterThan(1);
  });

  it('counts question and exclamation marks, a run as one', () => {
    expect(f('Is it? Really?? Wow!!! ok')).toMatchObject({ questions: 2, exclamations: 1 });
    expect(f('日本ですか？すごい！')).toMatchObject({ questions: 1, exclamations: 1 });
    expect(f('No marks here')).toMatchObject({ questions: 0, exclamations: 0 });
  });

  it('counts first-person singular, plural and second person', () => {
    const x = f("I think my team and we love our users; you should tell your friends. I'm sure you're in.");
    expect(x['first-singular']).toBe(3); // I, my, I'm
    expect(x['first-plural']).toBe(2); // we, our
    expect(x['second-person']).toBe(3); // you, your, you're
  });

  it("counts German's polite Sie and Ihr as second person only with a capital inside a sentence", () => {
    expect(f('Mit Lohnfix haben Sie Ihr Team im Blick.')['second-person']).toBe(2);
    // Lower case they are "she", "they" and "her"; at a sentence start a capital says nothing.
    expect(f('Mit Lohnfix haben sie ihr Team im Blick.')['second-person']).toBe(0);
    expect(f('Sie haben das Team im Blick.')['second-person']).toBe(0);
  });

  it('counts the persons in Spanish, French, German and Portuguese as in English', () => {
    expect(f('Gracias, Marta: tu pedido salió hoy y te hemos devuelto el envío.')['second-person']).toBe(2);
    expect(f('Merci Claire, votre lien est corrigé et vous gardez votre place.')['second-person']).toBe(3);
    expect(f('Danke dir, wir haben deine Bestellung und melden uns.')).toMatchObject({
      'second-person': 2,
      'first-plural': 2,
    });
    expect(f('Eu não sei, mas a minha loja e o nosso time abrem cedo.')).toMatchObject({
      'first-singular': 1,
      'first-plural': 1,
    });
    expect(f("J'ai ouvert mon atelier et je reste ouvert.")['first-singular']).toBe(3);
  });

  it('leaves out the words another language the pack reads spells otherwise', () => {
    // "mes" is a Spanish month, "du" French "of the", "os" Portuguese "the", "EU" the Union.
    expect(f('Este mes abrimos. Le prix du pain. Os preços da EU.')).toMatchObject({
      'first-singular': 0,
      'first-plural': 0,
      'second-person': 0,
    });
  });

  it('counts curly-apostrophe contractions as the pronoun', () => {
    expect(f('I’m here and you’re there')).toMatchObject({ 'first-singular': 1, 'second-person': 1 });
  });

  it('counts sentences after . ! ? newline and colon', () => {
    expect(f('One. Two! Three? Four\nFive: six').sentences).toBe(6);
    expect(f('one, two; three').sentences).toBe(1);
  });

  it('counts sentences, not the emoji in front of them', () => {
    expect(f('🎉🎉 We shipped. Thanks!').sentences).toBe(2);
  });

  it('counts emoji sequences as one each', () => {
    expect(f('👨‍👩‍👧‍👦 👍🏽 🇯🇵 ❤️').emoji).toBe(4);
  });

  it('counts proper nouns mid-sentence but not sentence starts or "I"', () => {
    expect(f('Yesterday I met Dana in Leeds.')['proper-nouns']).toBe(2);
  });

  it('does not take a capital after an emoji for a name', () => {
    expect(f('Lunch with Dana 🍜 Back at the desk now')['proper-nouns']).toBe(1);
  });

  it('does not count the name a greeting, thanks or congratulations addresses as a detail', () => {
    expect(f('Thanks, Dana! Loved it.')['proper-nouns']).toBe(0);
    expect(f('Parabéns, Rafael! Muito merecido.')['proper-nouns']).toBe(0);
    expect(f('Hola Lucía, ¿qué tal?')['proper-nouns']).toBe(0);
    // The same name telling something still counts.
    expect(f('Thanks, Dana! Your fix for Leeds worked.')['proper-nouns']).toBe(1);
  });

  it('separates content words from stopwords and specific words from small talk', () => {
    const x = f('Good morning everyone, the cache cut build time');
    // "everyone", "the", "time" are stopwords; "good", "morning" are small talk.
    expect(x.words).toBe(8);
    expect(x['content-words']).toBe(5);
    expect(x['specific-words']).toBe(3);
  });

  it('reads a word drawn out at its end as a cheer, not a specific', () => {
    expect(f('Weekend, here we gooo')['specific-words']).toBe(0);
    expect(f('Weekend, here we dance')['specific-words']).toBe(1);
    expect(f('omggg the weekend')['specific-words']).toBe(0);
    expect(f('tiramisu the weekend')['specific-words']).toBe(1);
    // Three letters in a row inside a compound are a spelling, not a cheer.
    expect(f('Schifffahrt auf dem Rhein')['specific-words']).toBe(2);
  });

  it('reads a word the same whether the vocabulary knows it or not, on every draft', () => {
    const text = 'Yesss, the reorganisation of Zoltan tooo';
    const unknown = f(text);
    expect(unknown).toMatchObject({ 'specific-words': 2, 'abstract-words': 1 });
    // Known words take their answers from a table filled the first time a draft holds them.
    for (const w of ['yesss', 'reorganisation', 'zoltan', 'tooo']) VOCABULARY.intern(w);
    expect(f(text)).toEqual(unknown);
    expect(f(text)).toEqual(unknown);
  });

  it('counts lines, collapsing blank lines', () => {
    expect(f('a\nb\n\n\nc').lines).toBe(3);
    expect(f('').lines).toBe(0);
  });

  it('marks a draft that is a quotation and nothing more, attribution allowed', () => {
    expect(f('“Well begun is half done.”')['quote-only']).toBe(1);
    expect(f('  "Stay hungry, stay foolish." — Steve Jobs')['quote-only']).toBe(1);
    expect(f('"Big news."')['quote-only']).toBe(0); // too short to count as a quotation
    // Own words after it, a link or a price, or a quote inside a sentence: not a bare quotation.
    expect(f('"Fast" is what the client said. It took six weeks to ship.')['quote-only']).toBe(0);
    expect(f('“Best groom my spaniel ever had.” — Sarah\nSlots: https://x.example/book')['quote-only']).toBe(
      0,
    );
    expect(f('“Best groom my spaniel ever had.” From £30')['quote-only']).toBe(0);
    expect(f('No quotation marks at all here')['quote-only']).toBe(0);
  });

  it('counts abstract nouns by the endings of every pack language', () => {
    // English has its endings (management, visibility); Spanish and Portuguese have their own.
    expect(f('management visibility alignment')['abstract-words']).toBe(3);
    expect(f('conexión transparencia excelencia posicionamiento inclusión')['abstract-words']).toBe(5);
    expect(f('excelência relevância qualidade sociedade engajamento protagonismo')['abstract-words']).toBe(6);
    expect(f('Wertschöpfung Nachhaltigkeit Pragmatismus dynamisme')['abstract-words']).toBe(4);
    // German plurals and glued jargon adjectives: Möglichkeiten, Kompetenzen, kundenorientierte.
    expect(
      f('Möglichkeiten Gelegenheiten Kapazitäten Innovationen Kompetenzen Relevanz')['abstract-words'],
    ).toBe(6);
    expect(
      f('kundenorientierte datengetriebenen lösungsfokussiert kundenzentrierter')['abstract-words'],
    ).toBe(4);
    // Driven by a motor is no jargon: "elektrisch angetrieben", and German plants and finances.
    expect(f('elektrisch angetriebene Pflanzen Finanzen')['abstract-words']).toBe(0);
    // Concrete words of the same length with other endings stay concrete.
    expect(f('panadería carpintaria Bäckerei boulangerie')['abstract-words']).toBe(0);
    // Japanese, one token a character: a kanji suffix after a kanji, or a loanword's ending.
    expect(f('最適化と持続可能性、戦略的な競争力')['abstract-words']).toBe(4);
    expect(f('ソリューション、マネジメント、サステナビリティ')['abstract-words']).toBe(3);
    // A suffix with no kanji before it, a party and a lunch are not abstractions.
    expect(f('化石、パーティー、駅前のカフェでランチ')['abstract-words']).toBe(0);
  });

  it('reads a quotation behind a short label, or before a sign-off, as a bare quotation', () => {
    expect(f('Zitat des Tages: „Geld allein macht nicht glücklich.“ #Montag')['quote-only']).toBe(1);
    expect(f('Quote of the day: "Well begun is half done."')['quote-only']).toBe(1);
    // Greetings and function words after it add nothing of the poster's own.
    expect(
      f('„Wer ein Haus baut, baut an seiner Zukunft.“ Ein schönes Wochenende allerseits!')['quote-only'],
    ).toBe(1);
    expect(f('"Well begun is half done." Happy Monday everyone, have a great week!')['quote-only']).toBe(
      0 + 1,
    );
    // A label of more than four words is a sentence, and own words after the quotation still count.
    expect(f('What the client told us this morning: "Fast is what we need."')['quote-only']).toBe(0);
    expect(
      f('My daughter: "Why do trains have faces?" We spent the whole ride designing one.')['quote-only'],
    ).toBe(0);
  });

  it('measures where the first sentence ends', () => {
    expect(f('Short one. Then more.')['first-sentence-chars']).toBe(10);
    expect(f('no end at all  ')['first-sentence-chars']).toBe(13);
    // A time or a ratio does not end it; a colon after a word does.
    expect(f('Pouches locked from 8:40 to 3:15, mixed 3:1. Then more.')['first-sentence-chars']).toBe(44);
    expect(f('Doors at 19:30: bring a chair.')['first-sentence-chars']).toBe(15);
  });

  it('handles CJK and RTL text', () => {
    // One token a character, two characters about a word; kana carry grammar, kanji content.
    expect(f('日本語です。')).toMatchObject({ words: 2.5, 'content-words': 1.5, sentences: 1 });
    expect(f('مرحبا بالعالم. שלום עולם!')).toMatchObject({ words: 4, sentences: 2, exclamations: 1 });
  });
});

describe('clause leads after a request frame', () => {
  const leads = (text: string): string[] => {
    const doc = analyse(text);
    return doc.tokens.filter((_, i) => doc.lead[i] === 1).map((t) => t.norm);
  };

  it('takes the verb of "if you could …", "could you …" and "if you\'d …" as asked for', () => {
    expect(leads('Cheers, if you could boost the original that would be grand')).toContain('boost');
    expect(leads('Great thread, could you repost it later')).toContain('repost');
    expect(leads('Thanks! if you’d share it with your team we would love that')).toContain('share');
  });

  it('takes the verb after the crowd it is called to as leading its clause', () => {
    expect(leads('Everyone please go follow @nadia, she is so close to 1k')).toContain('follow');
    expect(leads('Todos compartan el enlace con sus vecinos')).toContain('compartan');
    // The crowd as a subject leaves the clause to the word after it only in name: no imperative.
    expect(leads('We thank everyone who came to the tasting')).not.toContain('who');
  });

  it('takes the word after a plea as asked for, wherever a run-on sentence puts it', () => {
    expect(leads('we r at 987 followers 13 more til 1000 pls follow n tell ur friends')).toContain('follow');
    expect(leads('si te gustó porfa comparte con tus amigos')).toContain('comparte');
    expect(leads('on est presque à 500 svp abonnez vous')).toContain('abonnez');
    // Without a plea the same run-on words stay inside the clause.
    expect(leads('we r at 987 followers 13 more til 1000 follow n tell ur friends')).not.toContain('follow');
  });

  it('leaves suggestions, information and wants alone', () => {
    expect(leads('You could boost the signal with a better antenna')).not.toContain('boost');
    expect(leads('Later you can read the whole report on the site')).not.toContain('read');
    expect(leads('Tomorrow would you like to join us for lunch')).not.toContain('like');
  });

  it('reads a hyphen glued between a figure and a word as a compound, a spaced dash as a clause', () => {
    expect(leads('I run a 4k-sub cooking channel and tried shorts for a month')).not.toContain('sub');
    expect(leads('We hit 4k - sub now and tell a friend')).toContain('sub');
    expect(leads('Great list\n-Follow for more tips')).toContain('follow');
  });

  it('reads a slash glued between a figure and a word as "per", a slash between words as a clause', () => {
    // "$18/head" is a price per head, not "Head to the shop"; the same with no currency or a percent.
    expect(leads('A taco truck instead of a caterer ($18/head vs $65)')).not.toContain('head');
    expect(leads('We ride 3x/week and the bus costs €20/mes')).not.toContain('mes');
    expect(leads('Sizes S/M/L in stock /shop now')).toContain('shop');
    expect(leads('Prices from $18 /head to our site')).toContain('head');
  });

  it('opens a clause at a quotation only where no word stands before it', () => {
    // A word quoted inside a sentence is part of it: neither it nor what follows the closing mark leads.
    const quoted = leads('She waited years to feel "ready" to apply for the role');
    expect(quoted).not.toContain('ready');
    expect(quoted).not.toContain('to');
    expect(leads('She waited years to feel “ready” to apply')).not.toContain('ready');
    // A quotation after a colon or opening the draft still starts a clause.
    expect(leads('Our advice: "Book early" for the summer')).toContain('book');
    expect(leads('"Book early," they said')).toContain('book');
  });

  it('takes a Japanese clause that ends in a request as asking for what it names', () => {
    // Japanese puts the request last: every word of such a clause leads, as an opening verb does.
    const asked = (text: string): string => {
      const doc = analyse(text);
      return doc.tokens.map((t, i) => (doc.lead[i] === 1 ? t.norm : '')).join('');
    };
    expect(asked('店舗でぜひお買い求めください')).toContain('お買い求め');
    expect(asked('RTで広めてもらえると嬉しいです')).toContain('rt');
    expect(asked('チャンネル登録してね')).toContain('チャンネル登録');
    // A statement about a purchase, or happiness with no condition, asks for nothing.
    expect(asked('店舗でお買い求めいただきました')).not.toContain('お買い求め');
    expect(asked('今日は晴れて嬉しい')).not.toContain('嬉しい');
  });

  it('opens a clause after the Spanish "¡" and "¿"', () => {
    expect(leads('Siguiente meta: 20k, ¡comparte nuestro perfil con tus amigos!')).toContain('comparte');
    expect(leads('Ya casi, ¿compartes el post con tu barrio?')).toContain('compartes');
  });

  it('takes the last word of a short German clause opened by a lead-in as its call to act', () => {
    expect(leads('Neue Version. Jetzt Demo buchen: https://example.de/demo')).toContain('buchen');
    expect(leads('Hier kostenlos testen 👉 https://example.de')).toContain('testen');
    // A figure belongs to the object ("14 Tage"): it does not make the clause a statement.
    expect(leads('Jetzt 14 Tage kostenlos testen: https://example.de')).toContain('testen');
    // A longer clause after "jetzt" is a statement, not a call: its last word stays a word.
    expect(leads('Jetzt haben wir endlich die neue Halle am Hafen eröffnet')).not.toContain('eröffnet');
    // "und" ends the request as a full stop would, whatever follows it.
    expect(leads('Jetzt kostenlose Demo buchen und den Wandel gestalten: https://example.de')).toContain(
      'buchen',
    );
    expect(leads('Jetzt haben wir endlich die Halle und das Café eröffnet')).not.toContain('halle');
    // A lead-in after a dash or a comma opens the short request afresh, mid-sentence too.
    expect(leads('Super Beitrag – einfach online unter example.de/termin buchen.')).toContain('buchen');
    expect(leads('Super Beitrag, wir haben das einfach gestern im Team lange besprochen')).not.toContain(
      'besprochen',
    );
  });

  it('reads the Spanish and Portuguese "just" as a lead-in, as English "just"', () => {
    expect(leads('Fácil. Solo descarga la app y regístrate')).toContain('descarga');
    expect(leads('Fácil. Sólo descarga la app')).toContain('descarga');
    expect(leads('Fácil. Só baixar o app e pronto')).toContain('baixar');
    // Mid-clause it is an adverb like any other: the word after it opens nothing.
    expect(leads('Tenemos solo tres plazas libres')).not.toContain('tres');
  });

  it('reads a lead word a finite verb follows as its subject, not an imperative', () => {
    expect(leads('Shop reopens Jan 8 after the break')).not.toContain('shop');
    expect(leads('Big news. Book is out on Friday')).not.toContain('book');
    expect(leads('Thanks! Order will ship on Monday')).not.toContain('order');
    expect(leads('Reserva es obligatoria para grupos')).not.toContain('reserva');
    // An imperative keeps its place when what follows is its object or an adverb.
    expect(leads('Shop now at the market stall')).toContain('shop');
    expect(leads('Book early, the hall is small')).toContain('book');
    expect(leads('Order online, pick up in store')).toContain('order');
    // Only the word right before the verb: a subject of several words is left as it was.
    expect(leads('Shop opening hours are 9 to 5')).toContain('shop');
  });
});

describe('reader-questions', () => {
  it('counts questions put to readers, not an opening hook followed by more', () => {
    expect(analyse('Tacos at home? We deliver now. Order today.').features['reader-questions']).toBe(0);
    expect(
      analyse('Tacos at home? We deliver now. Which filling should we add?').features['reader-questions'],
    ).toBe(1);
    expect(analyse('Which filling should we add next?').features['reader-questions']).toBe(1);
    expect(analyse('We passed 10k this week. What should we test next?').features['reader-questions']).toBe(
      1,
    );
  });
});

describe('statements', () => {
  it('counts clauses that state something in seven words or more, not questions, asks or short ones', () => {
    const count = (text: string): number => analyse(text).features.statements;
    expect(count('We hit 10k followers! Thank you all 🎉')).toBe(0);
    expect(
      count(
        'We hit 10k followers this week. Half of them came from one post about how we price repairs. The giveaways we ran all spring brought almost none of them.',
      ),
    ).toBe(2);
    // A question states nothing, and a clause that addresses the reader sells rather than tells.
    expect(count('Did half of them really come from one post about repair prices?')).toBe(0);
    expect(count('Your team will love how simple the new repair pricing page is.')).toBe(0);
  });
});

describe('feature values by index', () => {
  // Rules read features from doc.values by FEATURE_INDEX; the array is written out field by field,
  // so every feature must land at its own index, with drafts where the counts all differ.
  it.each([
    '"Less, but better." Dieter Rams',
    "We're thrilled 🎉 to share our Q3 results: revenue up 12%, $4.2M ARR, 3 new hires! Questions? Ask @ana_cfo #growth https://example.com/q3",
    'I moved our backups to a queue.\nTwo lessons: retries need jitter. Why did nobody tell me? Holistic transformation, operational alignment, organisational scalability.',
  ])('%s', (text) => {
    const doc = analyse(text);
    for (const name of FEATURES)
      expect([name, doc.values[FEATURE_INDEX[name]]]).toEqual([name, doc.features[name]]);
    expect(doc.values).toHaveLength(FEATURES.length);
    // The drafts are chosen so that most features differ from one another: an index off by one
    // would read a neighbour's different value.
    expect(new Set(doc.values).size).toBeGreaterThan(5);
  });
});

describe('named-links', () => {
  const named = (text: string): number => analyse(text).features['named-links'];

  it('counts a link to a site the draft names', () => {
    expect(named('Grinds beans for two cups. The Bramble Mini. bramblecoffee.example/mini')).toBe(1);
    expect(named('Creamos Almazara Luna porque nunca lo encontrábamos. almazaraluna.example')).toBe(1);
    // Accents go, as hosts are written without them; a possessive names its noun.
    expect(named('Pruébalo en Café Olmedo: https://www.cafeolmedo.example/menu')).toBe(1);
    expect(named("Bramble's new grinder: bramble.example")).toBe(1);
  });

  it('does not count a link the draft does not name, nor a name in lower case', () => {
    expect(named('Read the notes from the audit: https://notes.example/audit')).toBe(0);
    expect(named('The repair café needs volunteers. repaircafe.example/join')).toBe(0);
    // The top-level domain names nothing, nor do short labels or parts under five letters.
    expect(named('Example Corp, our supplier: https://supply.example/corp')).toBe(0);
    expect(named('Ask Tom about it: tomatoes.example')).toBe(0);
    expect(named('The Bramble Mini, and no link at all.')).toBe(0);
  });

  it('reads a two-word name, spelled-out umlauts and a hyphenated compound as a host writes them', () => {
    // Each word alone is under five letters, so only the pair names the host.
    expect(named('Lunch boxes that keep it warm: Dona Rosa. donarosa.example')).toBe(1);
    expect(named('Frische Kräuter von GrünKiste. gruenkiste.example')).toBe(1);
    expect(named('Der SparHahn-Aufsatz spart Wasser. sparhahn.example')).toBe(1);
    // Two capitalised words apart from each other do not join, nor a lower-case pair.
    expect(named('Dona said Rosa would call. donarosa.example')).toBe(0);
    expect(named('The dona rosa recipe is here: donarosa.example')).toBe(0);
  });

  it('counts each named link once', () => {
    expect(named('Bramble and Sillgrow: bramble.example sillgrow.example/tray and other.example')).toBe(2);
  });
});

describe('name-lines', () => {
  const lines = (text: string): number => analyse(text).features['name-lines'];

  it("counts a brand's signature with a tail on the last line", () => {
    expect(lines('Before and after 😍\nClínica Sorriso Real – Porto\n#dentist #smile')).toBe(1);
    expect(
      lines('Dripping tap at 3am? We know the feeling.\nQuickfix Plumbing, looking after Leeds since 2009.'),
    ).toBe(1);
    expect(
      lines('Mice hate winter too.\nKeepOut Pest Services 🐭 Looking after Northfield since 2004.'),
    ).toBe(1);
    // Not on the first line, not a lower-case or one-word plain name, not mid-draft.
    expect(lines('Quickfix Plumbing, looking after Leeds since 2009.\nCall any time.')).toBe(0);
    expect(lines('Great turnout tonight.\nthanks everyone – see you in May')).toBe(0);
    expect(lines('Great turnout tonight.\nHarbour – what a view.')).toBe(0);
    expect(
      lines(
        'Great turnout.\nMaria Lopez, our head baker – made the bread.\nMore photos tomorrow, with the recipe.',
      ),
    ).toBe(0);
  });

  it('counts a sentence after the first that is only a name', () => {
    expect(lines('Warm bread on your doorstep by 7am. 🍞\nCrumb & Co., Leeds.')).toBe(1);
    expect(lines('Ton café du matin, livré avant 8 h.\nGrains de Quartier.')).toBe(1);
    // A figure may close the name; a one-word name counts when nothing is said after it.
    expect(lines('Waterproof to 30 m.\n\nTidewatch 2. Link in bio.')).toBe(1);
    expect(lines('Your week of dinners, planned. Forkcast.\nforkcast.example #food')).toBe(1);
    // A short pointer after it points at the name; a sentence of more words tells on.
    expect(lines('Your mornings, finally calm. ☕ Brewlo. Link in bio.')).toBe(1);
    expect(lines('Your mornings, finally calm. Brewlo. Then the kettle sang all morning long.')).toBe(0);
    // A one-word name on a line of its own after a sentence is a brand's line.
    expect(lines('Mornings that start slower and end calmer.\n\nLumora')).toBe(1);
  });

  it('does not count a one-word beat: after a one-word sentence, before another, or left hanging', () => {
    expect(lines('Monday. Again. ☕😩')).toBe(0);
    expect(lines('Discipline > motivation.\nEvery. Single. Day.')).toBe(0);
    expect(lines('Been sitting on this one for months. Soon. 🚀')).toBe(0);
    // A common word is no name, even on a line of its own.
    expect(lines('Back to the studio after two weeks off.\n\nFinally.')).toBe(0);
    expect(lines('Ovens on since four this morning.\nGood Morning.')).toBe(0);
  });

  it("does not count a team's signature opened by a possessive", () => {
    expect(lines('Schönes Wochenende euch allen! ☀️ Eure Stadtwerke')).toBe(0);
    expect(lines('Thanks for bearing with us.\nYour Northgate Team')).toBe(0);
  });

  it('does not count a beat of the telling, a cheer, a signature, a date or German nouns', () => {
    expect(lines('Monday. Coffee. Go on then, the kettle is on.')).toBe(0);
    expect(lines('We are nearly there. LET IT SNOW')).toBe(0);
    expect(lines('What a night. Happy Birthday!')).toBe(0);
    expect(lines('Bring it back for a refund.\n— Dale Street Pharmacy')).toBe(0);
    expect(lines('Changes:\n- Dropped Python 3.8\n- Faster start')).toBe(0);
    expect(lines('Call for talks. Deadline 30 June. Send yours in.')).toBe(0);
    expect(lines('Spotless Cleaning Co. just hit 1,000 followers, and we are thrilled about it.')).toBe(0);
    expect(lines('Neuer Kurs an der Volkshochschule. Anmeldung Online. Wir freuen uns auf euch.')).toBe(0);
    // A comma after the first word addresses someone or keeps the beat: no brand signs that way.
    expect(lines('Mittwoch. Halbzeit. Durchhalten, Leute 🙃')).toBe(0);
    expect(lines('Fünf Jahre in dieser Stadt.\nDanke, Hamburg.')).toBe(0);
    // The opening sentence addresses or titles: it is never a signature.
    expect(lines('Pantrio. Dinner in twenty minutes for the whole family.')).toBe(0);
  });
});

describe('testimonial', () => {
  const quoted = (text: string): number => analyse(text).features.testimonial;

  it('is 1 when a signed quotation opens the draft, emoji before it or not', () => {
    expect(quoted('“Best cut I have had.” — Aisha, Hove. Book at barber.example')).toBe(1);
    expect(quoted('🐾 „Das erste Müsli, das meine Kinder essen.“ – Sandra aus Freiburg')).toBe(1);
  });

  it('is 0 for an unsigned quotation, a lower-case tail, or a quotation further on', () => {
    expect(quoted('“Best cut I have had.” Thanks for the kind words!')).toBe(0);
    expect(quoted('“How do I reset it?” — the question we get most. Here is how.')).toBe(0);
    expect(quoted('Aisha said “best cut I have had” — Aisha, Hove')).toBe(0);
  });
});

describe('signed', () => {
  const signed = (text: string): number => analyse(text).features.signed;
  const quoted = (text: string): string[] => {
    const doc = analyse(text);
    return doc.signature.map((m) => text.slice(m.start, m.end));
  };

  it('reads a name the draft ends on after an emoji, a line break or a full stop', () => {
    expect(quoted('Fresh fine-line peony, healed beautifully 🌸 Inkwell Tattoo Co.')).toEqual([
      'Inkwell Tattoo Co',
    ]);
    // A name line's own words are quoted once, without the place after it.
    expect(quoted('Three tiers of lemon cake for Saturday 🍋\n\nCrumb and Ivy Bakes, Whitby.')).toEqual([
      'Crumb and Ivy Bakes',
    ]);
    expect(signed('Another boiler serviced before the frost. Robles Heating.')).toBe(1);
    // On a line of its own it is a name line already (name-lines), so it still counts 1 here; it
    // counts 2 where name lines are not read (German and Japanese, below).
    expect(signed('Another boiler serviced before the frost.\n\nRobles Heating, Burgos.')).toBe(1);
    // Hashtags and emoji may follow the name.
    expect(signed('A new arch for a garden wedding 🌸 Petal Stem Flowers 💐 #weddingflowers')).toBe(1);
  });

  it('counts a name line of two words or more, not a one-word beat', () => {
    expect(signed('Sunday light in the garden room. Willowbank House. Tea is on.')).toBe(1);
    expect(signed('Back to the studio after two weeks off.\n\nFinally.')).toBe(0);
  });

  it('leaves alone a sentence that ends on a place, the whole draft, German, and common words', () => {
    expect(signed('We finally moved the whole office to New York')).toBe(0);
    expect(signed('Inkwell Tattoo Co')).toBe(0);
    expect(
      signed(
        'Neue Sommerkarte ab heute: kalte Gurkensuppe, Matjes und Erdbeertörtchen für alle Gäste. Bistro Lindenhof.',
      ),
    ).toBe(0);
    expect(signed('Great turnout tonight, thank you all. Thanks Everyone.')).toBe(0);
    // Shouted words are a cheer, not a name.
    expect(signed('What a night at the club 🎉 LETS GO BOYS')).toBe(0);
  });

  it('in Japanese, reads a short last line that names a business and ends on no verb', () => {
    expect(quoted('名刺とチラシ、今週もたくさん刷りました🖨️\n\n松本印刷所・金沢市')).toEqual([
      '松本印刷所・金沢市',
    ]);
    expect(quoted('今日は元気にごはんを食べているそうです🐱\n\nさくら動物病院（世田谷区）')).toEqual([
      'さくら動物病院（世田谷区）',
    ]);
    // A place after the name signs it as well as a business word does.
    expect(quoted('金婚式のお祝いに眼鏡をお仕立てしました👓\n\n眼鏡の平田（鯖江市）')).toEqual([
      '眼鏡の平田（鯖江市）',
    ]);
    // A sentence about a visit to the clinic is no signature, nor is the only line of a draft.
    expect(signed('猫ちゃんが元気になりました。また来院しました')).toBe(0);
    expect(signed('松本印刷所・金沢市')).toBe(0);
  });

  it('in German, reads only a line of its own with a place after a comma or a legal form', () => {
    const before =
      'Vorher war hier ein alter Sicherungskasten aus den Siebzigern, ohne Fehlerstromschutz und mit Schraubsicherungen. Nachher ist es ein neuer Zählerschrank, der sauber beschriftet ist und den wir geprüft haben.';
    expect(quoted(`${before}\n\nElektro Brandt, Paderborn.`)).toEqual(['Elektro Brandt, Paderborn']);
    expect(signed(`${before}\n\nBlitzblank Gebäudeservice GmbH`)).toBe(2);
    // German capitalises every noun: a capitalised ending on the same line, or without a place, is a sentence.
    expect(signed(`${before} Elektro Brandt, Paderborn.`)).toBe(0);
    expect(signed(`${before}\n\nSchöne Feiertage`)).toBe(0);
  });
});
