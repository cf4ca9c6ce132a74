/**
 * The rule pack document. Rule params are checked by each rule type's own schema during
 * compilation, so a problem there is still reported with its full JSON path.
 * The object and union schemas are z.lazy, built on their first parse: the CLI compiles its
 * built-in pack without one (validated.ts), and building them is a good part of its start.
 */
import { z } from 'zod';
import { Example, Kind, Message, Num, Platform, Severity } from './schema-parts.ts';
import { Signal } from '../rules/signal-sum.ts';

export const SCHEMA_VERSION = 1;
export const MAX_PACK_BYTES = 1_000_000;

const RuleId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*(\/[a-z0-9-]+)?$/,
    'lower-case letters, digits and dashes, optionally "nudge/variant"',
  );

export const Rule = z.lazy(() =>
  z.strictObject({
    /** Unique in the pack. "platform-fit/length" reports as nudge "platform-fit". */
    id: RuleId,
    nudge: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional(),
    type: z.string().min(1),
    severity: Severity,
    message: Message,
    platforms: z.array(Platform).min(1).optional(),
    kinds: z.array(Kind).min(1).optional(),
    /** The rule stays quiet when one of these nudges fires (a more specific diagnosis). */
    unless: z.array(z.string()).optional(),
    /**
     * A `signals` rule that speaks against its nudge: weighed only on a draft where the nudge
     * fired, and when it reaches its threshold the nudge stands down. It never shows itself and
     * takes no `unless`. For the evidence that a draft informs, which an admin can fit to drafts
     * the nudge got wrong.
     */
    veto: z.boolean().optional(),
    /**
     * Rules that judge wording stay quiet on a draft in a language the pack's terms do not cover;
     * `true` keeps this one on in any language (a confidential name is one in every language).
     */
    anyLanguage: z.boolean().optional(),
    /**
     * Which nudges are shown first when more than three fire (0 first). Default: confidential and
     * disclosure 1, history 2, other draft nudges 3; warnings always come before tips.
     */
    priority: z.number().int().min(0).max(9).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    examples: z
      .strictObject({
        fire: z.array(Example).max(200).default([]),
        pass: z.array(Example).max(200).default([]),
      })
      .optional(),
  }),
);
export type Rule = z.infer<typeof Rule>;

const Organisation = z.lazy(() =>
  z.strictObject({
    names: z.array(z.string().min(1).max(200)).max(1000).optional(),
    products: z.array(z.string().min(1).max(200)).max(5000).optional(),
    disclosures: z.array(z.string().min(1).max(200)).max(1000).optional(),
    confidential: z.array(z.string().min(1).max(200)).max(5000).optional(),
    /**
     * The disclosure each product requires ("Acme Cloud": ["#AcmeEmployee", "I work at Acme"]). A
     * product listed here counts as a product; when a draft names it, only these phrases disclose it
     * (a generic "our" does not). Products not listed keep the pack's generic disclosures.
     */
    productDisclosures: z
      .record(z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(50))
      .optional(),
  }),
);

const TermEdit = z.lazy(() =>
  z.union([
    z.array(z.string().min(1).max(200)).max(5000),
    z.strictObject({
      add: z.array(z.string().min(1).max(200)).max(5000).optional(),
      remove: z.array(z.string()).max(5000).optional(),
    }),
  ]),
);

const RuleOverride = z.lazy(() =>
  z.strictObject({
    severity: Severity.optional(),
    message: Message.partial().optional(),
    platforms: z.array(Platform).min(1).optional(),
    kinds: z.array(Kind).min(1).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
);

export const Pack = z.lazy(() =>
  z
    .object({
      schema: z.literal(SCHEMA_VERSION, { error: `only schema version ${SCHEMA_VERSION} is understood` }),
      name: z.string().min(1).max(200),
      version: z.string().regex(/^\d+(\.\d+){0,2}$/, 'a version like 1.4.2'),
      description: z.string().max(2000).optional(),
      expires: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      /** The languages the pack's words cover (ISO 639-1); absent: every language. */
      languages: z
        .array(z.string().regex(/^[a-z]{2}$/, 'a two-letter language code'))
        .min(1)
        .max(50)
        .optional(),
      /** "default": add to the built-in pack; absent: replace it. */
      extends: z.literal('default').optional(),
      organisation: Organisation.optional(),
      terms: z.record(z.string().regex(/^[a-z][\w.-]*$/), TermEdit).default({}),
      thresholds: z.record(z.string(), z.number().finite()).default({}),
      score: z
        .strictObject({
          /** Where a draft with nothing good and nothing wrong lands. */
          base: Num.optional(),
          /** Positive evidence: a question to readers, an experience, a specific detail. */
          bonus: z.strictObject({ signals: z.array(Signal).min(1).max(50), max: Num }).optional(),
          penalty: z.strictObject({ warn: Num, info: Num, history: Num }).partial().optional(),
          /** The highest score a draft may have while this nudge fires (a stop sign, not a tip). */
          caps: z.record(z.string(), z.number().min(0).max(100)).optional(),
          bands: z
            .array(z.strictObject({ min: z.number().min(0).max(100), label: z.string().min(1).max(30) }))
            .min(1)
            .optional(),
        })
        .optional(),
      disable: z.array(z.string()).max(500).default([]),
      overrides: z.record(z.string(), RuleOverride).default({}),
      rules: z.array(Rule).max(500).default([]),
    })
    .strict(),
);
export type Pack = z.infer<typeof Pack>;
