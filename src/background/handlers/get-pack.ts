/**
 * `get-pack` (extension pages only): which rule pack the worker scores with, for the options
 * page's "Rule pack" section. Only the built-in pack exists so far; the admin issue adds `policy`
 * and `url` sources and the `expired`/`refused` statuses (product.md, "Contracts").
 */
import type { GetPackRequest, PackResponse } from '../../shared/messages.ts';
import type { CompiledPack } from '../../engine/index.ts';

export function createGetPackHandler(active: () => Pick<CompiledPack, 'name' | 'version'>) {
  return async function getPack(_req: GetPackRequest): Promise<PackResponse> {
    const { name, version } = active();
    return { ok: true, pack: { source: 'default', name, version, status: 'ok' } };
  };
}
