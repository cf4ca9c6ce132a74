/**
 * `sites.<id> = false` stops coaching and recording on that network. The content script stops on
 * its own when it sees the change; this gate is the worker's half (defence in depth): a page that
 * has not caught up yet, or an old content script, is refused here, so nothing is scored or
 * written to the ledger for a network the person turned off.
 */
import type { Platform } from '../engine/types.ts';
import type { Settings } from '../shared/settings.ts';
import type { Failure, Sender } from './router.ts';

export type Sites = () => Promise<Settings['sites']>;

export function offError(platform: Platform): Failure {
  return { ok: false, error: `refused: Rapport is turned off on ${platform}` };
}

/** Wraps a handler of a message that names its network; a turned-off network gets a refusal. */
export function gateBySite<R extends { platform: Platform }, A>(
  handler: (req: R, sender: Sender) => Promise<A>,
  sites: Sites,
): (req: R, sender: Sender) => Promise<A | Failure> {
  return async (req, sender) =>
    (await sites())[req.platform] ? handler(req, sender) : offError(req.platform);
}
