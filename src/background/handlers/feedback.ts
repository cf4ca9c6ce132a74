/**
 * `feedback` (content scripts): the person marked a nudge "not helpful" on the card, or took it
 * back with Undo. Counted per nudge id in `storage.local`, on this device only: nothing here is
 * sent anywhere. `get-feedback` (extension pages only): the counts, for the options page.
 */
import {
  FeedbackCounts,
  type AckResponse,
  type FeedbackRequest,
  type FeedbackResponse,
} from '../../shared/messages.ts';

export const FEEDBACK_KEY = 'feedback';

/** Distinct nudge ids kept: a pack has a few dozen, and a runaway sender must not fill storage. */
export const MAX_FEEDBACK_IDS = 500;

/** The parts of a `storage.local` area the handlers use. */
export interface FeedbackArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function createFeedbackHandlers(area: FeedbackArea) {
  /** One read-modify-write at a time: two quick clicks count twice. */
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<FeedbackCounts> {
    const stored = (await area.get(FEEDBACK_KEY))[FEEDBACK_KEY];
    // Entries that do not parse (an older or damaged store) are dropped one by one, not all.
    const counts: FeedbackCounts = {};
    if (stored && typeof stored === 'object') {
      for (const [id, entry] of Object.entries(stored)) {
        const one = FeedbackCounts.safeParse({ [id]: entry });
        if (one.success && Object.hasOwn(one.data, id)) counts[id] = one.data[id]!;
      }
    }
    return counts;
  }

  async function count(req: FeedbackRequest): Promise<AckResponse> {
    const counts = await read();
    const id = req.nudgeId;
    const now = Object.hasOwn(counts, id) ? counts[id]!.notHelpful : 0;
    if (!req.undo && now === 0 && Object.keys(counts).length >= MAX_FEEDBACK_IDS) {
      return { ok: false, error: `refused: feedback is kept for at most ${MAX_FEEDBACK_IDS} nudge ids` };
    }
    const next = Math.max(0, now + (req.undo ? -1 : 1));
    if (next === 0) delete counts[id];
    else counts[id] = { notHelpful: next };
    await area.set({ [FEEDBACK_KEY]: counts });
    return { ok: true };
  }

  return {
    feedback(req: FeedbackRequest): Promise<AckResponse> {
      const run = queue.then(() => count(req));
      queue = run.catch(() => undefined);
      return run;
    },
    async getFeedback(): Promise<FeedbackResponse> {
      await queue;
      return { ok: true, feedback: await read() };
    },
  };
}
