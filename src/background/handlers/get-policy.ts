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
    return { ok: true, locked: lockedKeys(p), problems: problems.slice(0, 32) };
  };
}
