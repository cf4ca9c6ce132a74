/**
 * A stand-in connector for tests and previews: settings in memory (repaired and patched by the
 * real settings store over a memory area), and the worker's answers as given.
 */
import type { AckResponse, ExportLedgerResponse, FeedbackCounts, PackInfo } from '../shared/messages.ts';
import { createSettingsStore, type StorageChange } from '../shared/settings-store.ts';
import type { OptionsConnector, ReminderView } from './connector.ts';
import type { PolicyProblem } from '../shared/policy.ts';

export interface MockOptions {
  /** What storage.local holds under `settings` at open (anything: it is repaired on read). */
  stored?: unknown;
  locked?: string[];
  policyProblems?: PolicyProblem[];
  reminder?: ReminderView;
  pack?: PackInfo;
  feedback?: FeedbackCounts;
  exported?: ExportLedgerResponse;
  ack?: AckResponse;
}

type Listener = (changes: Record<string, StorageChange>, area: string) => void;

export function createMockConnector(options: MockOptions = {}) {
  const data: Record<string, unknown> = options.stored === undefined ? {} : { settings: options.stored };
  const listeners = new Set<Listener>();
  const area = {
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) {
        data[key] = structuredClone(value);
        for (const l of listeners) l({ [key]: { newValue: structuredClone(value) } }, 'local');
      }
    },
  };
  const store = createSettingsStore(area, {
    addListener: (l) => void listeners.add(l),
    removeListener: (l) => void listeners.delete(l),
  });
  const calls: string[] = [];
  const reminderWatchers = new Set<(view: ReminderView) => void>();
  const state = { reminder: options.reminder ?? {} };
  const ack = options.ack ?? { ok: true as const };
  const connector: OptionsConnector & {
    data: typeof data;
    calls: string[];
    downloads: Array<{ filename: string; text: string }>;
    setReminder(view: ReminderView): void;
  } = {
    data,
    calls,
    downloads: [],
    settings: () => store.read(),
    update: (patch) => store.update(patch),
    watch: (cb) => store.watch(cb),
    locked: async () => options.locked ?? [],
    policyProblems: async () => options.policyProblems ?? [],
    reminder: async () => state.reminder,
    watchReminder(cb) {
      reminderWatchers.add(cb);
      return () => reminderWatchers.delete(cb);
    },
    setReminder(view) {
      state.reminder = view;
      for (const cb of reminderWatchers) cb(view);
    },
    async cancelSnooze() {
      calls.push('cancel-snooze');
      if (ack.ok) connector.setReminder({});
      return ack;
    },
    pack: async () => ({
      ok: true,
      pack: options.pack ?? { source: 'default', name: 'rapport-default', version: '1.0.0', status: 'ok' },
    }),
    feedback: async () => ({ ok: true, feedback: options.feedback ?? {} }),
    async exportLedger() {
      calls.push('export-ledger');
      return options.exported ?? { ok: true, json: '{"format":"rapport-ledger","events":[]}' };
    },
    async deleteLedger() {
      calls.push('delete-ledger');
      return ack;
    },
    download(filename, text) {
      connector.downloads.push({ filename, text });
    },
  };
  return connector;
}
