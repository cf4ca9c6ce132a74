/** Small schema pieces shared by the pack schema and every rule type. */
import { z } from 'zod';
import { KINDS, PLATFORMS } from '../types.ts';

/** A number, or the name of a value in the pack's `thresholds` (so admins tune one place). */
export const Num = z.lazy(() =>
  z.union([z.number().finite(), z.string().regex(/^[A-Za-z][\w.-]*$/, 'a threshold name')], {
    error: 'expected a number or the name of a threshold',
  }),
);
export type Num = z.infer<typeof Num>;

/** A term list: the name of one in the pack's `terms`, or the phrases inline. */
export const TermRef = z.lazy(() =>
  z.union([z.string().min(1).max(100), z.array(z.string().min(1).max(200)).max(5000)], {
    error: 'expected the name of a term list or a list of phrases',
  }),
);
export type TermRef = z.infer<typeof TermRef>;

export const Platform = z.enum(PLATFORMS);
export const Kind = z.enum(KINDS);
export const Severity = z.enum(['info', 'warn']);

export const Message = z.strictObject({
  title: z.string().min(1).max(120),
  reason: z.string().min(1).max(400),
  suggestion: z.string().min(1).max(400),
});

export const HistoryEventSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      at: z.iso.datetime({ offset: true }),
      type: z.literal('published'),
      platform: Platform,
      kind: Kind,
      id: z.string().max(2048).optional(),
      text: z.string().max(100_000).optional(),
      to: z.string().max(2048).optional(),
      promotional: z.boolean().optional(),
    }),
    z.object({
      at: z.iso.datetime({ offset: true }),
      type: z.literal('comment-received'),
      platform: Platform,
      id: z.string().min(1).max(2048),
      on: z.string().max(2048).optional(),
      from: z.string().max(200).optional(),
      text: z.string().max(100_000).optional(),
      url: z.string().max(2048).optional(),
      exact: z.boolean().optional(),
    }),
    z.object({
      at: z.iso.datetime({ offset: true }),
      type: z.literal('replied'),
      platform: Platform,
      to: z.string().max(2048).optional(),
      text: z.string().max(100_000).optional(),
    }),
    z.object({
      at: z.iso.datetime({ offset: true }),
      type: z.literal('no-reply-needed'),
      platform: Platform,
      to: z.string().min(1).max(2048),
    }),
  ]),
);

export const Example = z.lazy(() =>
  z.union([
    z.string().max(20_000),
    z.strictObject({
      text: z.string().max(20_000),
      platform: Platform.optional(),
      kind: Kind.optional(),
      history: z.array(HistoryEventSchema).max(500).optional(),
      now: z.iso.datetime({ offset: true }).optional(),
    }),
  ]),
);
export type Example = z.infer<typeof Example>;
