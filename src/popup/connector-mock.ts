/**
 * A stand-in connector for tests and previews: replies with whatever it was given, and acts like the
 * worker for the ledger's messages ("no reply needed" drops the item, delete-all empties it).
 */
import type { AddOutcome } from '../shared/instances-client.ts';
import type {
  AckResponse,
  CurrentResponse,
  Engagement,
  EngagementResponse,
  ExportLedgerResponse,
} from '../shared/messages.ts';
import type { ReminderResponse, ReminderView } from '../shared/reminder-task.ts';
import type { PopupConnector } from './connector.ts';

export interface MockOptions {
  /** The active tab's https host. */
  host?: string | null;
  /** Instances already granted. */
  instances?: string[];
  /** Whether the browser grants a requested instance. */
  grant?: boolean;
  /** What get-engagement answers (default: an empty ledger). */
  engagement?: EngagementResponse;
  /** What the cache holds at open (default: nothing). */
  cached?: Engagement | null;
  /** What export-ledger answers (default: the engagement as JSON). */
  exported?: ExportLedgerResponse;
  /** What no-reply-needed and delete-ledger answer (default: ok). */
  ack?: AckResponse;
  /** The reminder get-reminder answers (default: none open). */
  reminder?: ReminderView;
}

export function emptyEngagement(asOf = '2026-11-30T12:00:00.000Z'): Engagement {
  const day = 86_400_000;
  const start = Date.parse(asOf) - 27 * day;
  return {
    asOf,
    waiting: [],
    total: 0,
    weekly: [0, 1, 2, 3].map((i) => ({
      weekStart: new Date(start + 7 * i * day).toISOString(),
      posts: 0,
      replies: 0,
    })),
    promoShare: null,
    recentPosts: 0,
    daysActive: 0,
    longestGapDays: 0,
    watchedDays: 0,
  };
}

export function createMockConnector(
  reply: CurrentResponse = { ok: true, current: null },
  options: MockOptions = {},
) {
  const calls = {
    getCurrent: 0,
    openOptions: 0,
    coachOn: [] as string[],
    getEngagement: 0,
    noReplyNeeded: [] as string[],
    exportLedger: 0,
    deleteLedger: 0,
    downloads: [] as { filename: string; text: string }[],
    snoozes: [] as string[],
    reminderOpened: 0,
  };
  const state = {
    host: options.host ?? null,
    instances: [...(options.instances ?? [])],
    grant: options.grant ?? true,
    engagement: options.engagement ?? ({ ok: true, engagement: emptyEngagement() } as EngagementResponse),
    cached: options.cached ?? null,
    ack: options.ack ?? ({ ok: true } as AckResponse),
    reminder:
      options.reminder ??
      ({ task: null, snoozedUntil: null, lastShown: null, lastCheck: null } as ReminderView),
    /** Answers wait for this, so a test can look at the popup before the worker has answered. */
    engagementGate: Promise.resolve(),
  };
  const connector: PopupConnector & { reply: CurrentResponse; calls: typeof calls; state: typeof state } = {
    reply,
    calls,
    state,
    async getCurrent() {
      calls.getCurrent += 1;
      return connector.reply;
    },
    async openOptions() {
      calls.openOptions += 1;
    },
    activeHost: async () => state.host,
    instances: async () => ({ ok: true, instances: [...state.instances] }),
    async coachOn(host): Promise<AddOutcome> {
      calls.coachOn.push(host);
      if (state.grant) state.instances = [...new Set([...state.instances, host])].sort();
      return { granted: state.grant, reply: { ok: true, instances: [...state.instances] } };
    },
    cachedEngagement: async () => state.cached,
    async getEngagement() {
      calls.getEngagement += 1;
      await state.engagementGate;
      if (state.engagement.ok) state.cached = state.engagement.engagement;
      return structuredClone(state.engagement);
    },
    async noReplyNeeded(_platform, id) {
      calls.noReplyNeeded.push(id);
      if (!state.ack.ok) return state.ack;
      const current = state.engagement;
      if (current.ok && current.engagement.waiting.some((w) => w.id === id)) {
        const waiting = current.engagement.waiting.filter((w) => w.id !== id);
        state.engagement = {
          ok: true,
          engagement: { ...current.engagement, waiting, total: current.engagement.total - 1 },
        };
      }
      return state.ack;
    },
    async exportLedger() {
      calls.exportLedger += 1;
      return options.exported ?? { ok: true, json: JSON.stringify(state.engagement) };
    },
    async deleteLedger() {
      calls.deleteLedger += 1;
      if (!state.ack.ok) return state.ack;
      state.engagement = { ok: true, engagement: emptyEngagement() };
      state.cached = null;
      return state.ack;
    },
    download(filename, text) {
      calls.downloads.push({ filename, text });
    },
    getReminder: async (): Promise<ReminderResponse> => ({
      ok: true,
      reminder: structuredClone(state.reminder),
    }),
    async openReminder(): Promise<ReminderResponse> {
      calls.reminderOpened += 1;
      state.reminder = { ...state.reminder, task: null };
      return { ok: true, reminder: structuredClone(state.reminder) };
    },
    async snoozeReminder(until): Promise<ReminderResponse> {
      calls.snoozes.push(until);
      state.reminder = { ...state.reminder, task: null, snoozedUntil: until };
      return { ok: true, reminder: structuredClone(state.reminder) };
    },
  };
  return connector;
}
