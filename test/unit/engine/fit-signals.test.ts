/** Fitting one signals rule's weights to labelled drafts: learns from the counts the rule reads. */
import { describe, expect, it } from 'vitest';
import {
  compilePack,
  defaultPackJson,
  fitSignals,
  PackError,
  type EvalRow,
} from '../../../src/engine/index.ts';
import { fired, labelled, packJson } from './helpers.ts';

const TERMS = {
  terms: {
    warm: ['grateful', 'lovely', 'cheers', 'hugs'],
    facts: ['because', 'measured', 'minutes', 'invoice'],
    shout: ['promo'],
  },
};

// Before the fit both lists weigh nothing: the rule cannot fire on anything.
const rules = (extra: Record<string, unknown> = {}) => [
  {
    id: 'nothing-to-say',
    type: 'signals',
    params: {
      threshold: 1,
      signals: [
        { terms: 'warm', weight: 0, max: 3 },
        { terms: 'facts', weight: 0, max: 3 },
      ],
      ...extra,
    },
  },
];

const row = (id: number, text: string, expect: string[]): EvalRow =>
  labelled(`r${id}`, text, expect, 'facebook');

const WARM = [
  'So grateful, lovely week, hugs to all',
  'Cheers friends, lovely Friday and hugs',
  'Grateful and lovely, cheers to you all',
];
const FACTS = [
  'We measured it: 12 minutes saved because the invoice is automatic',
  'The invoice now arrives in minutes because we measured the queue',
  'Lovely news: because we measured it, the invoice takes 3 minutes',
];
const rows: EvalRow[] = [
  ...WARM.map((t, i) => row(i, t, ['nothing-to-say'])),
  ...FACTS.map((t, i) => row(10 + i, t, [])),
];

describe('fitSignals', () => {
  it('learns a positive weight for what the labelled drafts share and a negative one for what informs', () => {
    const fit = fitSignals(packJson(rules(), TERMS), rows, 'nothing-to-say');
    const [warm, facts] = fit.weights;
    expect(warm!.to).toBeGreaterThan(0);
    expect(facts!.to).toBeLessThan(0);
    expect(fit.drafts).toBe(6);
    expect(fit.positives).toBe(3);
    const fitted = compilePack(fit.pack);
    for (const t of WARM) expect(fired(fitted, t, { platform: 'facebook' })).toEqual(['nothing-to-say']);
    for (const t of FACTS) expect(fired(fitted, t, { platform: 'facebook' })).toEqual([]);
    // The words stay as they were; only numbers moved.
    expect((fit.pack.terms as typeof TERMS.terms).warm).toEqual(TERMS.terms.warm);
    // The same drafts give the same weights.
    expect(fitSignals(packJson(rules(), TERMS), rows, 'nothing-to-say').weights).toEqual(fit.weights);
  });

  it('keeps a required signal’s weight and reads only drafts that hold it', () => {
    const json = packJson(
      rules({
        requires: ['gate'],
        signals: [
          { name: 'gate', feature: 'words', atLeast: 5, weight: 0.5 },
          { terms: 'warm', weight: 0, max: 3 },
          { terms: 'facts', weight: 0, max: 3 },
        ],
      }),
      TERMS,
    );
    // A four-word draft fails the gate: it is not read, labelled or not.
    const fit = fitSignals(json, [...rows, row(20, 'lovely lovely hugs grateful', [])], 'nothing-to-say');
    expect(fit.weights[0]).toMatchObject({ fixed: true, from: 0.5, to: 0.5 });
    expect(fit.drafts).toBe(6);
  });

  it('skips drafts its unless nudges silence, and writes named numbers to the thresholds', () => {
    const json = packJson(
      [
        { id: 'pure-promotion', type: 'lexicon', params: { terms: 'shout' } },
        ...rules({ threshold: 'quiet.threshold' }).map((r) => ({ ...r, unless: ['pure-promotion'] })),
      ],
      { ...TERMS, thresholds: { 'quiet.threshold': 1 } },
    );
    const silenced = row(30, 'promo grateful lovely hugs cheers', []);
    const fit = fitSignals(json, [...rows, silenced], 'nothing-to-say');
    expect(fit.drafts).toBe(6);
    const thresholds = fit.pack.thresholds as Record<string, number>;
    expect(thresholds['quiet.threshold']).toBe(fit.threshold.to);
    expect(fit.threshold.from).toBe(1);
  });

  it('with residual, reads only the drafts the rest of the pack leaves without the nudge', () => {
    // A second rule of the same nudge already flags drafts that say "promo".
    const json = packJson(
      [
        { id: 'nothing-to-say/shout', nudge: 'nothing-to-say', type: 'lexicon', params: { terms: 'shout' } },
        ...rules(),
      ],
      TERMS,
    );
    const flagged = row(40, 'promo lovely grateful hugs', ['nothing-to-say']);
    const all = fitSignals(json, [...rows, flagged], 'nothing-to-say');
    const rest = fitSignals(json, [...rows, flagged], 'nothing-to-say', undefined, { residual: true });
    expect(all.drafts).toBe(7);
    expect(rest.drafts).toBe(6);
    expect(rest.positives).toBe(3);
  });

  it('writes a number its base pack names into the admin pack’s own thresholds', () => {
    const admin = {
      schema: 1,
      name: 'acme',
      version: '1.0.0',
      extends: 'default',
      terms: TERMS.terms,
      rules: rules({ threshold: 'corporate.threshold' }).map((r) => ({
        ...r,
        id: 'acme-filler',
        nudge: 'nothing-to-say',
        severity: 'warn',
        message: { title: 'T', reason: 'R', suggestion: 'S' },
      })),
    };
    const base = compilePack(defaultPackJson);
    const fit = fitSignals(admin, rows, 'acme-filler', base);
    expect(fit.threshold.from).toBe(base.source.thresholds['corporate.threshold']);
    expect((fit.pack.thresholds as Record<string, number>)['corporate.threshold']).toBe(fit.threshold.to);
    // The rule still names it: the number moved, the reference stayed.
    const rule = (fit.pack.rules as { params: { threshold: unknown } }[])[0]!;
    expect(rule.params.threshold).toBe('corporate.threshold');
  });

  it('refuses a rule that is not a signals rule, or drafts with only one side', () => {
    const json = packJson(rules(), TERMS);
    expect(() => fitSignals(json, rows, 'no-such-rule')).toThrow(PackError);
    expect(() => fitSignals(json, rows.slice(0, 3), 'nothing-to-say')).toThrow(/both drafts/);
  });
});
