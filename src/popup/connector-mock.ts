/** A stand-in connector for tests and previews: replies with whatever it was given. */
import type { AddOutcome } from '../shared/instances-client.ts';
import type { CurrentResponse } from '../shared/messages.ts';
import type { PopupConnector } from './connector.ts';

export interface MockOptions {
  /** The active tab's https host. */
  host?: string | null;
  /** Instances already granted. */
  instances?: string[];
  /** Whether the browser grants a requested instance. */
  grant?: boolean;
}

export function createMockConnector(
  reply: CurrentResponse = { ok: true, current: null },
  options: MockOptions = {},
) {
  const calls = { getCurrent: 0, openOptions: 0, coachOn: [] as string[] };
  const state = {
    host: options.host ?? null,
    instances: [...(options.instances ?? [])],
    grant: options.grant ?? true,
  };
  const connector: PopupConnector & { reply: CurrentResponse; calls: typeof calls; state: typeof state } = {
    reply,
    calls,
    state,
    async getCurrent() {
      calls.getCurrent += 1;
      return connector.reply;
    },
    async openOptions() {
      calls.openOptions += 1;
    },
    activeHost: async () => state.host,
    instances: async () => ({ ok: true, instances: [...state.instances] }),
    async coachOn(host): Promise<AddOutcome> {
      calls.coachOn.push(host);
      if (state.grant) state.instances = [...new Set([...state.instances, host])].sort();
      return { granted: state.grant, reply: { ok: true, instances: [...state.instances] } };
    },
  };
  return connector;
}
