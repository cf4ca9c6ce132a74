/** Fitting thresholds to labelled drafts: deterministic, moves only numbers, and only to help. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultPackJson,
  fitThresholds,
  objective,
  evaluate,
  type EvalRow,
} from '../../../src/engine/index.ts';
import { defaultPack } from './helpers.ts';

const rows = readFileSync(resolve(import.meta.dirname, '../../eval/dev-a.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalRow);

describe('fitThresholds', () => {
  // Each trial scores the drafts once; on a busy 2-core machine the search takes several seconds.
  it(
    'brings a mistuned threshold back to where the labelled drafts say it belongs',
    { timeout: 60_000 },
    () => {
      const mistuned = {
        schema: 1,
        name: 'acme',
        version: '1.0.0',
        extends: 'default',
        // Both routes to the nudge mistuned (with a call to act, and without one), so the drafts
        // that the fit can win back depend on promotion.min alone.
        thresholds: { 'promotion.min': 9, 'promotion.asklessMin': 9 },
      };
      const result = fitThresholds(mistuned, rows, defaultPack(), { only: ['promotion.min'] });
      expect(result.changed['promotion.min']?.from).toBe(9);
      expect(result.thresholds['promotion.min']).toBeLessThan(9);
      expect(result.after.objective).toBeGreaterThan(result.before.objective);
      expect(result.after.report.perId['pure-promotion']!.recall).toBeGreaterThan(
        result.before.report.perId['pure-promotion']!.recall,
      );
    },
  );

  it('is deterministic and leaves the words alone', { timeout: 60_000 }, () => {
    const a = fitThresholds(defaultPackJson, rows.slice(0, 60), undefined, { only: ['corporate.threshold'] });
    const b = fitThresholds(defaultPackJson, rows.slice(0, 60), undefined, { only: ['corporate.threshold'] });
    expect(a.thresholds).toEqual(b.thresholds);
    expect(Object.keys(a.thresholds)).toEqual(['corporate.threshold']);
  });

  it('objective is the mean F0.5 of the labelled scored nudges', () => {
    const report = evaluate(rows, defaultPack());
    const value = objective(report, rows);
    expect(value).toBeGreaterThan(0.5);
    expect(value).toBeLessThanOrEqual(1);
  });
});
