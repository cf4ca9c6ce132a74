/**
 * Answers from the worker, as zod/mini schemas. Kept apart from the requests so the content
 * script, which only parses answers, bundles these few schemas and nothing else.
 */
import * as z from 'zod/mini';
import { KINDS, PLATFORMS } from '../engine/types.ts';

const platform = z.enum(PLATFORMS);
const kind = z.enum(KINDS);

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

export const AckResponse = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AckResponse = z.infer<typeof AckResponse>;

export const CurrentResponse = z.union([
  z.object({
    ok: z.literal(true),
    current: z.nullable(
      z.object({ draftId: z.string(), platform, kind, at: z.string(), result: ScoreResult }),
    ),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type CurrentResponse = z.infer<typeof CurrentResponse>;

/** The granted instance hosts, sorted (`fosstodon.org`, punycode for international names). */
export const InstancesResponse = z.union([
  z.object({ ok: z.literal(true), instances: z.array(z.string().check(z.maxLength(253))) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type InstancesResponse = z.infer<typeof InstancesResponse>;
