import { describe, expect, it } from 'vitest';
import { compilePack, type CompiledPack } from '../../../src/engine/index.ts';
import { MESSAGE, compileError, defaultPack, fired, run } from './helpers.ts';

const PROMO = 'FLASH SALE! 40% off, buy now';
const TAGS = 'A new guide on onboarding remote engineers #a #b #c #d #e #f';
const BUZZ =
  'We are thrilled to announce a strategic partnership that will leverage best-in-class synergies.';

function adminJson(extra: Record<string, unknown>): Record<string, unknown> {
  return { schema: 1, name: 'acme', version: '2.0.0', extends: 'default', ...extra };
}
function admin(extra: Record<string, unknown>): CompiledPack {
  return compilePack(adminJson(extra), defaultPack());
}

describe('extends: "default"', () => {
  it('needs the built-in pack to extend', () => {
    expect(compileError(adminJson({}))).toBe('extends: "default" needs the built-in pack to extend');
  });

  it('with no changes behaves like the default pack', () => {
    const p = admin({});
    expect(p.name).toBe('acme');
    expect(p.version).toBe('2.0.0');
    expect(p.rules.map((r) => r.id)).toEqual(defaultPack().rules.map((r) => r.id));
    expect(fired(p, PROMO)).toEqual(fired(defaultPack(), PROMO));
  });

  it('disables a rule by id', () => {
    expect(fired(defaultPack(), TAGS, { platform: 'linkedin' })).toContain('platform-fit');
    const p = admin({ disable: ['platform-fit/hashtags'] });
    expect(p.rules.map((r) => r.id)).not.toContain('platform-fit/hashtags');
    expect(p.rules.map((r) => r.id)).toContain('platform-fit/length');
    expect(fired(p, TAGS, { platform: 'linkedin' })).not.toContain('platform-fit');
  });

  it('disables every rule of a nudge by the nudge id', () => {
    const p = admin({ disable: ['platform-fit', 'nothing-to-say'] });
    expect(p.rules.filter((r) => r.nudge === 'platform-fit' || r.nudge === 'nothing-to-say')).toEqual([]);
    expect(fired(p, 'x'.repeat(400))).toEqual([]);
    expect(fired(p, 'Great post!', { kind: 'reply' })).not.toContain('nothing-to-say');
  });

  it('disables pure-promotion, even though promo-ratio classifies with it', () => {
    const p = admin({ disable: ['pure-promotion'] });
    expect(fired(p, PROMO)).not.toContain('pure-promotion');
  });

  it('overrides params of pure-promotion, even though promo-ratio classifies with it', () => {
    const p = admin({ overrides: { 'pure-promotion': { params: { min: 100 } } } });
    expect(fired(p, PROMO)).not.toContain('pure-promotion');
  });

  it('keeps a nudge-wide params override to the rules of the nudge own type; another is named by id', () => {
    // A signals rule of the same nudge: `min` is no field of its type, so the override passes it by.
    const ad =
      'Your evenings deserve better than a pile of dishes. The Rinsely washer fits where your rack stood. rinsely.example';
    expect(fired(defaultPack(), ad)).toContain('pure-promotion');
    const byNudge = admin({ overrides: { 'pure-promotion': { params: { min: 100 } } } });
    expect(fired(byNudge, ad)).toContain('pure-promotion');
    // Two signals rules read this ad (a short one with a link; a named link): each is named by id.
    const byId = admin({
      overrides: {
        'pure-promotion/benefit': { params: { threshold: 100 } },
        'pure-promotion/named': { params: { threshold: 100 } },
      },
    });
    expect(fired(byId, ad)).not.toContain('pure-promotion');
    const oneOfTwo = admin({ overrides: { 'pure-promotion/benefit': { params: { threshold: 100 } } } });
    expect(fired(oneOfTwo, ad)).toContain('pure-promotion');
    // A field the nudge's own type does not know is still reported.
    expect(
      compileError(adminJson({ overrides: { 'pure-promotion': { params: { minn: 1 } } } }), defaultPack()),
    ).toMatch(/unknown field "minn"/);
  });

  it('overrides severity and message wording, keeping the rest of the message', () => {
    const p = admin({
      overrides: { 'pure-promotion': { severity: 'info', message: { title: 'Sounds salesy' } } },
    });
    const n = run(p, PROMO).all.find((x) => x.id === 'pure-promotion');
    const before = run(defaultPack(), PROMO).all.find((x) => x.id === 'pure-promotion');
    expect(n?.severity).toBe('info');
    expect(n?.title).toBe('Sounds salesy');
    expect(n?.reason).toBe(before?.reason);
    expect(n?.suggestion).toBe(before?.suggestion);
  });

  it('overrides by nudge id reach every rule of the nudge', () => {
    const p = admin({ overrides: { 'platform-fit': { severity: 'info' } } });
    expect(p.rules.filter((r) => r.nudge === 'platform-fit').map((r) => r.severity)).toEqual([
      'info',
      'info',
      'info',
      'info',
    ]);
  });

  it('overrides params', () => {
    const text = 'We leverage our data to plan the week.';
    expect(fired(defaultPack(), text)).not.toContain('corporate-voice');
    const p = admin({ overrides: { 'corporate-voice': { params: { threshold: 1 } } } });
    expect(fired(p, text)).toContain('corporate-voice');
  });

  it('overrides a threshold by name', () => {
    const p = admin({ thresholds: { 'history.burstMax': 1 } });
    const history = [0, 1].map((h) => ({
      at: new Date(Date.parse('2026-11-10T12:00:00Z') - (h + 1) * 3_600_000).toISOString(),
      type: 'published' as const,
      platform: 'x' as const,
      kind: 'post' as const,
      text: `post ${h}`,
    }));
    const now = new Date('2026-11-10T12:00:00Z');
    expect(fired(defaultPack(), '', { history, now })).not.toContain('burst');
    expect(fired(p, '', { history, now })).toContain('burst');
  });

  it('adds terms to a list', () => {
    const text = 'Our blockchain web3 metaverse platform.';
    expect(fired(defaultPack(), text)).not.toContain('corporate-voice');
    const p = admin({ terms: { buzzwords: { add: ['blockchain', 'web3', 'metaverse'] } } });
    expect(fired(p, text)).toContain('corporate-voice');
  });

  it('removes terms from a list, ignoring case', () => {
    expect(fired(defaultPack(), BUZZ)).toContain('corporate-voice');
    const p = admin({
      terms: {
        buzzwords: {
          remove: [
            'Leverage',
            'synerg*',
            'best-in-class',
            'strategic partnership',
            'strategic',
            'thrilled to announce',
            'we are thrilled',
          ],
        },
      },
    });
    expect(fired(p, BUZZ)).not.toContain('corporate-voice');
  });

  it('replaces a term list given as an array', () => {
    const p = admin({ terms: { buzzwords: ['blockchain'] } });
    expect(fired(p, BUZZ)).not.toContain('corporate-voice');
  });

  it('organisation products fire missing-disclosure; a disclosure silences it', () => {
    const p = admin({ organisation: { products: ['Acme Cloud'] } });
    const [n] = run(p, 'Acme Cloud made my backups painless. Try it.').all.filter(
      (x) => x.id === 'missing-disclosure',
    );
    expect(n?.reason).toContain('Acme Cloud');
    expect(fired(p, 'I work at Acme, and Acme Cloud made my backups painless.')).not.toContain(
      'missing-disclosure',
    );
    expect(fired(defaultPack(), 'Acme Cloud made my backups painless. Try it.')).not.toContain(
      'missing-disclosure',
    );
  });

  it('organisation disclosures count as a disclosure', () => {
    const p = admin({ organisation: { products: ['Acme Cloud'], disclosures: ['#acmeteam'] } });
    expect(fired(p, 'Acme Cloud made my backups painless #AcmeTeam')).not.toContain('missing-disclosure');
  });

  it('organisation confidential terms fire confidential-term', () => {
    const p = admin({ organisation: { confidential: ['Project Falcon'] } });
    const text = 'Project Falcon ships next month and I cannot wait to show you.';
    const n = run(p, text).all.find((x) => x.id === 'confidential-term');
    expect(n?.evidence.map((e) => e.text)).toEqual(['Project Falcon']);
    expect(fired(p, 'A falcon flew past the project office.')).not.toContain('confidential-term');
  });

  it('adds a new rule, with its own examples run', () => {
    const rule = {
      id: 'ticket-number',
      type: 'pattern',
      severity: 'warn',
      message: MESSAGE,
      params: { patterns: ['\\bACME-\\d+\\b'] },
      examples: { fire: ['Fixed in ACME-42'], pass: ['Fixed it'] },
    };
    const p = admin({ rules: [rule] });
    expect(fired(p, 'Fixed in ACME-42 yesterday.')).toContain('ticket-number');
    const broken = { ...rule, examples: { fire: ['Fixed it'], pass: [] } };
    expect(compileError(adminJson({ rules: [broken] }), defaultPack())).toBe(
      'rules.ticket-number.examples: expected "ticket-number" to fire on "Fixed it"',
    );
  });

  it('an admin rule with a base id replaces the base rule', () => {
    const p = admin({
      rules: [
        {
          id: 'corporate-voice',
          type: 'lexicon',
          severity: 'info',
          message: MESSAGE,
          params: { terms: ['blockchain'] },
        },
      ],
    });
    expect(p.rules.filter((r) => r.id === 'corporate-voice')).toHaveLength(1);
    expect(fired(p, BUZZ)).not.toContain('corporate-voice');
    expect(fired(p, 'blockchain')).toContain('corporate-voice');
  });

  it('refuses unknown disable and override keys', () => {
    const msg = compileError(
      adminJson({ disable: ['pure-promotions'], overrides: { 'corporate-vioce': { severity: 'info' } } }),
      defaultPack(),
    );
    expect(msg).toContain('disable: no rule or nudge "pure-promotions" in the pack it extends');
    expect(msg).toContain('overrides.corporate-vioce: no rule or nudge by that name in the pack it extends');
  });

  it('does not run base examples of rules the admin changed', () => {
    // These params make the base examples of corporate-voice fail; the admin owns that choice.
    const p = admin({ overrides: { 'corporate-voice': { params: { threshold: 100 } } } });
    expect(fired(p, BUZZ)).not.toContain('corporate-voice');
    expect(p.rules.find((r) => r.id === 'corporate-voice')?.examples).toBeUndefined();
    expect(p.rules.find((r) => r.id === 'pure-promotion')?.examples).toBeDefined();
  });

  it('still runs base examples of rules whose wording only changed', () => {
    const p = admin({ overrides: { 'corporate-voice': { message: { title: 'Jargon' } } } });
    expect(p.rules.find((r) => r.id === 'corporate-voice')?.examples).toBeDefined();
  });

  it('does not run base examples once terms or thresholds change', () => {
    const p = admin({ terms: { buzzwords: { remove: ['leverage'] } } });
    expect(p.rules.every((r) => r.examples === undefined)).toBe(true);
  });

  it('can extend a merged pack again', () => {
    const first = admin({ organisation: { products: ['Acme Cloud'] } });
    const second = compilePack(adminJson({ organisation: { confidential: ['Falcon'] } }), first);
    expect(fired(second, 'Acme Cloud and Falcon, try it')).toEqual(
      expect.arrayContaining(['missing-disclosure', 'confidential-term']),
    );
  });
});
