/**
 * The score is an engagement estimate: a base, positive evidence, penalties per nudge, a lower
 * band beside history nudges, and a cap for a confidential name.
 */
import { describe, expect, it } from 'vitest';
import { compilePack, defaultPackJson } from '../../../src/engine/index.ts';
import { ago, defaultPack, NOW, post, run } from './helpers.ts';

const ORDER = ['weak', 'fair', 'good', 'strong'];
const rank = (band: string) => ORDER.indexOf(band);

describe('score and band (default pack)', () => {
  it('an ad is not praised: the sourdough workshop pitch is weak, with pure-promotion', () => {
    const r = run(
      defaultPack(),
      "Two tickets left for Saturday's sourdough workshop, $45 including lunch. Message us to book.",
    );
    expect(r.all.map((n) => n.id)).toContain('pure-promotion');
    expect(r.band).toBe('weak');
  });

  it('a draft with nothing wrong and nothing good lands around fair or good, not strong', () => {
    const r = run(defaultPack(), 'Our new office in Leeds opens next month with room for 40 people.');
    expect(r.all.filter((n) => n.severity === 'warn')).toEqual([]);
    expect(['fair', 'good']).toContain(r.band);
  });

  it('a specific, inviting draft is strong, and scores above the plain one', () => {
    const plain = run(defaultPack(), 'Our new office in Leeds opens next month with room for 40 people.');
    const good = run(
      defaultPack(),
      'We moved support to a four-day week in March. First replies went from 3.1 to 3.4 hours and sick days halved, because people came back rested. Has anyone else tried it?',
    );
    expect(good.all).toEqual([]);
    expect(good.band).toBe('strong');
    expect(good.score).toBeGreaterThan(plain.score);
  });

  it('no draft with a warning is strong, however much good evidence it has', () => {
    const r = run(
      defaultPack(),
      'Our spring menu is here with 3 new dishes from Chef Ana! Book a table today, 20% off: https://bistro.example.com',
    );
    expect(r.all.some((n) => n.severity === 'warn')).toBe(true);
    expect(rank(r.band)).toBeLessThan(rank('strong'));
  });

  it('a history nudge lowers the band it sits beside', () => {
    const text =
      'We moved support to a four-day week in March. First replies went from 3.1 to 3.4 hours, because people came back rested. Has anyone tried it?';
    const alone = run(defaultPack(), text, { now: NOW, history: [] });
    const history = [
      post(30, 'earlier'),
      {
        at: ago(20),
        type: 'comment-received' as const,
        platform: 'linkedin' as const,
        id: 'c1',
        from: '@dana',
        text: 'How did you handle on-call?',
      },
    ];
    const beside = run(defaultPack(), text, { now: NOW, history });
    expect(beside.all.map((n) => n.id)).toContain('unanswered-comments');
    expect(rank(beside.band)).toBeLessThan(rank(alone.band));
  });

  it('a confidential term caps the band at weak, whatever else the draft does well', () => {
    const pack = compilePack({
      ...(defaultPackJson as Record<string, unknown>),
      organisation: { names: [], products: [], disclosures: [], confidential: ['Project Falcon'] },
    });
    const r = run(
      pack,
      'We learned a lot testing Project Falcon with 12 teams because the old flow broke. What would you try next?',
    );
    expect(r.nudges[0]?.id).toBe('confidential-term');
    expect(r.nudges[0]?.reason).toContain('Project Falcon');
    expect(r.band).toBe('weak');
  });
});

describe('ranking the three shown', () => {
  it('a history nudge is never pushed out by no-invitation', () => {
    const history = Array.from({ length: 7 }, (_, i) => post(i + 1, `update number ${i} about the roadmap`));
    const r = run(
      defaultPack(),
      'We shipped the new export this week and the old one goes away at the end of the month.',
      { now: NOW, history },
    );
    const ids = r.all.map((n) => n.id);
    expect(ids).toContain('burst');
    expect(ids).toContain('no-invitation');
    expect(ids.indexOf('burst')).toBeLessThan(ids.indexOf('no-invitation'));
  });

  it('warnings come before tips, and the organisation-specific before the generic', () => {
    const pack = compilePack({
      ...(defaultPackJson as Record<string, unknown>),
      organisation: { names: [], products: ['Acme Cloud'], disclosures: ['#acmeemployee'], confidential: [] },
    });
    const r = run(pack, 'Acme Cloud is 40% off this week only! Sign up now: https://acme.example.com');
    const ids = r.all.map((n) => n.id);
    expect(ids.slice(0, 2)).toEqual(['missing-disclosure', 'pure-promotion']);
    for (let i = 1; i < r.all.length; i++)
      if (r.all[i]!.severity === 'warn') expect(r.all[i - 1]!.severity).toBe('warn');
  });
});
