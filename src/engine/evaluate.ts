/**
 * Precision and recall per nudge id over labelled drafts (`rapport eval`). `allow` ids may fire
 * without counting against precision; any other scored id that fires is a false positive.
 */
import type { CompiledPack } from './pack/compile.ts';
import { check } from './check.ts';
import type { Kind, Platform } from './types.ts';

export const SCORED_NUDGES = [
  'pure-promotion',
  'nothing-to-say',
  'vanity-metrics',
  'corporate-voice',
  'canned-reply',
  'platform-fit',
] as const;

export interface EvalRow {
  id: string;
  platform: Platform;
  kind: Kind;
  text: string;
  expect: string[];
  allow?: string[];
}

export interface EvalScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  perId: Record<string, EvalScore>;
  misses: { row: string; id: string; kind: 'fp' | 'fn'; fired: string[] }[];
  /** confusion[expected][fired]: how often a draft labelled with one id fired another. */
  confusion: Record<string, Record<string, number>>;
}

export function evaluate(
  rows: readonly EvalRow[],
  pack: CompiledPack,
  ids: readonly string[] = SCORED_NUDGES,
): EvalReport {
  const perId: Record<string, EvalScore> = {};
  for (const id of ids) perId[id] = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
  const misses: EvalReport['misses'] = [];
  const confusion: EvalReport['confusion'] = {};
  for (const row of rows) {
    const fired = check({ text: row.text, platform: row.platform, kind: row.kind }, pack).all.map(
      (n) => n.id,
    );
    const firedSet = new Set(fired);
    for (const id of ids) {
      const s = perId[id]!;
      const expected = row.expect.includes(id);
      if (expected && firedSet.has(id)) s.tp++;
      else if (expected) {
        s.fn++;
        misses.push({ row: row.id, id, kind: 'fn', fired });
      } else if (firedSet.has(id) && !row.allow?.includes(id)) {
        s.fp++;
        misses.push({ row: row.id, id, kind: 'fp', fired });
      }
    }
    for (const e of row.expect.length ? row.expect : ['(none)']) {
      const line = (confusion[e] ??= {});
      for (const f of fired.length ? fired : ['(none)']) line[f] = (line[f] ?? 0) + 1;
    }
  }
  for (const s of Object.values(perId)) {
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  }
  return { perId, misses, confusion };
}
