/**
 * The part of a score answer the in-page indicator shows: score, band and each nudge's words.
 * The content script parses only this (zod strips the rest), so it bundles the fewest schemas;
 * evidence and notes are for the popup, which parses the full `ScoreResponse`.
 */
import * as z from 'zod/mini';

export const ShownNudge = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warn']),
  title: z.string(),
  reason: z.string(),
  suggestion: z.string(),
});

export const ShownResult = z.object({
  score: z.number(),
  band: z.string(),
  nudges: z.array(ShownNudge),
});
export type ShownResult = z.infer<typeof ShownResult>;

export const ShownScoreResponse = z.union([
  z.object({ ok: z.literal(true), result: ShownResult }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
