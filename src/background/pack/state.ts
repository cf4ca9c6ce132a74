/**
 * What the pack keeper keeps in storage.local, read back through zod (storage can hold anything an
 * older build or a broken disk left). Two keys, on purpose:
 * - `packAccepted`: the last-known-good pack, its exact text and what it is, written in ONE
 *   `storage.local.set`, so a worker stopped mid-swap leaves the old record or the new, never
 *   neither and never a body with another pack's name.
 * - `packSync`: bookkeeping of checks (time, error, ETag, back-off). Losing it costs a re-fetch.
 */
import * as z from 'zod/mini';
import { MAX_PACK_BYTES } from '../../engine/pack/schema.ts';

export const ACCEPTED_KEY = 'packAccepted';
export const SYNC_KEY = 'packSync';

export const AcceptedPack = z.object({
  text: z.string().check(z.maxLength(MAX_PACK_BYTES)),
  source: z.enum(['policy', 'url']),
  name: z.string(),
  version: z.string(),
  signature: z.enum(['verified', 'not-required']),
  acceptedAt: z.string(),
});
export type AcceptedPack = z.infer<typeof AcceptedPack>;

export const SyncState = z.object({
  lastCheck: z.optional(z.string()),
  /** Why the last check failed or its candidate was refused; cleared by an accepted pack or a 304. */
  lastError: z.optional(z.string()),
  /** The last candidate was refused (an older pack stays active). */
  refused: z.optional(z.boolean()),
  /** ETag of the last body fetched from `etagUrl`, for If-None-Match. */
  etag: z.optional(z.string()),
  etagUrl: z.optional(z.string()),
  /** Fetch failures in a row, for the back-off. */
  failures: z.number(),
  /** When the next fetch is due (ISO). */
  nextTry: z.optional(z.string()),
});
export type SyncState = z.infer<typeof SyncState>;

export interface PackStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readAccepted(storage: PackStorage): Promise<AcceptedPack | undefined> {
  const parsed = AcceptedPack.safeParse((await storage.get(ACCEPTED_KEY))[ACCEPTED_KEY]);
  return parsed.success ? parsed.data : undefined;
}

export async function readSync(storage: PackStorage): Promise<SyncState> {
  const parsed = SyncState.safeParse((await storage.get(SYNC_KEY))[SYNC_KEY]);
  return parsed.success ? parsed.data : { failures: 0 };
}
