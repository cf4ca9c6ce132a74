/**
 * Answers from the worker, as zod/mini schemas, for the popup and the worker's own tests. The
 * content script parses the smaller shown.ts, whose field shapes these extend.
 */
import * as z from 'zod/mini';
import { shownNudgeShape, shownResultShape } from './shown.ts';

const evidence = z.object({
  text: z.string(),
  start: z.optional(z.number()),
  end: z.optional(z.number()),
});

/** The full answer: what the indicator shows (shown.ts), plus evidence and notes for the popup. */
export const NudgeWire = z.object({
  ...shownNudgeShape,
  severity: z.enum(['info', 'warn']),
  evidence: z.array(evidence),
});

export const ScoreResult = z.object({
  ...shownResultShape,
  nudges: z.array(NudgeWire),
  notes: z.array(z.string()),
  truncated: z.boolean(),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

export const ScoreResponse = z.union([
  z.object({ ok: z.literal(true), result: ScoreResult }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ScoreResponse = z.infer<typeof ScoreResponse>;
