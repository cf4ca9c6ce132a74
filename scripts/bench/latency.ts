/**
 * Latency from the last keystroke to the indicator's final state, over trials whose last key
 * changes the engine's result. Timestamps are the page's own performance.now(): the keydown as the
 * page saw it, and the MutationObserver record of the indicator's attributes.
 */
import type { Page } from 'playwright-core';
import { SHORT_DRAFTS } from '../../bench/drafts.ts';
import { check, compilePack, defaultPackJson } from '../../src/engine/index.ts';
import { clearEditor, longTasksBetween, readProbe, waitQuiet } from './page-probe.ts';
import { median, percentile } from './stats.ts';

export interface LatencyRun {
  trials: number;
  measured: number;
  latenciesMs: number[];
  p50Ms: number | null;
  p95Ms: number | null;
  noChangeAfterLastKey: number;
  matchesEngine: number;
  flipCandidates: number;
  pageLongTasks: number;
  indicatorSeen: boolean;
  note?: string;
}

type IndicatorState = string;
const stateOf = (score: unknown, nudges: readonly { id: string }[]): IndicatorState =>
  `${String(score)}|${nudges.map((n) => n.id).join(' ')}`;

/**
 * Trial drafts whose last keystroke changes the engine's result, so the indicator has to change
 * after it and the latency is the pipeline's, not a stale state that happens to match. Each short
 * draft (with a question added, and with a shop link added) is cut right after the last character
 * that flips the result.
 */
function latencyTrials(count: number): {
  texts: string[];
  flips: number;
  expected: Map<string, IndicatorState>;
} {
  const pack = compilePack(defaultPackJson);
  const memo = new Map<string, IndicatorState>();
  const expect = (text: string): IndicatorState => {
    let state = memo.get(text);
    if (state === undefined) {
      const r = check({ text, platform: 'x', kind: 'post' }, pack);
      state = stateOf(r.score, r.nudges);
      memo.set(text, state);
    }
    return state;
  };
  const flips: string[] = [];
  const fallback: string[] = [];
  for (const d of SHORT_DRAFTS) {
    for (const full of [
      d.text,
      `${d.text} What do you think?`,
      `${d.text} Deal at https://shop.example.com/buy now`,
    ]) {
      fallback.push(full);
      // Only ASCII cut points: a cut inside an emoji would type half a surrogate pair.
      for (let end = full.length; end > Math.max(12, full.length - 60); end--) {
        const text = full.slice(0, end);
        if (full.charCodeAt(end - 1) > 127 || text.trim() !== text) continue;
        if (expect(text) !== expect(text.slice(0, -1))) {
          flips.push(text);
          break;
        }
      }
    }
  }
  const pool = flips.length > 0 ? flips : fallback;
  const texts = Array.from({ length: count }, (_, i) => pool[i % pool.length] as string);
  return { texts, flips: flips.length, expected: new Map(texts.map((t) => [t, expect(t)])) };
}

/** `delayMs` is the pace of the trial's last keys. */
export async function measureLatency(page: Page, trials: number, delayMs: number): Promise<LatencyRun> {
  const { texts: planned, flips, expected } = latencyTrials(trials);
  // Without an indicator every trial would wait out its timeout for nothing.
  const texts = (await readProbe(page)).changes.length > 0 ? planned : [];
  const latencies: number[] = [];
  let noChange = 0;
  let matches = 0;
  let pageLongTasks = 0;
  let indicatorSeen = texts.length > 0;
  for (const text of texts) {
    await clearEditor(page);
    // The last few characters are typed key by key; the rest lands at once.
    const split = text.length - 8;
    await page.keyboard.insertText(text.slice(0, split));
    const before = (await readProbe(page)).keydowns.length;
    await page.keyboard.type(text.slice(split), { delay: delayMs });
    const probe = await waitQuiet(page, 300, 3_000);
    const keys = probe.keydowns.slice(before);
    const firstKey = keys[0] ?? 0;
    const lastKey = keys[keys.length - 1] ?? 0;
    indicatorSeen ||= probe.changes.length > 0;
    pageLongTasks += longTasksBetween(probe, firstKey, lastKey + 300);
    const after = probe.changes.filter((c) => c.t > lastKey);
    const real = after.filter((c) => c.changed);
    const final = (real.length ? real : after)[(real.length ? real : after).length - 1];
    if (!final) {
      noChange++;
    } else {
      latencies.push(final.t - lastKey);
    }
    const shown = probe.changes[probe.changes.length - 1];
    if (shown && `${shown.score}|${shown.nudges ?? ''}` === expected.get(text)) matches++;
  }
  const result: LatencyRun = {
    trials: texts.length,
    measured: latencies.length,
    latenciesMs: latencies,
    p50Ms: latencies.length ? median(latencies) : null,
    p95Ms: latencies.length ? percentile(latencies, 95) : null,
    noChangeAfterLastKey: noChange,
    matchesEngine: matches,
    flipCandidates: flips,
    pageLongTasks,
    indicatorSeen,
  };
  if (!indicatorSeen) result.note = 'no <rapport-indicator> appeared on the page';
  else if (flips === 0)
    result.note = 'no trial draft changes the engine result on its last key (engine stub?)';
  return result;
}
