/**
 * The part of a score answer the in-page indicator shows: score, band and each nudge's words.
 * The content script parses only this (zod strips the rest), with the fewest schema kinds so
 * its bundle stays small; evidence and notes are for the popup, which parses the full
 * `ScoreResponse`. A severity other than the two known ones only picks no colour.
 */
import * as z from 'zod/mini';

export const ShownNudge = z.object({
  id: z.string(),
  severity: z.string(),
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

/**
 * `{ok: true, result}` or `{ok: false, error}`, checked as one shape; an error's words are not
 * shown in the page, so they are not parsed here.
 */
export const ShownScoreResponse = z.object({
  ok: z.boolean(),
  result: z.optional(ShownResult),
});
