/**
 * The pack keeper's view of the admin's policy: one function and one listener, so the policy
 * keeper (which also caches the last good policy) can stand in for them without touching the rest.
 * Absence (Firefox rejects `storage.managed.get()` when nothing is configured) reads as `{}`.
 */
import browser from 'webextension-polyfill';
import { readPolicy, type Policy } from '../../shared/policy.ts';

export async function readPackPolicy(): Promise<Policy> {
  try {
    return readPolicy(await browser.storage.managed.get()).policy;
  } catch {
    return {};
  }
}

/** Calls `listener` when the managed area changes (Chromium sometimes reports one edit twice). */
export function onPackPolicyChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') listener();
  });
}
