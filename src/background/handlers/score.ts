/**
 * `score`: runs the engine on a draft, with the summary of the person's ledger for the history
 * nudges, and remembers the result as the tab's current draft.
 */
import { check, type HistoryEvent } from '../../engine/index.ts';
import type { ScoreRequest, ScoreResponse, ScoreResult } from '../../shared/messages.ts';
import type { CurrentStore } from '../current.ts';
import type { HistoryKeeper } from '../history-keeper.ts';
import type { Sender } from '../router.ts';
import { loadedPack } from '../active-pack.ts';
import { withGoal } from '../goal-hints.ts';
import type { Goal } from '../../shared/settings.ts';

/** Raw events from the ledger, for views that list them (scoring reads the kept summary instead). */
export interface HistorySource {
  list(options?: { since?: Date | string }): Promise<HistoryEvent[]>;
}

export function createScoreHandler(
  store: CurrentStore,
  now: () => Date = () => new Date(),
  history?: HistoryKeeper,
  /** The person's goals (settings), which the suggestions point at. */
  goals: () => readonly Goal[] = () => [],
) {
  return async function score(req: ScoreRequest, sender: Sender): Promise<ScoreResponse> {
    const at = now();
    // The summary kept in memory (rebuilt once per worker start, not read per score). A ledger
    // that cannot be read must not stop coaching: draft nudges still come back.
    const summary = history ? await history.summary().catch(() => undefined) : undefined;
    const pack = await loadedPack();
    const checked = check({ text: req.text, platform: req.platform, kind: req.kind }, pack, {
      now: at,
      ...(summary ? { summary } : {}),
    });
    // Copy field by field: only the wire shape crosses to pages, never engine internals.
    const result: ScoreResult = {
      score: checked.score,
      band: checked.band,
      nudges: checked.nudges.map((n) => ({
        id: n.id,
        severity: n.severity,
        title: n.title,
        reason: n.reason,
        suggestion: withGoal(n.id, n.suggestion, goals()),
        evidence: n.evidence.map((e) => ({ text: e.text, start: e.start, end: e.end })),
      })),
      notes: [...checked.notes],
      truncated: checked.truncated,
    };
    const tabId = sender.tab?.id;
    if (typeof tabId === 'number' && tabId >= 0) {
      await store.set(tabId, {
        draftId: req.draftId,
        platform: req.platform,
        kind: req.kind,
        at: at.toISOString(),
        result,
      });
    }
    return { ok: true, result };
  };
}
