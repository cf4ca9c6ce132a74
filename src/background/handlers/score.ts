/**
 * `score`: runs the engine on a draft, with the person's ledger for the history nudges, and
 * remembers the result as the tab's current draft.
 */
import {
  check,
  compilePack,
  defaultPackJson,
  type CompiledPack,
  type HistoryEvent,
} from '../../engine/index.ts';
import type { ScoreRequest, ScoreResponse, ScoreResult } from '../../shared/messages.ts';
import type { CurrentStore } from '../current.ts';
import type { Sender } from '../router.ts';

let pack: CompiledPack | undefined;

/** Compiled on first use, not at start-up, so waking the worker for other events stays cheap. */
function activePack(): CompiledPack {
  pack ??= compilePack(defaultPackJson);
  return pack;
}

/** How far back the history nudges look; every default window fits in it. */
const HISTORY_DAYS = 60;

export interface HistorySource {
  list(options?: { since?: Date | string }): Promise<HistoryEvent[]>;
}

export function createScoreHandler(
  store: CurrentStore,
  now: () => Date = () => new Date(),
  history?: HistorySource,
) {
  return async function score(req: ScoreRequest, sender: Sender): Promise<ScoreResponse> {
    const at = now();
    // A ledger that cannot be read must not stop coaching: draft nudges still come back.
    const events = history
      ? await history
          .list({ since: new Date(at.getTime() - HISTORY_DAYS * 86_400_000) })
          .catch(() => undefined)
      : undefined;
    const checked = check({ text: req.text, platform: req.platform, kind: req.kind }, activePack(), {
      now: at,
      ...(events ? { history: events } : {}),
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
        suggestion: n.suggestion,
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
