/**
 * `get-pack` (extension pages only): which rule pack the worker scores with, where it came from,
 * its signature and the last check, for the options page's "Rule pack" section (product.md,
 * "Contracts"). With `check`, the policy's pack is fetched or re-read first ("Check now").
 */
import type { GetPackRequest, PackInfo, PackResponse } from '../../shared/messages.ts';

export interface PackSource {
  info(): Promise<PackInfo>;
  sync(options: { force: boolean }): Promise<void>;
}

export function createGetPackHandler(keeper: PackSource) {
  return async function getPack(req: GetPackRequest): Promise<PackResponse> {
    // A failed check is recorded in the keeper's state and shown as the last error.
    if (req.check) await keeper.sync({ force: true }).catch(() => undefined);
    return { ok: true, pack: await keeper.info() };
  };
}
