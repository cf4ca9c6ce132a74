/**
 * The extension pages' side of "other Mastodon instances": the permission requests themselves run
 * here, in the page, because browsers only show a permission prompt during a user gesture; the
 * worker then applies the grants (`apply-instances`) and lists them (`get-instances`).
 */
import browser from 'webextension-polyfill';
import { instancePattern } from './hosts.ts';
import { InstancesResponse } from './messages.ts';

async function ask(type: 'get-instances' | 'apply-instances'): Promise<InstancesResponse> {
  const reply: unknown = await browser.runtime.sendMessage({ type });
  const parsed = InstancesResponse.safeParse(reply);
  return parsed.success ? parsed.data : { ok: false, error: 'unexpected reply from the worker' };
}

export const listInstances = (): Promise<InstancesResponse> => ask('get-instances');

export interface AddOutcome {
  /** False when the person (or the browser) declined the permission. */
  granted: boolean;
  reply: InstancesResponse;
}

/**
 * Call straight from a click or submit handler, with nothing awaited before it: the request has to
 * start inside the user gesture. `host` must have passed checkInstanceHost.
 */
export function addInstance(host: string): Promise<AddOutcome> {
  const request = browser.permissions.request({ origins: [instancePattern(host)] });
  return request.then(async (granted) => ({
    granted,
    reply: granted ? await ask('apply-instances') : await listInstances(),
  }));
}

export async function removeInstance(host: string): Promise<InstancesResponse> {
  await browser.permissions.remove({ origins: [instancePattern(host)] });
  return ask('apply-instances');
}
