/**
 * `get-policy` (extension pages only): what the options page shows of the admin's policy: the
 * setting keys it locks (lockedSettings and each disabled site) and the keys it could not use.
 */
import type { GetPolicyRequest, PolicyResponse } from '../../shared/messages.ts';
import { lockedKeys } from '../../shared/policy-settings.ts';
import type { PolicyKeeper } from '../policy-keeper.ts';

export function createGetPolicyHandler(policy: Pick<PolicyKeeper, 'get'>) {
  return async function getPolicy(_req: GetPolicyRequest): Promise<PolicyResponse> {
    const { policy: p, problems } = await policy.get();
    // zod's reasons can list every allowed value: shortened to what the page has room for.
    const shown = problems.slice(0, 32).map(({ key, reason }) => ({
      key: key.slice(0, 60),
      reason: reason.length > 200 ? `${reason.slice(0, 199)}…` : reason,
    }));
    return { ok: true, locked: lockedKeys(p), problems: shown };
  };
}
