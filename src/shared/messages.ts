/**
 * Every message between the content script, the popup and the worker, as zod/mini schemas
 * (zod/mini keeps the content script small). Parse on receipt, on both sides; a message that
 * does not parse is refused with a clear error, never guessed at.
 */
import * as z from 'zod/mini';
import { KINDS, PLATFORMS } from '../engine/types.ts';
import { ScoreResult } from './responses.ts';

/** Drafts above this are not coached at all ("too long to coach"); the engine caps lower. */
export const MAX_MESSAGE_TEXT = 1_000_000;

const platform = z.enum(PLATFORMS);
const kind = z.enum(KINDS);
const text = z.string().check(z.maxLength(MAX_MESSAGE_TEXT));
const shortText = z.string().check(z.maxLength(300));

export const ScoreRequest = z.object({
  type: z.literal('score'),
  /** Stable per editor element for the page's life; lets the popup show the focused draft. */
  draftId: shortText,
  platform,
  kind,
  text,
});

export const PublishedRequest = z.object({
  type: z.literal('published'),
  platform,
  kind,
  at: z.iso.datetime(),
  text,
  parentAuthor: z.optional(shortText),
  url: z.optional(z.string().check(z.maxLength(2048))),
  /** For a reply: the id or URL of the item it answers, where the page shows it (it counts as answered). */
  to: z.optional(z.string().check(z.maxLength(2048))),
});

const ref = z.string().check(z.minLength(1), z.maxLength(2048));

/** One comment, reply or mention a reader saw (src/content/readers/reader.ts `SeenItem`). */
export const SeenItem = z.object({
  id: ref,
  on: z.optional(ref),
  from: z.optional(z.string().check(z.maxLength(200))),
  at: z.iso.datetime({ offset: true }),
  /** An excerpt, not the whole comment. */
  text: z.optional(z.string().check(z.maxLength(280))),
  url: z.optional(ref),
});

/**
 * A reader (content script, injected by the worker on a network's page) → worker: the comments,
 * replies and mentions waiting for the person, and which of them the person already answered.
 * `exact` is false when read from a notifications page's DOM. `retryAfter` (seconds): the network
 * asked to wait (a 429, or its rate budget nearly spent) before the next read.
 */
export const CommentsSeenRequest = z.object({
  type: z.literal('comments-seen'),
  platform,
  exact: z.boolean(),
  items: z.array(SeenItem).check(z.maxLength(200)),
  answered: z.array(ref).check(z.maxLength(200)),
  retryAfter: z.optional(z.number().check(z.int(), z.positive(), z.lte(86_400))),
});

/** Popup → worker: the latest scored draft of a tab. Refused from content scripts. */
export const GetCurrentRequest = z.object({
  type: z.literal('get-current'),
  tabId: z.number(),
});

/** Options page/popup → worker: the Mastodon instances the person added. Refused from content scripts. */
export const GetInstancesRequest = z.object({ type: z.literal('get-instances') });

/**
 * Options page/popup → worker, after granting or removing an instance's permission: bring the
 * instances' content script in line with the grants now (also done on `permissions.onAdded`/
 * `onRemoved`; this lets the page wait for it). Refused from content scripts.
 */
export const ApplyInstancesRequest = z.object({ type: z.literal('apply-instances') });

/** Popup → worker: comments waiting for an answer and activity at a glance. Extension pages only. */
export const GetEngagementRequest = z.object({ type: z.literal('get-engagement') });

/** Popup → worker: the person closes a waiting item without answering it. Extension pages only. */
export const NoReplyNeededRequest = z.object({
  type: z.literal('no-reply-needed'),
  platform,
  /** The waiting item's id, as `get-engagement` gave it. */
  to: z.string().check(z.minLength(1), z.maxLength(2048)),
});

/**
 * Popup/options → worker: the whole ledger as JSON (answered `ExportLedgerResponse`), and delete-all
 * (answered `AckResponse`). Extension pages only.
 */
export const ExportLedgerRequest = z.object({ type: z.literal('export-ledger') });
export const DeleteLedgerRequest = z.object({ type: z.literal('delete-ledger') });

/**
 * Content script → worker, when the person first opens the card: inject the card's code (not part
 * of the content script every page loads, see src/content/card/) into the sender's own frame.
 */
export const LoadCardRequest = z.object({ type: z.literal('load-card') });

/** A nudge id as packs spell them (`pure-promotion`; an admin pack's own ids too). */
export const NudgeId = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/));

/**
 * Content script → worker: the person marked a nudge "not helpful" on the card (or took that
 * back with Undo). Counted per nudge id in `storage.local`, never sent anywhere.
 */
export const FeedbackRequest = z.object({
  type: z.literal('feedback'),
  nudgeId: NudgeId,
  verdict: z.literal('not-helpful'),
  undo: z.optional(z.boolean()),
});

/** Options page/popup → worker: the "not helpful" counts per nudge id. Refused from content scripts. */
export const GetFeedbackRequest = z.object({ type: z.literal('get-feedback') });

/**
 * Popup/options → worker: the reminder's state: today's task while it is open (shown and not yet
 * acted on or snoozed), the snooze, the last day it showed. Extension pages only.
 */
export const GetReminderRequest = z.object({ type: z.literal('get-reminder') });

/**
 * Popup/options → worker: snooze the reminder until an instant, or cancel the snooze (`null`).
 * Today's task is put away with it (notification and badge). Extension pages only.
 */
export const ReminderSnoozeRequest = z.object({
  type: z.literal('reminder-snooze'),
  until: z.nullable(z.iso.datetime({ offset: true })),
});

/**
 * Popup → worker: the person opens today's task from the popup. The worker opens its page, as a
 * click on the notification does, and puts the task away (notification and badge dot). Extension
 * pages only.
 */
export const ReminderOpenRequest = z.object({ type: z.literal('reminder-open') });
/**
 * Options page → worker: the rule pack in use (answered `PackResponse`). `check`: fetch or re-read
 * the policy's pack first ("Check now"), back-off notwithstanding. Refused from content scripts.
 */
export const GetPackRequest = z.object({ type: z.literal('get-pack'), check: z.optional(z.boolean()) });

/**
 * Extension pages → worker: the settings in effect (stored settings under the admin's policy),
 * answered `SettingsResponse`. Refused from content scripts.
 */
export const GetSettingsRequest = z.object({ type: z.literal('get-settings') });
/**
 * Extension pages → worker: save a settings patch. The worker refuses a key the policy locks and
 * repairs any bad value (named in `repairs`, never stored), so values are checked there, field by
 * field; here only the patch's shape.
 */
export const UpdateSettingsRequest = z.object({
  type: z.literal('update-settings'),
  patch: z.object({
    role: z.optional(z.string().check(z.maxLength(40))),
    sites: z.optional(z.record(z.string().check(z.maxLength(40)), z.boolean())),
    reminder: z.optional(
      z.object({
        enabled: z.optional(z.boolean()),
        hour: z.optional(z.number()),
        weekdays: z.optional(z.array(z.number()).check(z.maxLength(7))),
      }),
    ),
    quietHours: z.optional(z.object({ start: z.optional(z.string()), end: z.optional(z.string()) })),
    goals: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10))),
    retentionDays: z.optional(z.number()),
  }),
});
/** Extension pages → worker: the policy's locked keys and its problems (answered `PolicyResponse`). */
export const GetPolicyRequest = z.object({ type: z.literal('get-policy') });

export const Request = z.discriminatedUnion('type', [
  ScoreRequest,
  PublishedRequest,
  CommentsSeenRequest,
  GetCurrentRequest,
  GetInstancesRequest,
  ApplyInstancesRequest,
  ExportLedgerRequest,
  DeleteLedgerRequest,
  GetEngagementRequest,
  NoReplyNeededRequest,
  LoadCardRequest,
  FeedbackRequest,
  GetFeedbackRequest,
  GetReminderRequest,
  ReminderSnoozeRequest,
  ReminderOpenRequest,
  GetPackRequest,
  GetSettingsRequest,
  UpdateSettingsRequest,
  GetPolicyRequest,
]);
export type Request = z.infer<typeof Request>;
export type ScoreRequest = z.infer<typeof ScoreRequest>;
export type PublishedRequest = z.infer<typeof PublishedRequest>;
export type CommentsSeenRequest = z.infer<typeof CommentsSeenRequest>;
export type GetCurrentRequest = z.infer<typeof GetCurrentRequest>;
export type GetInstancesRequest = z.infer<typeof GetInstancesRequest>;
export type ApplyInstancesRequest = z.infer<typeof ApplyInstancesRequest>;
export type GetEngagementRequest = z.infer<typeof GetEngagementRequest>;
export type NoReplyNeededRequest = z.infer<typeof NoReplyNeededRequest>;
export type ExportLedgerRequest = z.infer<typeof ExportLedgerRequest>;
export type DeleteLedgerRequest = z.infer<typeof DeleteLedgerRequest>;
export type LoadCardRequest = z.infer<typeof LoadCardRequest>;
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;
export type GetFeedbackRequest = z.infer<typeof GetFeedbackRequest>;
export type GetReminderRequest = z.infer<typeof GetReminderRequest>;
export type ReminderSnoozeRequest = z.infer<typeof ReminderSnoozeRequest>;
export type ReminderOpenRequest = z.infer<typeof ReminderOpenRequest>;
export type GetPackRequest = z.infer<typeof GetPackRequest>;
export type GetSettingsRequest = z.infer<typeof GetSettingsRequest>;
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequest>;
export type GetPolicyRequest = z.infer<typeof GetPolicyRequest>;

/** Types of request a content script may send; everything else is for extension pages only. */
export const CONTENT_REQUESTS: ReadonlySet<Request['type']> = new Set([
  'score',
  'published',
  'load-card',
  'feedback',
  'comments-seen',
]);

export * from './responses.ts';

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

/** A comment, reply or mention on the person's items that is waiting for an answer. */
export const WaitingItem = z.object({
  id: z.string().check(z.maxLength(2048)),
  platform,
  from: z.optional(z.string().check(z.maxLength(200))),
  excerpt: z.optional(z.string().check(z.maxLength(300))),
  /** An https link to open it; anything else never reaches the popup. */
  url: z.optional(z.string().check(z.maxLength(2048))),
  at: z.string(),
  /** It asks something (a question mark): questions come first. */
  question: z.boolean(),
  /** False when read from a notifications page's DOM: the popup says "about". */
  exact: z.boolean(),
});
export type WaitingItem = z.infer<typeof WaitingItem>;

/** One of the four weeks at a glance: posts and replies the person published. */
export const WeekBucket = z.object({ weekStart: z.string(), posts: z.number(), replies: z.number() });
export type WeekBucket = z.infer<typeof WeekBucket>;

export const Engagement = z.object({
  /** When it was computed (a cached answer is shown with its age in mind). */
  asOf: z.string(),
  /** Questions first, then oldest first; at most WAITING_LIST_CAP of them. */
  waiting: z.array(WaitingItem).check(z.maxLength(200)),
  /** All the waiting items, listed or not. */
  total: z.number(),
  /** Oldest week first; the last one ends today. */
  weekly: z.array(WeekBucket).check(z.maxLength(8)),
  /** Promotional share of the recent posts that were classified, or null with none. */
  promoShare: z.nullable(z.number()),
  /** How many recent posts promoShare is of (at most 10). */
  recentPosts: z.number(),
  /** Days with a post or a reply, of the last 28 (of fewer when the ledger is younger: `watchedDays`). */
  daysActive: z.number(),
  /** The longest run of days without a post or reply, within the days watched. */
  longestGapDays: z.number(),
  /** How many of the last 28 days the ledger covers (0 when it is empty). */
  watchedDays: z.number(),
});
export type Engagement = z.infer<typeof Engagement>;

export const EngagementResponse = z.union([
  z.object({ ok: z.literal(true), engagement: Engagement }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type EngagementResponse = z.infer<typeof EngagementResponse>;

export const ExportLedgerResponse = z.union([
  z.object({ ok: z.literal(true), json: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ExportLedgerResponse = z.infer<typeof ExportLedgerResponse>;
/** What the person said about each nudge id, counted on this device: `{"pure-promotion": {notHelpful: 2}}`. */
export const FeedbackCounts = z.record(NudgeId, z.object({ notHelpful: z.number() }));
export type FeedbackCounts = z.infer<typeof FeedbackCounts>;

export const FeedbackResponse = z.union([
  z.object({ ok: z.literal(true), feedback: FeedbackCounts }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type FeedbackResponse = z.infer<typeof FeedbackResponse>;

/** The active rule pack as the options page shows it (product.md, "Contracts": data-pack-*). */
export const PackInfo = z.object({
  source: z.enum(['default', 'policy', 'url']),
  name: z.string().check(z.maxLength(200)),
  version: z.string().check(z.maxLength(100)),
  status: z.enum(['ok', 'expired', 'refused']),
  /** verified: signed by one of rulePackPublicKeys; not-required: no keys set; none: built in. */
  signature: z.optional(z.enum(['verified', 'not-required', 'none'])),
  expires: z.optional(z.string().check(z.maxLength(40))),
  /** When the worker last checked the policy's pack (ISO). */
  lastCheck: z.optional(z.string().check(z.maxLength(40))),
  /** Why the last check failed or its pack was refused. */
  lastError: z.optional(z.string().check(z.maxLength(2000))),
});
export type PackInfo = z.infer<typeof PackInfo>;

export const PackResponse = z.union([
  z.object({ ok: z.literal(true), pack: PackInfo }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type PackResponse = z.infer<typeof PackResponse>;

/** Settings as the worker answers them; `settings` is repaired by the reader (repairSettings). */
export const SettingsResponse = z.union([
  z.object({
    ok: z.literal(true),
    settings: z.unknown(),
    repairs: z.array(z.object({ key: z.string(), reason: z.string() })),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type SettingsResponse = z.infer<typeof SettingsResponse>;

/** The admin's policy as the options page shows it: keys it locks and keys it could not use. */
export const PolicyResponse = z.union([
  z.object({
    ok: z.literal(true),
    locked: z.array(z.string().check(z.maxLength(60))).check(z.maxLength(64)),
    problems: z
      .array(z.object({ key: z.string().check(z.maxLength(60)), reason: z.string().check(z.maxLength(300)) }))
      .check(z.maxLength(32)),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type PolicyResponse = z.infer<typeof PolicyResponse>;
