/** A stand-in worker for content-script tests: scores drafts the way the tests need. */
import type { ContentRequest } from '../../../src/content/app.ts';
import type {
  FeedbackRequest,
  PublishedRequest,
  ScoreRequest,
  ScoreResponse,
} from '../../../src/shared/messages.ts';

export type Sent = ContentRequest;

export function nudge(id: string, title = `Title of ${id}`) {
  return {
    id,
    severity: 'warn' as const,
    title,
    reason: `Reason for ${id}`,
    suggestion: `Fix for ${id}`,
    evidence: [],
  };
}

/**
 * Promotional drafts (with "buy" or "discount") get `pure-promotion`, those words as its evidence;
 * everything else none.
 */
export function fakeScore(req: ScoreRequest): ScoreResponse {
  const words = [...req.text.matchAll(/\b(buy|discount)\b/gi)];
  const promo = words.length > 0;
  const evidence = words.map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  return {
    ok: true,
    result: {
      score: promo ? 22 : 81,
      band: promo ? 'poor' : 'good',
      nudges: promo ? [{ ...nudge('pure-promotion', 'Reads like an ad'), evidence }] : [],
      notes: [],
      truncated: false,
    },
  };
}

export function fakeWorker(score: (req: ScoreRequest) => ScoreResponse | Promise<ScoreResponse> = fakeScore) {
  const sent: Sent[] = [];
  return {
    sent,
    scores: () => sent.filter((m): m is ScoreRequest => m.type === 'score'),
    published: () => sent.filter((m): m is PublishedRequest => m.type === 'published'),
    feedback: () => sent.filter((m): m is FeedbackRequest => m.type === 'feedback'),
    async send(message: Sent): Promise<unknown> {
      sent.push(structuredClone(message));
      if (message.type === 'score') return score(message);
      return { ok: true };
    },
  };
}
