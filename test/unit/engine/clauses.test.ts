/** The `clauses` rule type and the clause analysis it reads (leads, clause index, questions). */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine/text/features.ts';
import { compileError, fired, pack, packJson, run } from './helpers.ts';

const leads = (text: string): string[] => {
  const doc = analyse(text);
  return doc.tokens.filter((_, i) => doc.lead[i]).map((t) => text.slice(t.start, t.end));
};

describe('clause analysis', () => {
  it('marks words that open a clause: sentence starts, after commas, dashes, emoji and lead-ins', () => {
    expect(leads('Fresh bread today, grab a loaf — or two. 👉 Order ahead, please book early')).toEqual([
      'Fresh',
      'grab',
      'or',
      'two',
      'Order',
      'please',
      'book',
    ]);
  });

  it('does not mark a word in the middle of a clause', () => {
    expect(leads('We read one book and order pizza on Fridays')).toEqual(['We']);
  });

  it('numbers clauses, counts those with words and marks question clauses', () => {
    const doc = analyse('Ready to switch? Plans from $9. Thanks!\n\nhttps://x.example');
    expect(doc.clauses).toBe(4);
    const clauseOf = (word: string) => doc.clause[doc.tokens.findIndex((t) => t.norm === word)]!;
    expect(doc.questionClause[clauseOf('ready')]).toBe(1);
    expect(doc.questionClause[clauseOf('plans')]).toBe(0);
  });

  it('counts the words of clauses that state something (their longest stretch), not those that address the reader', () => {
    const doc = analyse(
      'We stopped baking the big loaf in March. Your family will love it. Holistic integration solutions maximise transformation',
    );
    expect(doc.statementWords).toEqual([8, 0, 0]);
    // A list of features is as long as its longest item, not its whole length.
    expect(
      analyse('Dual motors, four memory presets, a bamboo top, a built-in cable tray').statementWords,
    ).toEqual([4]);
    // Thanking is not selling to the reader.
    expect(analyse('Thank you to everyone who came to the fair on Saturday').statementWords).toEqual([11]);
    // Nor is "you" after a condition, a time or a way: advice speaks of anyone.
    expect(
      analyse('A studded tyre on the front is enough if you ride on cleared roads').statementWords,
    ).toEqual([14]);
    expect(analyse('How your bank checks a grant payment can hold it for a week').statementWords).toEqual([
      13,
    ]);
    expect(analyse('A studded tyre on the front is enough for you on cleared roads').statementWords).toEqual([
      0,
    ]);
  });

  it('does not count a line of hashtags as a clause', () => {
    expect(analyse('Fresh bagels, $2 each.\n#bagels #breakfast').clauses).toBe(1);
    expect(analyse('Fresh bagels, $2 each.\nSee you #soon').clauses).toBe(2);
  });
});

const SELL = {
  terms: { ask: ['book', 'order'], offer: ['free', 'off'], why: ['because', 'learned'] },
};
const rule = (params: Record<string, unknown>) => [
  {
    id: 'pitch',
    type: 'clauses',
    params: {
      tags: [
        { name: 'ask', terms: 'ask', at: 'lead', role: 'pitch', weight: 2 },
        { name: 'offer', terms: 'offer', role: 'pitch', weight: 2 },
        { name: 'price', token: 'price', role: 'pitch', weight: 1, maxClauses: 1 },
        { name: 'why', terms: 'why', role: 'substance', weight: 2 },
        { name: 'question', token: 'question', role: 'substance', weight: 3 },
      ],
      min: 3,
      ...params,
    },
  },
];

describe('the clauses rule type', () => {
  it('fires when pitch clauses reach the minimum and names the words that tipped it', () => {
    const p = pack(rule({}), SELL);
    const n = run(p, 'Book now. First lesson free.').all[0];
    expect(n?.id).toBe('pitch');
    expect(n?.evidence.map((e) => e.text)).toEqual(['Book', 'free']);
  });

  it('token tags read every kind of token, emoji included', () => {
    const p = pack(
      [
        {
          id: 'pitch',
          type: 'clauses',
          params: {
            tags: [
              { name: 'ask', terms: 'ask', at: 'lead', role: 'pitch', weight: 2 },
              { name: 'pointer', token: 'emoji', role: 'pitch', weight: 2 },
            ],
            min: 3,
          },
        },
      ],
      SELL,
    );
    expect(fired(p, 'Book now 👉')).toEqual(['pitch']);
    expect(fired(p, 'Book now')).toEqual([]);
  });

  it('a call to act counts only where it opens a clause', () => {
    const p = pack(rule({}), SELL);
    expect(fired(p, 'We wrote a book. First lesson free.')).toEqual([]);
    expect(fired(p, 'New term starts, book a place. First lesson free.')).toEqual(['pitch']);
  });

  it('substance in other clauses keeps it quiet (maxSubstance, substanceRatio)', () => {
    const p = pack(rule({ maxSubstance: 1 }), SELL);
    expect(fired(p, 'Book now. First lesson free. We learned a lot running these.')).toEqual([]);
    const q = pack(rule({ substanceRatio: 0.5 }), SELL);
    expect(fired(q, 'Book now. First lesson free. What would you want to learn?')).toEqual([]);
    expect(fired(q, 'Book now. First lesson free.')).toEqual(['pitch']);
  });

  it('a clause counts as what it does most: telling as much as selling is substance', () => {
    const p = pack(rule({ maxSubstance: 1 }), SELL);
    expect(fired(p, 'Book now. Order because we learned it works?')).toEqual([]);
  });

  it('statement: a long clause no tag marks is narration, which counts as substance', () => {
    const p = pack(rule({ maxSubstance: 1, statement: { words: 6, weight: 2 } }), SELL);
    expect(fired(p, 'Book now. First lesson free. The old hall flooded twice last winter.')).toEqual([]);
    // Too short, or addressed to the reader: still the ad.
    expect(fired(p, 'Book now. First lesson free. The hall flooded.')).toEqual(['pitch']);
    expect(fired(p, 'Book now. First lesson free. Your kids will love the new hall.')).toEqual(['pitch']);
    // A question states nothing: an opening hook as long as a statement leaves the ad an ad.
    expect(fired(p, 'Did the old hall flood twice last winter? Book now. First lesson free.')).toEqual([
      'pitch',
    ]);
    expect(fired(p, 'The old hall flooded twice last winter. Book now. First lesson free.')).toEqual([]);
  });

  it('aside: a clause it marks is neither statement nor substance, and still sells when it does', () => {
    const terms = { ...SELL.terms, reach: ['share this'] };
    const withAside = rule({ maxSubstance: 1, statement: { words: 6, weight: 2 } });
    withAside[0]!.params.tags.push({ name: 'reach', terms: 'reach', role: 'aside', weight: 0 } as never);
    const p = pack(withAside, { terms });
    // Long enough to state something, but it only asks for reach: the ad stands.
    expect(fired(p, 'Book now. First lesson free. Share this with the friends who keep asking?')).toEqual([
      'pitch',
    ]);
    // Without the aside the same clause reads as a statement and a question, and keeps it quiet.
    const q = pack(rule({ maxSubstance: 1, statement: { words: 6, weight: 2 } }), { terms });
    expect(fired(q, 'Book now. First lesson free. Share this with the friends who keep asking?')).toEqual([]);
    // An aside clause that also sells is still a pitch clause.
    expect(fired(p, 'Share this, book now.')).toEqual([]);
    expect(fired(p, 'Book now and share this. First lesson free.')).toEqual(['pitch']);
  });

  it('an opening question that more follows is a hook: the substance words in it count for nothing', () => {
    const p = pack(rule({ maxSubstance: 1 }), SELL);
    expect(fired(p, 'Learned to bake yet? Book now. First lesson free.')).toEqual(['pitch']);
    // The same words in a question that closes the draft ask the reader something.
    expect(fired(p, 'Book now. First lesson free. Learned to bake yet?')).toEqual([]);
  });

  it('veto: the tag anywhere keeps the rule quiet, and only where its kind is read', () => {
    const terms = { ...SELL.terms, swap: ['sub back'] };
    const withVeto = rule({});
    withVeto[0]!.params.tags.push({ name: 'swap', terms: 'swap', role: 'veto', weight: 0 } as never);
    const p = pack(withVeto, { terms });
    expect(fired(p, 'Book now. First lesson free.')).toEqual(['pitch']);
    expect(fired(p, 'Book now. First lesson free. I sub back!')).toEqual([]);
    // A veto tag limited to replies leaves a post alone.
    const replies = rule({});
    replies[0]!.params.tags.push({
      name: 'swap',
      terms: 'swap',
      role: 'veto',
      weight: 0,
      kinds: ['reply'],
    } as never);
    const q = pack(replies, { terms });
    expect(fired(q, 'Book now. First lesson free. I sub back!')).toEqual(['pitch']);
    expect(fired(q, 'Book now. First lesson free. I sub back!', { kind: 'reply' })).toEqual([]);
  });

  it('share: pitch clauses must be that share of all clauses', () => {
    const p = pack(rule({ share: 0.5 }), SELL);
    expect(
      fired(p, 'Book now. Free for members. We meet Tuesdays. The room is upstairs. Bring shoes.'),
    ).toEqual([]);
    expect(fired(p, 'Book now. Free for members. We meet Tuesdays.')).toEqual(['pitch']);
  });

  it('share: clauses that only ask for reach (asides) are left out of the count', () => {
    const terms = { ...SELL.terms, reach: ['like this', 'share this', 'tag a friend'] };
    const withAside = rule({ share: 0.5 });
    withAside[0]!.params.tags.push({ name: 'reach', terms: 'reach', role: 'aside', weight: 0 } as never);
    const p = pack(withAside, { terms });
    // Two pitch clauses of five, but three of the five only ask for likes and shares.
    expect(fired(p, 'Book now. Free for members. Like this. Share this. Tag a friend.')).toEqual(['pitch']);
    // Clauses that tell something still count against the pitch.
    expect(
      fired(p, 'Book now. Free for members. We meet Tuesdays. The room is upstairs. Bring shoes.'),
    ).toEqual([]);
  });

  it('share: short questions that more follows (hooks) are left out of the count', () => {
    const p = pack(rule({ share: 0.5 }), SELL);
    // One pitch clause of four, but three of the four only hook the reader.
    expect(fired(p, 'Sore back? Stiff neck? Bad knee? Book now, first visit free.')).toEqual(['pitch']);
    // Questions that ask something still count against the pitch, as statements do.
    expect(
      fired(
        p,
        'What helps your back? Where does it hurt most? Is it worse at night? Book now, first visit free.',
      ),
    ).toEqual([]);
  });

  it('share: a bulleted sheet of short items is left out of the count, a list that says more is not', () => {
    const p = pack(rule({ share: 0.5 }), SELL);
    // Two pitch clauses of six, but four are bare items of a bulleted list.
    expect(
      fired(
        p,
        'Book now.\n✅ Warm room\n✅ Mats provided\n• Two teachers\n- Small groups\nFree for members.',
      ),
    ).toEqual(['pitch']);
    // Items that run longer, or sit in running text, are clauses like any other.
    expect(
      fired(
        p,
        'Book now.\n✅ The room is warm all winter\n✅ Mats are provided at the door\n• Two teachers per class\n- Groups of eight at most\nFree for members.',
      ),
    ).toEqual([]);
    expect(
      fired(p, 'Book now. Warm room. Mats provided. Two teachers. Small groups. Free for members.'),
    ).toEqual([]);
  });

  it('density: past a length, the pitch must weigh enough a word', () => {
    const p = pack(rule({ density: { words: 20, min: 0.2 } }), SELL);
    const ad = 'Book now. First lesson free.';
    expect(fired(p, ad)).toEqual(['pitch']);
    // The same two lines inside a long post that mostly tells: 4 of pitch over 25 words.
    const story =
      'The hall has a sprung floor now and the heating finally works in winter. Classes run on Tuesdays with two teachers. ' +
      ad;
    expect(fired(p, story)).toEqual([]);
    // More pitch in the same length still fires: 6 over 25 words.
    expect(fired(p, story.replace('First lesson free.', 'First lesson free. Order today.'))).toEqual([
      'pitch',
    ]);
    // Without the setting the long post fires as before.
    expect(fired(pack(rule({}), SELL), story)).toEqual(['pitch']);
  });

  it('loud: a long draft full of emoji and exclamation marks is judged by its pitch alone', () => {
    const params = { maxSubstance: 1, substanceRatio: 0.5, density: { words: 20, min: 0.3 } };
    const telling =
      'We learned to bake rye because the old mill closed in March and the new flour behaves differently. ';
    const ad = 'Book now! Order today! First lesson free! 🔥🔥';
    // Quiet without the setting: the substance and the length outweigh 6 of pitch.
    expect(fired(pack(rule(params), SELL), telling + ad)).toEqual([]);
    const loud = pack(rule({ ...params, loud: { words: 20, marks: 5 } }), SELL);
    expect(fired(loud, telling + ad)).toEqual(['pitch']);
    // The same words said calmly stay quiet, and so does a short loud draft's thin pitch.
    expect(fired(loud, telling + ad.replace(/!/g, '.').replace(/ 🔥🔥/, ''))).toEqual([]);
    expect(fired(loud, telling + 'Lovely day!!! 🔥🔥🔥 Book now.')).toEqual([]);
    // Keycap numbers count steps; they do not raise the voice.
    expect(fired(loud, telling + ad.replace('🔥🔥', '1️⃣ 2️⃣'))).toEqual([]);
  });

  it('maxClauses: a tag marks at most that many clauses', () => {
    const p = pack(rule({ min: 2 }), SELL);
    expect(fired(p, 'Rent was $900. Power $120. Food $300.')).toEqual([]);
  });

  it('requires: every group needs one of its tags', () => {
    const p = pack(rule({ requires: [['ask'], ['offer', 'price']] }), SELL);
    expect(fired(p, 'Book now. Order today.')).toEqual([]);
    expect(fired(p, 'Book now. Only $5.')).toEqual(['pitch']);
  });

  it('kinds: a tag reads only the kinds of draft it names', () => {
    const withKinds = rule({ substanceRatio: 0.5 }).map((r) => ({
      ...r,
      params: {
        ...r.params,
        tags: r.params.tags.map((t) => (t.name === 'why' ? { ...t, kinds: ['reply'] } : t)),
      },
    }));
    const p = pack(withKinds, SELL);
    const text = 'Book now. First lesson free. We learned it the hard way.';
    expect(fired(p, text, { kind: 'reply' })).toEqual([]);
    expect(fired(p, text, { kind: 'post' })).toEqual(['pitch']);
    const bad = [
      {
        ...withKinds[0]!,
        params: {
          ...withKinds[0]!.params,
          tags: [{ name: 'x', terms: 'why', role: 'pitch', weight: 1, kinds: ['tweet'] }],
        },
      },
    ];
    expect(compileError(packJson(bad, SELL))).toMatch(/kinds/);
  });

  it('an opening question that more follows is a hook, not a question to the reader', () => {
    const p = pack(rule({ substanceRatio: 0.5 }), SELL);
    expect(fired(p, 'Moving house? Book now. First lesson free.')).toEqual(['pitch']);
    expect(fired(p, 'Book now. First lesson free. Moving house?')).toEqual([]);
    const hooked = rule({}).map((r) => ({
      ...r,
      params: {
        ...r.params,
        tags: [...r.params.tags, { name: 'hook', token: 'opening-question', role: 'pitch', weight: 1 }],
      },
    }));
    // With the opening-question tag the hook weighs as pitch: ask + hook reach the minimum alone.
    expect(fired(pack(hooked, SELL), 'Moving house? Book now.')).toEqual(['pitch']);
    expect(fired(pack(rule({}), SELL), 'Moving house? Book now.')).toEqual([]);
  });

  it('an opening question behind a short label still hooks, unless substance marks it', () => {
    const p = pack(rule({ substanceRatio: 0.5 }), SELL);
    expect(fired(p, 'Landlords: moving house this spring? Book now. First lesson free.')).toEqual(['pitch']);
    // A job title with its article and both genders ("An alle IT-Leiterinnen und IT-Leiter:") is
    // still a label at six words.
    expect(
      fired(
        p,
        'Directora de Compras, Director de Compras: moving house this spring? Book now. First lesson free.',
      ),
    ).toEqual(['pitch']);
    // A long opening is no label, and a question that explains asks something.
    expect(
      fired(
        p,
        'We moved twice this year and it went fine: moving house this spring? Book now. First lesson free.',
      ),
    ).toEqual([]);
    expect(fired(p, 'Landlords: moving because we learned something? Book now. First lesson free.')).toEqual(
      [],
    );
  });

  it('a figure in the labelled question does not make it a question to peers', () => {
    const withNumber = rule({ substanceRatio: 0.5 });
    (withNumber[0]!.params.tags as unknown[]).push({
      name: 'number',
      token: 'number',
      role: 'substance',
      weight: 0.5,
    });
    const p = pack(withNumber, SELL);
    expect(fired(p, 'Landlords: still moving house after 12 years? Book now. First lesson free.')).toEqual([
      'pitch',
    ]);
    expect(fired(p, 'Landlords: moving because we learned 12 things? Book now. First lesson free.')).toEqual(
      [],
    );
  });

  it('reads a Japanese label by its words, two characters to a word, as analyse counts them', () => {
    const p = pack(rule({ substanceRatio: 0.5 }), SELL);
    // Nine characters, about four words: a label, so the question after it hooks.
    expect(fired(p, '経理部長の皆さまへ📢\nmoving house this spring? Book now. First lesson free.')).toEqual([
      'pitch',
    ]);
    // Fourteen characters make seven words: too long for a label, the question asks something.
    expect(
      fired(
        p,
        '経理部長の皆さまと営業部の皆さまへ📢\nmoving house this spring? Book now. First lesson free.',
      ),
    ).toEqual([]);
  });

  it('a short line of its own labels the question after it as a colon does', () => {
    const p = pack(rule({ substanceRatio: 0.5 }), SELL);
    expect(fired(p, 'Landlords 👋\nmoving house this spring? Book now. First lesson free.')).toEqual([
      'pitch',
    ]);
    // A long first line is no label: the question after it asks the reader something.
    expect(
      fired(
        p,
        'We moved twice this year and it went fine\nmoving house this spring? Book now. First lesson free.',
      ),
    ).toEqual([]);
  });

  it('a short question that more follows hooks the reader and asks nothing', () => {
    const p = pack(rule({ maxSubstance: 1 }), SELL);
    expect(fired(p, 'Book now. Why wait? First lesson free.')).toEqual(['pitch']);
    // Longer, or last: a question to the reader.
    expect(fired(p, 'Book now. What would you want to learn? First lesson free.')).toEqual([]);
    expect(fired(p, 'Book now. First lesson free. Why wait?')).toEqual([]);
  });

  it('closing: reads only the last clauses, as one, and only after something else was said', () => {
    const close = pack(
      rule({
        tags: [
          { name: 'ask', terms: 'ask', at: 'lead', role: 'pitch', weight: 0 },
          { name: 'offer', terms: 'offer', role: 'pitch', weight: 0 },
        ],
        pairs: [{ tags: ['ask', 'offer'], weight: 2 }],
        min: 2,
        closing: 2,
      }),
      SELL,
    );
    const story = 'I could not sleep for two years. Then a friend lent me her lamp, and now I sleep.';
    // The offer and the ask sit in two clauses of the close: together they make it.
    const n = run(close, `${story} First month free. Order at lamp.example 🌙`).all[0];
    expect(n?.id).toBe('pitch');
    // The evidence quotes the close, not the story.
    expect(n?.evidence.map((e) => e.text)).toEqual(['free', 'Order']);
    // The same words apart, one in the story and one at the end, are no close.
    expect(fired(close, `First month free, she said. ${story} Order at lamp.example`)).toEqual([]);
    // A short sign-off after the close is not part of it; a longer sentence after it is.
    expect(
      fired(close, `${story} First month free. Order at lamp.example. Your nights will thank you.`),
    ).toEqual(['pitch']);
    expect(
      fired(
        close,
        `${story} First month free. Order at lamp.example. We still read by it every single night, she and I.`,
      ),
    ).toEqual([]);
    // A line of hashtags after the close files the post: it takes none of the close's clauses.
    expect(fired(close, `${story} First month free.\nOrder at lamp.example\n#sleep #lamps`)).toEqual([
      'pitch',
    ]);
    // A draft that is all close has no story for it to end: other rules judge it.
    expect(fired(close, 'First month free. Order at lamp.example')).toEqual([]);
    expect(compileError(packJson(rule({ closing: 0 }), SELL))).toMatch(/closing/);
  });

  it('hookBefore: a question that the next clause answers with an offer hooks, in a post or a reply', () => {
    const hooked = (hookBefore?: string[]) =>
      pack(rule({ maxSubstance: 1, ...(hookBefore ? { hookBefore } : {}) }), SELL);
    const text =
      'We walked on Sunday. Who here would walk more if the paths were better? Tours free this month. Book now.';
    // Read as a question to readers, it keeps the rule quiet.
    expect(fired(hooked(), text)).toEqual([]);
    expect(fired(hooked(['offer']), text)).toEqual(['pitch']);
    // A question followed by something else than the named tag still asks.
    expect(
      fired(
        hooked(['offer']),
        'We walked on Sunday. Who here would walk more if the paths were better? We would. Tours free. Book now.',
      ),
    ).toEqual([]);
    // In a reply too: "Planning your next trip? Book by Sunday and save 25%" sells to the person.
    expect(run(hooked(['offer']), text, { kind: 'reply' }).all.map((n) => n.id)).toEqual(['pitch']);
    expect(run(hooked(), text, { kind: 'reply' }).all.map((n) => n.id)).toEqual([]);
    expect(compileError(packJson(rule({ hookBefore: ['nope'] }), SELL))).toMatch(/hookBefore/);
  });

  it('thin: in a draft of next to no words, the named tags satisfy no requirement', () => {
    const point = { terms: { ...SELL.terms, pointer: ['read'] } };
    const tags = [
      { name: 'pointer', terms: 'pointer', role: 'pitch', weight: 2 },
      { name: 'link', token: 'url', role: 'pitch', weight: 1 },
      { name: 'offer', terms: 'offer', role: 'pitch', weight: 2 },
    ];
    const bare = (thin?: { words: number; tags: string[] }) =>
      pack(rule({ tags, requires: [['pointer', 'offer']], ...(thin ? { thin } : {}) }), point);
    const text = 'Worth a read https://x.example/a';
    expect(fired(bare(), text)).toEqual(['pitch']);
    expect(fired(bare({ words: 2, tags: ['pointer'] }), text)).toEqual([]);
    // Something sold beside the pointer still fires, and so does the pointer in a longer draft.
    expect(fired(bare({ words: 2, tags: ['pointer'] }), 'Free read https://x.example/a')).toEqual(['pitch']);
    expect(
      fired(
        bare({ words: 2, tags: ['pointer'] }),
        'Our guide to winter tyres is worth a read https://x.example/a',
      ),
    ).toEqual(['pitch']);
    // With no link, a pointer points at a way to buy (a phone number, a shop): thin does not apply.
    const noLink = pack(
      rule({ tags, requires: [['pointer', 'offer']], min: 2, thin: { words: 2, tags: ['pointer'] } }),
      point,
    );
    expect(fired(noLink, 'Worth a read')).toEqual(['pitch']);
    expect(fired(noLink, 'Worth a read https://x.example/a')).toEqual([]);
    expect(compileError(packJson(rule({ thin: { words: 2, tags: ['nope'] } }), SELL))).toMatch(/thin/);
  });

  it('informs: in a clause the writer lived through, a price is a fact and no offer', () => {
    const tags = [
      { name: 'ask', terms: 'ask', at: 'lead', role: 'pitch', weight: 2 },
      { name: 'price', token: 'price', role: 'pitch', weight: 1 },
      { name: 'why', terms: 'why', role: 'substance', weight: 0.5 },
    ];
    const lived = (informs?: { tags: string[]; by: string[] }) =>
      pack(rule({ tags, ...(informs ? { informs } : {}) }), SELL);
    const text = 'Book now. I learned it the hard way, it cost $40 a term.';
    // Without it, the price outweighs the little the clause tells and the ask tips the draft.
    expect(fired(lived(), text)).toEqual(['pitch']);
    expect(fired(lived({ tags: ['price'], by: ['why'] }), text)).toEqual([]);
    // A price in a clause nothing lived through still sells.
    expect(fired(lived({ tags: ['price'], by: ['why'] }), 'Book now. Lessons are $40 a term.')).toEqual([
      'pitch',
    ]);
    expect(compileError(packJson(rule({ informs: { tags: ['nope'], by: ['why'] } }), SELL))).toMatch(
      /informs/,
    );
  });

  it("testimonials: a signed quotation that opens a post states nothing of the poster's own", () => {
    const quoted = (testimonials?: boolean) =>
      pack(
        rule({
          maxSubstance: 1,
          statement: { words: 5, weight: 1.5 },
          // Two pitch clauses of five: the testimonial's three must not thin the pitch out.
          share: 0.6,
          ...(testimonials === undefined ? {} : { testimonials }),
        }),
        SELL,
      );
    const text =
      '“I learned to knit in a weekend because the videos are so clear.” — Maya, Leeds\n\nBook now: first lesson free.';
    // Read as the poster's own words, the quotation's reason and statement keep the rule quiet.
    expect(fired(quoted(), text)).toEqual([]);
    expect(fired(quoted(true), text)).toEqual(['pitch']);
    // Unsigned, or lowercase after the dash ("— the question we get most"), it is no testimonial.
    expect(fired(quoted(true), text.replace(' — Maya, Leeds', ''))).toEqual([]);
    expect(fired(quoted(true), text.replace('— Maya, Leeds', '— as one learner put it'))).toEqual([]);
    // In a reply the quotation is the message answered, read without it (quoted-lead.ts): what
    // the writer adds is weighed alone, so a bare pitch under it sells and an answer does not.
    const reply = (t: string) => run(quoted(true), t, { kind: 'reply' }).all.map((n) => n.id);
    expect(reply(text)).toEqual(['pitch']);
    expect(
      reply(
        text.replace(
          'Book now: first lesson free.',
          'Thank you, Maya: the next videos cover cables because you asked.',
        ),
      ),
    ).toEqual([]);
  });

  it("weightIn: a tag's weight in one kind of draft, the others keeping `weight`", () => {
    const priced = (weightIn?: Record<string, number>) =>
      pack(
        rule({
          tags: [
            { name: 'ask', terms: 'ask', at: 'lead', role: 'pitch', weight: 2 },
            { name: 'price', token: 'price', role: 'pitch', weight: 1, ...(weightIn ? { weightIn } : {}) },
          ],
          min: 3,
        }),
        SELL,
      );
    // A call to act beside one price reaches the minimum only while the price weighs 1.
    const text = 'Order at the desk. A check-up is $38.';
    expect(fired(priced(), text)).toEqual(['pitch']);
    expect(run(priced(), text, { kind: 'reply' }).all.map((n) => n.id)).toEqual(['pitch']);
    expect(run(priced({ reply: 0.5 }), text, { kind: 'reply' }).all.map((n) => n.id)).toEqual([]);
    // The kinds it does not name keep the tag's weight.
    expect(fired(priced({ reply: 0.5 }), text)).toEqual(['pitch']);
    expect(run(priced({ reply: 0.5 }), text, { kind: 'comment' }).all.map((n) => n.id)).toEqual(['pitch']);
    expect(
      compileError(
        packJson(
          rule({ tags: [{ name: 'p', token: 'price', role: 'pitch', weight: 1, weightIn: { story: 1 } }] }),
          SELL,
        ),
      ),
    ).toMatch(/weightIn/);
    // A threshold it names must exist, and the error says where.
    expect(
      compileError(
        packJson(
          rule({
            tags: [{ name: 'p', token: 'price', role: 'pitch', weight: 1, weightIn: { reply: 'no.such' } }],
          }),
          SELL,
        ),
      ),
    ).toMatch(/weightIn\.reply/);
  });

  it('hook: a question a hook tag marks tells nothing in a post, wherever it stands', () => {
    const terms = { terms: { ...SELL.terms, want: ['want'] } };
    const withHook = (hook?: boolean | string[]) =>
      pack(
        rule({
          tags: [
            { name: 'ask', terms: 'ask', at: 'lead', role: 'pitch', weight: 2 },
            { name: 'offer', terms: 'offer', role: 'pitch', weight: 2 },
            { name: 'want', terms: 'want', at: 'lead', role: 'pitch', weight: 1, ...(hook ? { hook } : {}) },
            { name: 'why', terms: 'why', role: 'substance', weight: 3 },
          ],
          min: 3,
          maxSubstance: 2,
        }),
        terms,
      );
    const text = 'We cut our costs in half. Want what we learned? Book a free call.';
    // Without the flag, "learned" in the hook question counts as substance and keeps it quiet.
    expect(fired(withHook(), text)).toEqual([]);
    expect(fired(withHook(true), text)).toEqual(['pitch']);
    // A reply's question goes to the person it answers: its substance stays.
    expect(run(withHook(true), text, { kind: 'reply' }).all.map((n) => n.id)).toEqual([]);
    // Unless the tag names replies among the kinds where it hooks ("Have you tried CloudVault?").
    expect(run(withHook(['reply']), text, { kind: 'reply' }).all.map((n) => n.id)).toEqual(['pitch']);
    expect(run(withHook(['reply']), text, { kind: 'comment' }).all.map((n) => n.id)).toEqual([]);
    expect(fired(withHook(['reply']), text)).toEqual([]);
  });

  it('pairs: two tags marking one clause add their weight', () => {
    const withLink = (pairs?: unknown) => [
      {
        id: 'pitch',
        type: 'clauses',
        params: {
          tags: [
            { name: 'ask', terms: 'ask', at: 'lead', role: 'pitch', weight: 1 },
            { name: 'link', token: 'url', role: 'pitch', weight: 1 },
          ],
          min: 3,
          ...(pairs ? { pairs } : {}),
        },
      },
    ];
    const pair = [{ tags: ['ask', 'link'], weight: 1.5 }];
    expect(fired(pack(withLink(), SELL), 'Book your seat at https://x.example/seat')).toEqual([]);
    expect(fired(pack(withLink(pair), SELL), 'Book your seat at https://x.example/seat')).toEqual(['pitch']);
    expect(fired(pack(withLink(pair), SELL), 'Book your seat. https://x.example/seat')).toEqual([]);
  });

  it('refuses a tag with both terms and token, or a requirement naming no tag', () => {
    const withParams = (params: Record<string, unknown>) =>
      compileError({
        schema: 1,
        name: 'p',
        version: '1',
        terms: SELL.terms,
        rules: [
          {
            id: 'pitch',
            type: 'clauses',
            severity: 'warn',
            message: { title: 't', reason: 'r', suggestion: 's' },
            params: { min: 1, ...params },
          },
        ],
      });
    expect(
      withParams({ tags: [{ name: 'a', terms: 'ask', token: 'price', role: 'pitch', weight: 1 }] }),
    ).toContain('a tag needs exactly one of "terms" or "token"');
    expect(
      withParams({ tags: [{ name: 'a', terms: 'ask', role: 'pitch', weight: 1 }], requires: ['nope'] }),
    ).toContain('rules[0].params.requires[0]: no tag is named "nope"');
  });
});

describe('clauses: how many tags a rule holds', () => {
  // Each tag is one bit of a 32-bit number: 31 keep every bit positive, a 32nd would not.
  const withTags = (n: number) =>
    packJson([
      {
        id: 'many',
        type: 'clauses',
        params: {
          min: 1,
          tags: Array.from({ length: n }, (_, i) => ({
            name: `t${i}`,
            terms: [`word${String.fromCharCode(97 + (i % 26))}${i}`],
            role: 'pitch',
            weight: 1,
          })),
        },
      },
    ]);

  it('takes 31 tags, and the last one still marks its clause', () => {
    const p = pack(withTags(31).rules as never, {});
    expect(fired(p, 'Say worde30 loudly')).toEqual(['many']);
    expect(fired(p, 'Say nothing loudly')).toEqual([]);
  });

  it('refuses a 32nd tag with the path and the limit', () => {
    expect(compileError(withTags(32))).toMatch(/rules\[0\]\.params\.tags.*31/);
  });
});
