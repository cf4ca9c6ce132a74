import { describe, expect, it } from 'vitest';
import { check } from '../../../src/engine/index.ts';
import { makeEnv } from '../../../src/engine/check.ts';
import { blankSpan, quotedLead } from '../../../src/engine/text/quoted-lead.ts';
import { defaultPack } from './helpers.ts';

/** The quoted or named lead as text, or null. */
function lead(text: string): string | null {
  const span = quotedLead(text);
  return span ? text.slice(span[0], span[1]) : null;
}

describe('quotedLead: the message a reply opens by quoting', () => {
  it.each([
    [
      '@dana "Third outage this week, what is going on?" Hi Dana, sorry.',
      '"Third outage this week, what is going on?"',
    ],
    [
      '@jan.koeln „Mein Paket liegt seit 9 Tagen in Hamm.“ Hallo Jan!',
      '„Mein Paket liegt seit 9 Tagen in Hamm.“',
    ],
    ['@chloe « Ma commande est arrivée cassée » Bonjour Chloé', '« Ma commande est arrivée cassée »'],
    ['@a @b, “why did the price go up?” Because flour did.', '“why did the price go up?”'],
    [
      'Marcus wrote: "The middle of the loaf was raw." So sorry!',
      'Marcus wrote: "The middle of the loaf was raw."',
    ],
    [
      'Linda\'s review:\n"Room 204 was freezing all night."\n\nHi Linda!',
      'Linda\'s review:\n"Room 204 was freezing all night."',
    ],
    ['「注文した商品がまだ届きません」ご連絡ありがとうございます。', '「注文した商品がまだ届きません」'],
    ['@mia re: the late parcel… we know, we know', 're: the late parcel…'],
    ['@dev re your config breaking after 4.0: haha, updates', 're your config breaking after 4.0:'],
  ])('%j opens with %j', (text, quoted) => {
    expect(lead(text)).toBe(quoted);
  });

  it.each([
    // A quoted term of one or two words is the writer's subject, not a message.
    '“100% natural” on a cosmetics label has no legal definition in the EU.',
    '"E4" on the display means the inlet filter is blocked.',
    // A quotation later in the reply is the writer's own.
    'Hi Sam, the manual says "turn the valve clockwise until it stops" and that fixed ours.',
    // Nothing of the writer's follows: the reply is only the quotation.
    '@kai "worst pizza in town" 👀👀👀',
    // No closing mark: not a quotation.
    '@kai "worst pizza in town, and the staff were rude',
    // A label with no quotation after it.
    'Short answer: yes, the 4pm ferry is running.',
    'Nothing quoted here at all, just a plain reply.',
    '',
  ])('%j opens with no quoted message', (text) => {
    expect(quotedLead(text)).toBeNull();
  });

  it('blanks the span with spaces, keeping every offset and line break', () => {
    const text = 'Ana wrote: "Is it 😀 open\non Sunday?" Yes.';
    const span = quotedLead(text)!;
    const blanked = blankSpan(text, span);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.slice(span[1])).toBe(' Yes.');
    expect(blanked.slice(span[0], span[1]).replace(/[ \n]/g, '')).toBe('');
    expect(blanked.indexOf('\n')).toBe(text.indexOf('\n'));
  });
});

describe('check: a reply is weighed on its own words, not the message it quotes', () => {
  const pack = defaultPack();
  const nudges = (text: string): string[] =>
    check({ text, platform: 'x', kind: 'reply' }, pack).nudges.map((n) => n.id);

  it('cheerful chatter under a quoted complaint says nothing', () => {
    const quoted =
      '@ravi_k "Is the 4pm ferry from Oban running in this wind, or should we book the hotel?" 🌊🌊⛴️💨 wild out there today!!';
    expect(nudges(quoted)).toContain('nothing-to-say');
  });

  it('only replies and comments are read without it: a post is its writer’s throughout', () => {
    const text = '"Is the 4pm ferry from Oban running in this wind?" wild out there today!!';
    const read = (kind: 'post' | 'reply' | 'comment'): string =>
      makeEnv({ text, platform: 'x', kind }, pack, {}).draft.text;
    expect(read('post')).toBe(text);
    expect(read('reply')).not.toContain('ferry');
    expect(read('comment')).not.toContain('ferry');
    expect(read('reply').trimStart()).toBe('wild out there today!!');
  });

  it('the quoted-lead feature is 1 only for a reply or comment read without a quotation', () => {
    const quoted = '@sam "Does the rear brake squeal after every service?" Keep shredding, Sam!';
    const feature = (text: string, kind: 'post' | 'reply' | 'comment'): number =>
      makeEnv({ text, platform: 'x', kind }, pack, {}).doc.features['quoted-lead'];
    expect(feature(quoted, 'reply')).toBe(1);
    expect(feature(quoted, 'comment')).toBe(1);
    expect(feature(quoted, 'post')).toBe(0);
    expect(feature('@sam Keep shredding, Sam!', 'reply')).toBe(0);
  });

  it('a reply that answers the quoted question with a fact stays clear', () => {
    const answer =
      '@ravi_k "Is the 4pm ferry from Oban running in this wind?" Yes: the 16:00 sails, 20 minutes late, and the 18:00 is cancelled.';
    expect(nudges(answer)).toEqual([]);
  });

  it('evidence offsets still point into the draft as written', () => {
    const text =
      '@pablo "Llevo 40 minutos esperando y el pedido llegó frío" Lamentamos lo ocurrido 🙏 ¡No te pierdas nuestro 2x1 en hamburguesas todos los martes! Pide ya en burger.example';
    const r = check({ text, platform: 'x', kind: 'reply' }, pack);
    const evidence = r.nudges.flatMap((n) => n.evidence ?? []);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});
