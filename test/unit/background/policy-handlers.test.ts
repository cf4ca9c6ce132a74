/**
 * The worker's policy and settings messages: `get-policy` names locks and problems (shortened to
 * fit its schema), `update-settings` refuses a locked key, `get-settings` answers the settings in
 * effect; each reply passes the schema the options page parses it with.
 */
import { describe, expect, it } from 'vitest';
import { createGetPolicyHandler } from '../../../src/background/handlers/get-policy.ts';
import { createGetSettingsHandler } from '../../../src/background/handlers/get-settings.ts';
import { createUpdateSettingsHandler } from '../../../src/background/handlers/update-settings.ts';
import type { PolicyKeeper, PolicyState } from '../../../src/background/policy-keeper.ts';
import { createPolicySettingsStore } from '../../../src/background/policy-settings-store.ts';
import { PolicyResponse, Request, SettingsResponse } from '../../../src/shared/messages.ts';
import { readPolicy } from '../../../src/shared/policy.ts';
import { fakeStorage } from './fake-storage.ts';

function keeper(raw: unknown): PolicyKeeper {
  const state: PolicyState = readPolicy(raw);
  return {
    get: async () => state,
    latest: () => state,
    watch: () => () => undefined,
    refresh: async () => true,
  };
}

describe('policy messages', () => {
  it('get-policy lists locked keys (disabled sites too) and problems within its schema', async () => {
    const handler = createGetPolicyHandler(
      keeper({ lockedSettings: ['role'], disabledSites: ['x'], reminder: { hour: 99 }, defaultRole: 'boss' }),
    );
    const reply = await handler({ type: 'get-policy' });
    expect(PolicyResponse.safeParse(reply).success).toBe(true);
    expect(reply).toMatchObject({ ok: true, locked: ['role', 'sites.x'] });
    if (!reply.ok) throw new Error('refused');
    expect(reply.problems.map((p) => p.key).sort()).toEqual(['defaultRole', 'reminder']);
    // zod lists every allowed value for an enum: longer than the page has room for.
    const long = await createGetPolicyHandler(keeper({ lockedSettings: ['nope'] }))({ type: 'get-policy' });
    expect(PolicyResponse.safeParse(long).success).toBe(true);
    if (!long.ok) throw new Error('refused');
    expect(long.problems[0]!.reason.length).toBeLessThanOrEqual(200);
  });

  it('update-settings refuses a locked key; get-settings answers the settings in effect', async () => {
    const s = fakeStorage();
    const store = createPolicySettingsStore(
      s.area,
      s.onChanged,
      keeper({ defaultRole: 'executive', lockedSettings: ['role'], disabledSites: ['reddit'] }),
    );
    const update = createUpdateSettingsHandler(store);
    const message = Request.parse({
      type: 'update-settings',
      patch: { role: 'employee', goals: ['answers'] },
    });
    if (message.type !== 'update-settings') throw new Error('wrong type');
    const refused = await update(message);
    expect(SettingsResponse.safeParse(refused).success).toBe(true);
    expect(refused).toMatchObject({
      ok: true,
      repairs: [{ key: 'role', reason: 'set by your organisation' }],
    });
    expect(s.data['settings']).toBeUndefined();
    const got = await createGetSettingsHandler(store)({ type: 'get-settings' });
    expect(got).toMatchObject({ ok: true, settings: { role: 'executive', sites: { reddit: false } } });
  });

  it('the message schema refuses a patch of the wrong shape before any handler runs', () => {
    expect(Request.safeParse({ type: 'update-settings', patch: { sites: 'all' } }).success).toBe(false);
    expect(Request.safeParse({ type: 'update-settings', patch: { goals: 'answers' } }).success).toBe(false);
  });
});
