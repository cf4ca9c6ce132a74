/**
 * Answers from the worker, as zod/mini schemas. Kept apart from the requests so the content
 * script, which only parses answers, bundles these few schemas and nothing else.
 */
import * as z from 'zod/mini';

const evidence = z.object({
  text: z.string(),
  start: z.optional(z.number()),
  end: z.optional(z.number()),
});

export const NudgeWire = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warn']),
  title: z.string(),
  reason: z.string(),
  suggestion: z.string(),
  evidence: z.array(evidence),
});

export const ScoreResult = z.object({
  score: z.number(),
  band: z.string(),
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
