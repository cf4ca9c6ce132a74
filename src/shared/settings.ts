/**
 * The person's settings: one zod schema, its defaults and a field-by-field repair. Pure (no
 * browser API): the worker, the options page, the popup and the content script read settings
 * through settings-store.ts, which keeps them in storage.local under SETTINGS_KEY.
 *
 * Keys are product.md's ("Settings"); lockedSettings (admin policy) names the same keys.
 * Repair, not rejection: a stored object with one bad value keeps every other value and falls
 * back to the default for that one, so an old or damaged store never costs the person their
 * choices.
 */
import * as z from 'zod/mini';
import { PLATFORMS, type Platform } from '../engine/types.ts';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const ROLES = ['employee', 'executive'] as const;
export type Role = (typeof ROLES)[number];

export const GOALS = ['conversations', 'answers', 'customers', 'expertise'] as const;
export type Goal = (typeof GOALS)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const RoleSchema = z.enum(ROLES);
export const HourSchema = z.int().check(z.minimum(0), z.maximum(23));
export const WeekdaySchema = z.int().check(z.minimum(0), z.maximum(6));
export const TimeOfDaySchema = z.string().check(z.regex(HHMM, 'a time as HH:MM, 00:00 to 23:59'));
export const GoalSchema = z.enum(GOALS);
export const RetentionDaysSchema = z.int().check(z.minimum(7), z.maximum(365));

export interface ReminderSettings {
  enabled: boolean;
  /** Local hour, 0–23. */
  hour: number;
  /** 0 = Sunday … 6 = Saturday, ascending, no repeats. */
  weekdays: number[];
}

export interface QuietHours {
  /** "HH:MM", local; start after end means the quiet crosses midnight. */
  start: string;
  end: string;
}

export interface Settings {
  schemaVersion: number;
  role: Role;
  sites: Record<Platform, boolean>;
  reminder: ReminderSettings;
  quietHours: QuietHours;
  goals: Goal[];
  retentionDays: number;
}

/** Monday to Friday. */
export const WORKDAYS = [1, 2, 3, 4, 5];

/**
 * The defaults for a role. The reminder is on for executives, off for employees (they may opt
 * in). `role` comes from the admin's defaultRole on a new install, else employee; `reminder` is
 * the admin's schedule (policy `reminder`), whose fields replace the built-in ones.
 */
export function defaultSettings(role: Role = 'employee', reminder: Partial<ReminderSettings> = {}): Settings {
  return {
    schemaVersion: SETTINGS_VERSION,
    role,
    sites: Object.fromEntries(PLATFORMS.map((p) => [p, true])) as Record<Platform, boolean>,
    reminder: {
      enabled: reminder.enabled ?? role === 'executive',
      hour: reminder.hour ?? 9,
      weekdays: [...(reminder.weekdays ?? WORKDAYS)],
    },
    quietHours: { start: '19:00', end: '08:00' },
    goals: [],
    retentionDays: 90,
  };
}

/** Why a stored value was not kept: the dotted key and what was wrong. */
export interface SettingsRepair {
  key: string;
  reason: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function pick<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  fallback: T,
  key: string,
  repairs: SettingsRepair[],
): T {
  if (value === undefined) return fallback;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  repairs.push({ key, reason: parsed.error.issues[0]?.message ?? 'invalid' });
  return fallback;
}

const WeekdaysSchema = z.array(WeekdaySchema).check(z.maxLength(7));

/**
 * Reads whatever is stored (any shape, any older version) into valid settings. Unknown keys are
 * dropped; each bad value falls back to its default and is named in `repairs`. Migrations: v0
 * (no schemaVersion) had no other shape, so reading field by field is the whole migration; a
 * later version adds its steps here before the repair.
 */
export function repairSettings(
  stored: unknown,
  role: Role = 'employee',
  reminderDefaults: Partial<ReminderSettings> = {},
): { settings: Settings; repairs: SettingsRepair[] } {
  const repairs: SettingsRepair[] = [];
  const raw: Obj = isObj(stored) ? stored : {};
  if (stored !== undefined && !isObj(stored)) repairs.push({ key: '', reason: 'not an object' });

  const chosenRole = pick(RoleSchema, raw['role'], role, 'role', repairs);
  const base = defaultSettings(chosenRole, reminderDefaults);

  const sites = { ...base.sites };
  if (raw['sites'] !== undefined) {
    if (!isObj(raw['sites'])) repairs.push({ key: 'sites', reason: 'not an object' });
    else {
      for (const p of PLATFORMS) {
        sites[p] = pick(z.boolean(), raw['sites'][p], true, `sites.${p}`, repairs);
      }
    }
  }

  const reminder = { ...base.reminder };
  const r = raw['reminder'];
  if (r !== undefined) {
    if (!isObj(r)) repairs.push({ key: 'reminder', reason: 'not an object' });
    else {
      reminder.enabled = pick(z.boolean(), r['enabled'], reminder.enabled, 'reminder.enabled', repairs);
      reminder.hour = pick(HourSchema, r['hour'], reminder.hour, 'reminder.hour', repairs);
      const days = pick(WeekdaysSchema, r['weekdays'], reminder.weekdays, 'reminder.weekdays', repairs);
      reminder.weekdays = [...new Set(days)].sort((a, b) => a - b);
    }
  }

  const quietHours = { ...base.quietHours };
  const q = raw['quietHours'];
  if (q !== undefined) {
    if (!isObj(q)) repairs.push({ key: 'quietHours', reason: 'not an object' });
    else {
      quietHours.start = pick(TimeOfDaySchema, q['start'], quietHours.start, 'quietHours.start', repairs);
      quietHours.end = pick(TimeOfDaySchema, q['end'], quietHours.end, 'quietHours.end', repairs);
    }
  }

  const goalList = pick(z.array(GoalSchema), raw['goals'], base.goals, 'goals', repairs);
  const goals = GOALS.filter((g) => goalList.includes(g));

  const retentionDays = pick(
    RetentionDaysSchema,
    raw['retentionDays'],
    base.retentionDays,
    'retentionDays',
    repairs,
  );

  return {
    settings: {
      schemaVersion: SETTINGS_VERSION,
      role: chosenRole,
      sites,
      reminder,
      quietHours,
      goals,
      retentionDays,
    },
    repairs,
  };
}

/** Every key a control can carry as its `name` (and lockedSettings can name). */
export const SETTING_KEYS = [
  'role',
  ...PLATFORMS.map((p) => `sites.${p}`),
  'sites',
  'reminder',
  'reminder.enabled',
  'reminder.hour',
  'reminder.weekdays',
  'quietHours',
  'quietHours.start',
  'quietHours.end',
  'goals',
  'retentionDays',
] as const;

/** Minutes since midnight of an "HH:MM" that passed TimeOfDaySchema. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** True when a local time (minutes since midnight) falls in quiet hours; start == end is no quiet. */
export function inQuietHours(quiet: QuietHours, minutes: number): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
