/**
 * What the extension's own pages (popup, options) share when they talk to the worker and hand
 * the person a file: one validated request, one JSON download.
 */
import browser from 'webextension-polyfill';

/** Sends a message to the worker and validates the reply; anything unexpected becomes an error reply. */
export async function ask<T>(
  message: unknown,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): Promise<T | { ok: false; error: string }> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  const parsed = schema.safeParse(reply);
  return parsed.success ? parsed.data : { ok: false, error: 'unexpected reply from the worker' };
}

/** Saves text as a JSON file through a temporary link (no downloads permission needed). */
export function downloadJson(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
