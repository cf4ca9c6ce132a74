/** A rule that speaks against its nudge (`veto`): weighed where the nudge fired, silences it there. */
import { describe, expect, it } from 'vitest';
import { fitSignals, isPromotional } from '../../../src/engine/index.ts';
import { compileError, fired, labelled, pack, packJson } from './helpers.ts';

const TERMS = {
  terms: {
    sell: ['buy', 'sale', 'order'],
    informs: ['because', 'measured', 'learned'],
    shout: ['wow'],
  },
};

const rules = (threshold = 1) => [
  { id: 'pure-promotion', type: 'lexicon', params: { terms: 'sell' } },
  { id: 'nothing-to-say', type: 'lexicon', params: { terms: 'shout' } },
  {
    id: 'pure-promotion/informs',
    type: 'signals',
    veto: true,
    params: { threshold, signals: [{ terms: 'informs', weight: 1, max: 2 }] },
  },
];

describe('veto rules', () => {
  it('silence their nudge where they reach the threshold, and only there', () => {
    const p = pack(rules(), TERMS);
    expect(fired(p, 'Buy one today, the sale ends soon')).toEqual(['pure-promotion']);
    expect(fired(p, 'Buy it because we measured the difference')).toEqual([]);
    // It never shows itself, and it speaks against its own nudge only.
    expect(fired(p, 'Wow, because we measured it')).toEqual(['nothing-to-say']);
    expect(fired(p, 'Wow, order because it works')).toEqual(['nothing-to-say']);
    // Below its threshold it leaves the nudge standing.
    const strict = pack(rules(2), TERMS);
    expect(fired(strict, 'Buy it because it works')).toEqual(['pure-promotion']);
    expect(fired(strict, 'Buy it because we measured it')).toEqual([]);
  });

  it('count in the promotion flag the history rules keep', () => {
    const p = pack(rules(), TERMS);
    expect(isPromotional(p, { text: 'Order now, sale ends today', platform: 'x', kind: 'post' })).toBe(true);
    expect(isPromotional(p, { text: 'Order it because we measured it', platform: 'x', kind: 'post' })).toBe(
      false,
    );
  });

  it('are signals rules without unless: anything else is refused with its path', () => {
    const json = packJson(
      [
        { id: 'pure-promotion', type: 'lexicon', params: { terms: 'sell' } },
        { id: 'pure-promotion/x', type: 'lexicon', veto: true, params: { terms: 'informs' } },
      ],
      TERMS,
    );
    expect(compileError(json)).toContain('rules[1].veto: only a "signals" rule can speak against its nudge');
    // An `unless` would never be read on a veto: it is refused rather than ignored.
    const withUnless = packJson(
      rules().map((r) => (r.id === 'pure-promotion/informs' ? { ...r, unless: ['nothing-to-say'] } : r)),
      TERMS,
    );
    expect(compileError(withUnless)).toContain('rules[2].unless: a veto speaks only against its own nudge');
  });

  it('are fitted on the drafts the rest of the pack flags, to tell the ones that do not carry the nudge', () => {
    const row = (id: number, text: string, expect: string[]) => labelled(`v${id}`, text, expect);
    const rows = [
      row(1, 'Buy now, the sale ends tonight', ['pure-promotion']),
      row(2, 'Order today, sale on everything', ['pure-promotion']),
      row(3, 'Buy two, sale price for a week', ['pure-promotion']),
      row(4, 'We measured it because people asked: buy the small one', []),
      row(5, 'Because we learned it the hard way, order early in winter', []),
      row(6, 'Measured, learned and written up because the sale confused people', []),
      // Not flagged by the rest of the pack: a veto has nothing to say on it, so it is not read.
      row(7, 'We learned because we measured', []),
    ];
    const json = packJson(rules(5), TERMS);
    const fit = fitSignals(json, rows, 'pure-promotion/informs');
    expect(fit.veto).toBe(true);
    expect(fit.drafts).toBe(6);
    // The drafts it should silence: flagged by the rest, not labelled with the nudge.
    expect(fit.positives).toBe(3);
    expect(fit.weights[0]!.to).toBeGreaterThan(0);
    expect(fit.threshold.to).toBeLessThan(5);
  });
});
