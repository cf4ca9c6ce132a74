/** `get-instances` (extension pages only): the Mastodon instances the person granted, sorted. */
import type { GetInstancesRequest, InstancesResponse } from '../../shared/messages.ts';
import { instanceHosts } from '../../shared/hosts.ts';

export function createGetInstancesHandler(getAll: () => Promise<{ origins?: string[] }>) {
  return async function getInstances(_req: GetInstancesRequest): Promise<InstancesResponse> {
    const { origins = [] } = await getAll();
    return { ok: true, instances: instanceHosts(origins) };
  };
}
