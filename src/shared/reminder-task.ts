/**
 * The reminder's task as it is stored (`reminderState.task`) and as the popup receives it
 * (`get-reminder`): one schema for both, parsed on either side. Apart from messages.ts so the
 * content script, which never sees a reminder, does not carry these schemas.
 */
import * as z from 'zod/mini';
import { PLATFORMS } from '../engine/types.ts';

export const LocalDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const ReminderTask = z.object({
  /** The local date it was offered for. */
  date: LocalDate,
  kind: z.enum(['waiting', 'silence', 'goal']),
  title: z.string().check(z.maxLength(200)),
  message: z.string().check(z.maxLength(500)),
  /** Where clicking it leads: always https. */
  url: z.url({ protocol: /^https$/ }).check(z.maxLength(2048)),
  platform: z.enum(PLATFORMS),
  /** How it reached the person: a notification, or the badge dot when those are not permitted. */
  via: z.enum(['notification', 'badge']),
});
export type ReminderTask = z.infer<typeof ReminderTask>;

/** What the last check decided, and when: the options page can say why no reminder came today. */
export const LastCheck = z.object({
  at: z.iso.datetime({ offset: true }),
  outcome: z.enum([
    'shown',
    'not-yet',
    'disabled',
    'shown-today',
    'not-a-chosen-day',
    'quiet-hours',
    'snoozed',
    'engaged-today',
  ]),
});
export type LastCheck = z.infer<typeof LastCheck>;

/** What `get-reminder` and `reminder-snooze` answer. */
export const ReminderView = z.object({
  task: z.nullable(ReminderTask),
  lastCheck: z.nullable(LastCheck),
  snoozedUntil: z.nullable(z.string()),
  lastShown: z.nullable(LocalDate),
});
export type ReminderView = z.infer<typeof ReminderView>;

export const ReminderResponse = z.union([
  z.object({ ok: z.literal(true), reminder: ReminderView }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ReminderResponse = z.infer<typeof ReminderResponse>;
