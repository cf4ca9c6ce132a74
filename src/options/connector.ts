/**
 * The options page's way to its data: the settings store, the worker's messages and the reminder's
 * state. The page depends on the OptionsConnector interface, so tests render it with a mock
 * (connector-mock.ts) and no extension around it.
 */
import * as z from 'zod/mini';
import browser from 'webextension-polyfill';
import {
  AckResponse,
  ExportLedgerResponse,
  FeedbackResponse,
  PackResponse,
  PolicyResponse,
  SettingsResponse,
} from '../shared/messages.ts';
import { POLICY_CACHE_KEY, type PolicyProblem } from '../shared/policy.ts';
import { repairSettings, SETTINGS_KEY, type Settings, type SettingsRepair } from '../shared/settings.ts';
import type { SettingsPatch } from '../shared/settings-store.ts';
import { ask, downloadJson } from '../shared/page-worker.ts';

/** What the options page shows of the reminder's state (storage.local `reminderState`). */
export interface ReminderView {
  /** ISO time the person snoozed the reminder until; absent when not snoozed. */
  snoozedUntil?: string;
}

export interface SettingsResult {
  settings: Settings;
  repairs: SettingsRepair[];
}

export interface OptionsConnector {
  /** The stored settings, repaired field by field. */
  settings(): Promise<SettingsResult>;
  /** Saves a patch; a refused value is named in `repairs` and the stored one kept. */
  update(patch: SettingsPatch): Promise<SettingsResult>;
  /** Follows changes made elsewhere (the popup, another options tab); returns a stop. */
  watch(cb: (settings: Settings) => void): () => void;
  /**
   * Setting keys the organisation set (policy `lockedSettings`, and each of its `disabledSites`):
   * shown read-only.
   */
  locked(): Promise<string[]>;
  /** Policy keys the worker could not use (or kept at their last good value), and why. */
  policyProblems(): Promise<PolicyProblem[]>;
  reminder(): Promise<ReminderView>;
  watchReminder(cb: (view: ReminderView) => void): () => void;
  /** Ends a snooze now. */
  cancelSnooze(): Promise<AckResponse>;
  /** `check`: have the worker check the policy's pack first ("Check now"). */
  pack(check?: boolean): Promise<PackResponse>;
  feedback(): Promise<FeedbackResponse>;
  exportLedger(): Promise<ExportLedgerResponse>;
  deleteLedger(): Promise<AckResponse>;
  /** Saves text as a file in the person's downloads. */
  download(filename: string, text: string): void;
}

export const REMINDER_STATE_KEY = 'reminderState';

/**
 * The reminder helper owns this key's schema (src/background/reminder/state.ts); only the part
 * shown here is read, and anything else reads as "not snoozed".
 */
const SnoozeView = z.object({ snoozedUntil: z.optional(z.iso.datetime({ offset: true })) });

function reminderView(stored: unknown): ReminderView {
  const parsed = SnoozeView.safeParse(stored);
  return parsed.success && parsed.data.snoozedUntil ? { snoozedUntil: parsed.data.snoozedUntil } : {};
}

/** The worker's settings answer, repaired like a read (the worker's reply is not trusted blindly). */
async function settingsOf(message: unknown): Promise<SettingsResult> {
  const reply = await ask(message, SettingsResponse);
  if (!reply.ok) throw new Error(reply.error);
  return { settings: repairSettings(reply.settings).settings, repairs: reply.repairs };
}

async function policyOf(): Promise<{ locked: string[]; problems: PolicyProblem[] }> {
  const reply = await ask({ type: 'get-policy' }, PolicyResponse);
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

export function createBrowserConnector(): OptionsConnector {
  // Settings go through the worker: it applies the admin's policy to what is stored and refuses a
  // write to a locked key (src/background/policy-settings-store.ts).
  return {
    settings: () => settingsOf({ type: 'get-settings' }),
    update: (patch) => settingsOf({ type: 'update-settings', patch }),
    watch(cb) {
      // A change of the stored settings or of the cached policy: ask for the effective settings.
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local' || !(SETTINGS_KEY in changes || POLICY_CACHE_KEY in changes)) return;
        settingsOf({ type: 'get-settings' }).then(
          (result) => cb(result.settings),
          () => undefined,
        );
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    locked: async () => (await policyOf()).locked,
    policyProblems: async () => (await policyOf()).problems,
    reminder: async () =>
      reminderView((await browser.storage.local.get(REMINDER_STATE_KEY))[REMINDER_STATE_KEY]),
    watchReminder(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[REMINDER_STATE_KEY];
        if (area === 'local' && change) cb(reminderView(change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    // TODO(lead): `reminder-snooze` is the reminder helper's message; until it is merged the worker
    // refuses it and the page says so.
    cancelSnooze: () => ask({ type: 'reminder-snooze', until: null }, AckResponse),
    pack: (check = false) => ask({ type: 'get-pack', ...(check ? { check } : {}) }, PackResponse),
    feedback: () => ask({ type: 'get-feedback' }, FeedbackResponse),
    exportLedger: () => ask({ type: 'export-ledger' }, ExportLedgerResponse),
    deleteLedger: () => ask({ type: 'delete-ledger' }, AckResponse),
    download: downloadJson,
  };
}
