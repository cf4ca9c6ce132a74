/**
 * The admin's managed policy (product.md, "Managed policy keys"): one zod schema per key and a
 * key-by-key reading of whatever `storage.managed` holds. Pure (no browser API).
 *
 * Why key by key: Chrome drops keys that fail managed-schema.json silently, but Firefox's
 * policies.json is not validated at all, and a registry or profile can hold anything. One bad key
 * must not cost the admin the others, so each value is checked on its own and a bad one is left
 * out with a reason the options page can show.
 */
import * as z from 'zod/mini';
import { PLATFORMS, type Platform } from '../engine/types.ts';
import { HourSchema, RoleSchema, SETTING_KEYS, WeekdaySchema, type Role } from './settings.ts';

/**
 * storage.local key where the worker caches the last good policy (src/background/policy-keeper.ts);
 * extension pages follow it, and the content script reads its disabledSites.
 */
export const POLICY_CACHE_KEY = 'managedPolicy';

/** Inline packs larger than this are refused before parsing (the pack validator caps URL packs too). */
export const MAX_INLINE_PACK_CHARS = 1_000_000;

export interface PolicyReminder {
  enabled?: boolean;
  hour?: number;
  weekdays?: number[];
}

export interface Policy {
  rulePackUrl?: string;
  rulePack?: string;
  rulePackPublicKeys?: string[];
  rulePackSignature?: string;
  defaultRole?: Role;
  reminder?: PolicyReminder;
  lockedSettings?: string[];
  disabledSites?: Platform[];
}

/** A key the policy set but that was left out, and why. */
export interface PolicyProblem {
  key: string;
  reason: string;
}

const Base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'), z.maxLength(200));

const schemas = {
  rulePackUrl: z.string().check(
    z.maxLength(2048),
    z.refine((s) => {
      try {
        return new URL(s).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'not an https:// URL'),
  ),
  rulePack: z.string().check(z.minLength(2), z.maxLength(MAX_INLINE_PACK_CHARS)),
  rulePackPublicKeys: z.array(Base64).check(z.minLength(1), z.maxLength(16)),
  rulePackSignature: Base64,
  defaultRole: RoleSchema,
  reminder: z.object({
    enabled: z.optional(z.boolean()),
    hour: z.optional(HourSchema),
    weekdays: z.optional(z.array(WeekdaySchema).check(z.maxLength(7))),
  }),
  lockedSettings: z.array(z.enum(SETTING_KEYS)).check(z.maxLength(SETTING_KEYS.length * 2)),
  disabledSites: z.array(z.enum(PLATFORMS)).check(z.maxLength(PLATFORMS.length * 2)),
} satisfies { [K in keyof Policy]-?: z.ZodMiniType };

export const POLICY_KEYS = Object.keys(schemas) as (keyof Policy)[];

/**
 * Reads whatever `storage.managed.get()` returned. Unknown keys are ignored (a newer admin
 * template may carry keys this version does not know); each bad value is left out and named in
 * `problems`. Never throws.
 */
export function readPolicy(raw: unknown): { policy: Policy; problems: PolicyProblem[] } {
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  if (raw === undefined || raw === null) return { policy: {}, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy: {}, problems: [{ key: '', reason: 'managed storage is not an object' }] };
  }
  for (const key of POLICY_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = schemas[key].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push({ key, reason: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  const p = policy as Policy;
  if (p.reminder?.weekdays) p.reminder.weekdays = [...new Set(p.reminder.weekdays)].sort((a, b) => a - b);
  if (p.disabledSites) p.disabledSites = [...new Set(p.disabledSites)];
  if (p.lockedSettings) p.lockedSettings = [...new Set(p.lockedSettings)];
  return { policy: p, problems };
}

/** True when a setting key is locked, directly or through a parent ("reminder" locks "reminder.hour"). */
export function isLocked(policy: Policy, key: string): boolean {
  return (policy.lockedSettings ?? []).some((k) => k === key || key.startsWith(k + '.'));
}
