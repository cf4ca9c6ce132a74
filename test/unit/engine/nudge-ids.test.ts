/**
 * The nudge ids are a contract (product.md): the default pack must produce every id in its two
 * nudge tables and no other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_NUDGES, HISTORY_NUDGES } from '../../../src/engine/index.ts';
import { defaultPack } from './helpers.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const productMd = resolve(repoRoot, '../shared/guide/product.md');

/** The backticked ids in the first column of the tables under "## The nudges". */
function productIds(): { draft: string[]; history: string[] } {
  if (!existsSync(productMd))
    throw new Error(`product guide not found at ${productMd} (shared/ must sit beside the repo)`);
  const md = readFileSync(productMd, 'utf8');
  const start = md.indexOf('## The nudges');
  expect(start, 'product.md has a "## The nudges" section').toBeGreaterThanOrEqual(0);
  const end = md.indexOf('\n## ', start + 1);
  const section = md.slice(start, end < 0 ? undefined : end);
  const historyAt = section.indexOf('History nudges');
  expect(historyAt, 'product.md names the history nudges table').toBeGreaterThan(0);
  const ids = (text: string) => [...text.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
  return { draft: ids(section.slice(0, historyAt)), history: ids(section.slice(historyAt)) };
}

describe('nudge ids', () => {
  const { draft, history } = productIds();
  const produced = new Set(defaultPack().rules.map((r) => r.nudge));

  it('product.md lists the draft and history nudges', () => {
    expect(draft.length).toBeGreaterThanOrEqual(5);
    expect(history.length).toBeGreaterThanOrEqual(3);
  });

  it.each([...draft, ...history])('the default pack has a rule for %s', (id) => {
    expect([...produced]).toContain(id);
  });

  it('the default pack produces no nudge id outside product.md', () => {
    const listed = new Set([...draft, ...history]);
    expect([...produced].filter((id) => !listed.has(id))).toEqual([]);
  });

  it('history nudges come from history rules and draft nudges from draft rules', () => {
    for (const rule of defaultPack().rules) {
      const list = rule.history ? history : draft;
      expect(list, `${rule.id} (${rule.history ? 'history' : 'draft'} rule)`).toContain(rule.nudge);
    }
  });

  it('the engine vocabulary matches product.md', () => {
    expect([...DRAFT_NUDGES]).toEqual(draft);
    expect([...HISTORY_NUDGES]).toEqual(history);
  });
});
