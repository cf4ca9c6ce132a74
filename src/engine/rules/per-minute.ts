/**
 * For history rules that do not read the draft (unanswered, ratio, burst, silence): their finding
 * depends only on the summary and the clock, so it is kept until the summary changes or the minute
 * turns. A person typing gets a score every pause, many a minute, while the ledger stays the same;
 * their windows are hours and days long, so a minute's lag is never visible.
 */
import type { HistorySummary } from '../history/summary.ts';
import type { Evaluate, Finding, RuleEnv } from './rule-type.ts';

const MINUTE = 60_000;

export function perMinute(evaluate: Evaluate): Evaluate {
  const kept = new WeakMap<HistorySummary, { version: number; minute: number; finding: Finding | null }>();
  return (env: RuleEnv) => {
    const { summary } = env;
    if (!summary) return evaluate(env);
    const minute = Math.floor(env.now.getTime() / MINUTE);
    const last = kept.get(summary);
    if (last && last.version === summary.version && last.minute === minute) return last.finding;
    const finding = evaluate(env);
    kept.set(summary, { version: summary.version, minute, finding });
    return finding;
  };
}
