/**
 * Coaching on Mastodon instances the person added: one dynamic content script, "rapport-instances",
 * matching every granted instance host, kept in line with the granted permissions. The content
 * script recognises Mastodon by its page (`div#mastodon`), so the same files as the static content
 * script serve every instance. Browser APIs come in as a narrow interface so tests use fakes.
 */
import { instanceHosts, instancePattern } from '../shared/hosts.ts';

export const INSTANCES_SCRIPT_ID = 'rapport-instances';

export interface InstanceScript {
  id: string;
  js?: string[];
  matches?: string[];
  allFrames?: boolean;
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The parts of `permissions`, `scripting` and `tabs` the sync uses. */
export interface InstanceApis {
  getAllPermissions(): Promise<{ origins?: string[] }>;
  getRegistered(ids: string[]): Promise<InstanceScript[]>;
  register(scripts: InstanceScript[]): Promise<void>;
  update(scripts: InstanceScript[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  /** Ids of open tabs whose URL matches one of the patterns. */
  tabsMatching(patterns: string[]): Promise<number[]>;
  inject(tabId: number, files: string[]): Promise<void>;
  /** The static content script's files as built (hashed names), from the running manifest. */
  contentScriptFiles(): string[];
}

export interface SyncResult {
  /** Granted instance hosts, sorted: what the dynamic content script now matches. */
  instances: string[];
  /** Tabs the content script was injected into because their instance was just added. */
  injectedTabs: number[];
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** Host of a registered `https://<host>/*` match. */
const hostOf = (pattern: string) => pattern.slice('https://'.length, -'/*'.length);

/**
 * Returns `sync()`: reads the granted instances and registers, updates or unregisters the one
 * dynamic script to match, then injects into open tabs of instances that were not registered
 * before (the content script is idempotent, so a tab that already runs it is not harmed). Calls
 * are queued: start-up, `permissions.onAdded` and a page's request can overlap, and two
 * concurrent registrations of one id would fail.
 */
export function createInstanceSync(apis: InstanceApis) {
  let queue: Promise<unknown> = Promise.resolve();

  async function syncNow(): Promise<SyncResult> {
    const { origins = [] } = await apis.getAllPermissions();
    const instances = instanceHosts(origins);
    const [existing] = await apis.getRegistered([INSTANCES_SCRIPT_ID]);
    if (instances.length === 0) {
      if (existing) await apis.unregister([INSTANCES_SCRIPT_ID]);
      return { instances, injectedTabs: [] };
    }
    const js = apis.contentScriptFiles();
    if (js.length === 0) throw new Error('the manifest lists no content script files');
    const script: InstanceScript = {
      id: INSTANCES_SCRIPT_ID,
      js,
      matches: instances.map(instancePattern),
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    };
    const before = new Set((existing?.matches ?? []).map(hostOf));
    if (!existing) await apis.register([script]);
    // Browsers may hand matches back in another order; instances are sorted.
    else if (!sameList([...(existing.matches ?? [])].sort(), script.matches) || !sameList(existing.js, js)) {
      await apis.update([script]);
    }
    const added = instances.filter((host) => !before.has(host));
    const injectedTabs: number[] = [];
    if (added.length > 0) {
      for (const tabId of await apis.tabsMatching(added.map(instancePattern))) {
        // A tab may close or navigate away meanwhile; the registration covers its next load.
        await apis.inject(tabId, js).then(
          () => injectedTabs.push(tabId),
          () => undefined,
        );
      }
    }
    return { instances, injectedTabs };
  }

  return function sync(): Promise<SyncResult> {
    const run = queue.then(syncNow);
    queue = run.catch(() => undefined);
    return run;
  };
}

export type InstanceSync = ReturnType<typeof createInstanceSync>;
