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

export interface EvalMiss {
  row: string;
  id: string;
  kind: 'fp' | 'fn';
  fired: string[];
  platform: Platform;
  draftKind: Kind;
  /** The draft's first words, on one line. */
  excerpt: string;
  /** The words that tipped a false positive. */
  evidence: string[];
}

/** How well the score ranks genuine drafts (nothing expected) above flawed ones. */
export interface EvalScoreQuality {
  genuine: number;
  flawed: number;
  /** The chance that a random genuine draft scores above a random flawed one (ties count half). */
  auc: number;
  /** Flawed drafts banded "strong". */
  flawedStrong: number;
  /** Genuine drafts that got a draft-quality nudge (one of the scored ids). */
  genuineNudged: number;
}

export interface EvalReport {
  perId: Record<string, EvalScore>;
  misses: EvalMiss[];
  score: EvalScoreQuality;
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
  const genuineScores: number[] = [];
  const flawedScores: number[] = [];
  let flawedStrong = 0;
  let genuineNudged = 0;
  for (const row of rows) {
    const result = check({ text: row.text, platform: row.platform, kind: row.kind }, pack);
    const fired = result.all.map((n) => n.id);
    const firedSet = new Set(fired);
    const flawed = row.expect.some((id) => ids.includes(id));
    if (flawed) {
      flawedScores.push(result.score);
      if (result.band === 'strong') flawedStrong++;
    } else {
      genuineScores.push(result.score);
      if (fired.some((id) => ids.includes(id) && !row.allow?.includes(id))) genuineNudged++;
    }
    const miss = (id: string, kind: 'fp' | 'fn'): EvalMiss => ({
      row: row.id,
      id,
      kind,
      fired,
      platform: row.platform,
      draftKind: row.kind,
      excerpt: excerpt(row.text),
      evidence: kind === 'fp' ? (result.all.find((n) => n.id === id)?.evidence.map((e) => e.text) ?? []) : [],
    });
    for (const id of ids) {
      const s = perId[id]!;
      const expected = row.expect.includes(id);
      if (expected && firedSet.has(id)) s.tp++;
      else if (expected) {
        s.fn++;
        misses.push(miss(id, 'fn'));
      } else if (firedSet.has(id) && !row.allow?.includes(id)) {
        s.fp++;
        misses.push(miss(id, 'fp'));
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
  const score = {
    genuine: genuineScores.length,
    flawed: flawedScores.length,
    auc: auc(genuineScores, flawedScores),
    flawedStrong,
    genuineNudged,
  };
  return { perId, misses, score, confusion };
}

function excerpt(text: string, max = 70): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Mann–Whitney AUC over the two score lists, ties counting half: O(n log n). */
export function auc(positive: readonly number[], negative: readonly number[]): number {
  if (positive.length === 0 || negative.length === 0) return 1;
  const all = [...positive.map((v) => ({ v, pos: true })), ...negative.map((v) => ({ v, pos: false }))].sort(
    (a, b) => a.v - b.v,
  );
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]!.v === all[i]!.v) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.pos) rankSum += rank;
    i = j;
  }
  const n1 = positive.length;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * negative.length);
}
