/**
 * The summary of a raw event array, built once and reused: `check()` is called again and again
 * with the same history (a CLI run over a file, the bench, tests), and re-reading five thousand
 * events for every draft is exactly what the summary exists to avoid. Events are plain data the
 * caller does not change in place; an array that only grew gets its new tail added.
 */
import type { HistoryEvent } from '../types.ts';
import { HistorySummary, type Classify } from './summary.ts';

interface Memo {
  /** Whose classifier flagged the posts: another pack means another summary. */
  owner: object;
  length: number;
  first: HistoryEvent | undefined;
  last: HistoryEvent | undefined;
  summary: HistorySummary;
}

const memos = new WeakMap<readonly HistoryEvent[], Memo>();

export function summaryOf(
  history: readonly HistoryEvent[],
  owner: object,
  classify: Classify,
): HistorySummary {
  const memo = memos.get(history);
  if (
    memo &&
    memo.owner === owner &&
    history.length >= memo.length &&
    history[0] === memo.first &&
    history[memo.length - 1] === memo.last
  ) {
    for (let i = memo.length; i < history.length; i++) memo.summary.add(history[i]!);
    memo.length = history.length;
    memo.last = history[history.length - 1];
    return memo.summary;
  }
  const summary = new HistorySummary({ classify });
  for (const event of history) summary.add(event);
  memos.set(history, { owner, length: history.length, first: history[0], last: history.at(-1), summary });
  return summary;
}
