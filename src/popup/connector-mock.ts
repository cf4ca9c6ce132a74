/** A stand-in connector for tests and previews: replies with whatever it was given. */
import type { CurrentResponse } from '../shared/messages.ts';
import type { PopupConnector } from './connector.ts';

export function createMockConnector(reply: CurrentResponse = { ok: true, current: null }) {
  const calls = { getCurrent: 0, openOptions: 0 };
  const connector: PopupConnector & { reply: CurrentResponse; calls: typeof calls } = {
    reply,
    calls,
    async getCurrent() {
      calls.getCurrent += 1;
      return connector.reply;
    },
    async openOptions() {
      calls.openOptions += 1;
    },
  };
  return connector;
}
