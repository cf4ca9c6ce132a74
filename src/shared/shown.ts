/**
 * The part of a score answer the in-page indicator shows: score, band and each nudge's words,
 * and, in a detailed answer (the card is open), the evidence the card quotes. The content script
 * parses only this (zod strips the rest); notes are for the popup, which parses the full
 * `ScoreResponse` (responses.ts, zod/mini objects over the same field shapes). A severity other
 * than the two known ones only picks no colour.
 *
 * Built from zod's core (`$Zod*` constructors and `safeParse`) rather than zod/mini, whose schemas
 * each carry a dozen methods the page never calls: the same parsing for ~0.8 kB gzipped less of
 * the content script's 15 kB budget.
 */
import * as core from 'zod/v4/core';

const string = new core.$ZodString({ type: 'string' });
const number = new core.$ZodNumber({ type: 'number' });

function optional<T extends core.$ZodType>(innerType: T): core.$ZodOptional<T> {
  return new core.$ZodOptional({ type: 'optional', innerType }) as core.$ZodOptional<T>;
}

function array<T extends core.$ZodType>(element: T): core.$ZodArray<T> {
  return new core.$ZodArray({ type: 'array', element }) as core.$ZodArray<T>;
}

function object<Shape extends core.$ZodShape>(shape: Shape): core.$ZodObject<Shape> {
  return new core.$ZodObject({ type: 'object', shape }) as core.$ZodObject<Shape>;
}

export const shownNudgeShape = {
  id: string,
  severity: string,
  title: string,
  reason: string,
  suggestion: string,
};

export const shownResultShape = { score: number, band: string };

/** A character range of the draft the answer was computed for, or a plain fact (no range). */
const ShownEvidence = object({ text: string, start: optional(number), end: optional(number) });
export type ShownEvidence = core.output<typeof ShownEvidence>;

const ShownNudge = object({ ...shownNudgeShape, evidence: optional(array(ShownEvidence)) });
export type ShownNudge = core.output<typeof ShownNudge>;

const ShownResult = object({ ...shownResultShape, nudges: array(ShownNudge) });
export type ShownResult = core.output<typeof ShownResult>;

/**
 * `{ok: true, result}` or `{ok: false, error}`, checked as one shape; an error's words are not
 * shown in the page, so they are not parsed here.
 */
const ShownScoreResponse = object({
  ok: new core.$ZodBoolean({ type: 'boolean' }),
  result: optional(ShownResult),
});

/** The worker's answer as the indicator shows it, or the reason it is not one. */
export function parseShown(reply: unknown) {
  return core.safeParse(ShownScoreResponse, reply);
}
