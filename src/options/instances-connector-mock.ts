/** A stand-in for tests and previews: grants (or declines) at once and keeps the list in memory. */
import type { AddOutcome } from '../shared/instances-client.ts';
import type { InstancesConnector } from './instances-connector.ts';

export function createMockInstancesConnector(initial: string[] = [], grant = true) {
  const calls: Array<{ add?: string; remove?: string }> = [];
  const state = { instances: [...initial].sort(), grant };
  const reply = () => ({ ok: true as const, instances: [...state.instances] });
  const connector: InstancesConnector & { calls: typeof calls; state: typeof state } = {
    calls,
    state,
    list: async () => reply(),
    async add(host): Promise<AddOutcome> {
      calls.push({ add: host });
      if (!state.grant) return { granted: false, reply: reply() };
      state.instances = [...new Set([...state.instances, host])].sort();
      return { granted: true, reply: reply() };
    },
    async remove(host) {
      calls.push({ remove: host });
      state.instances = state.instances.filter((h) => h !== host);
      return reply();
    },
  };
  return connector;
}
