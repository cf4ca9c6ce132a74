/**
 * The options page's way to the Mastodon instances: an interface, so the section renders and is
 * tested with a mock (instances-connector-mock.ts) without an extension around it.
 */
import { addInstance, listInstances, removeInstance, type AddOutcome } from '../shared/instances-client.ts';
import type { InstancesResponse } from '../shared/messages.ts';

export interface InstancesConnector {
  list(): Promise<InstancesResponse>;
  /** Asks the browser for the host; call it straight from the submit handler (user gesture). */
  add(host: string): Promise<AddOutcome>;
  remove(host: string): Promise<InstancesResponse>;
}

export function createBrowserInstancesConnector(): InstancesConnector {
  return { list: listInstances, add: addInstance, remove: removeInstance };
}
