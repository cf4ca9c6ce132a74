/**
 * `apply-instances` (extension pages only): a page granted or removed an instance and waits until
 * the instances' content script matches the grants (and open tabs of a new instance are coached).
 */
import type { ApplyInstancesRequest, InstancesResponse } from '../../shared/messages.ts';
import type { InstanceSync } from '../instances.ts';

export function createApplyInstancesHandler(sync: InstanceSync) {
  return async function applyInstances(_req: ApplyInstancesRequest): Promise<InstancesResponse> {
    const { instances } = await sync();
    return { ok: true, instances };
  };
}
