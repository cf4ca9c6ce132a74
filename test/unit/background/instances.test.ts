/**
 * Other Mastodon instances: what counts as an instance host (shared by the options page, the popup
 * and the worker), and the worker's one dynamic content script kept in line with the grants,
 * against a fake of the permissions/scripting/tabs APIs that fails like the browsers do.
 */
import { describe, expect, it } from 'vitest';
import { checkInstanceHost, instanceHosts, isSupportedHost } from '../../../src/shared/hosts.ts';
import {
  createInstanceSync,
  INSTANCES_SCRIPT_ID,
  type InstanceApis,
  type InstanceScript,
} from '../../../src/background/instances.ts';

describe('checkInstanceHost', () => {
  it.each([
    ['fosstodon.org', 'fosstodon.org'],
    ['  Hachyderm.IO  ', 'hachyderm.io'],
    ['https://fosstodon.org', 'fosstodon.org'],
    ['HTTPS://Fosstodon.org/', 'fosstodon.org'],
    ['social.corp.example', 'social.corp.example'],
    ['mastodon.example.', 'mastodon.example'],
    ['my-instance.example', 'my-instance.example'],
    // International names become punycode, as the browsers' match patterns need.
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['MASTODON.中国', 'mastodon.xn--fiqs8s'],
  ])('accepts %j as %j', (input, host) => {
    expect(checkInstanceHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', /Enter the host name/],
    ['   ', /Enter the host name/],
    ['http://fosstodon.org', /Only https/],
    ['ftp://fosstodon.org', /Only https/],
    ['fosstodon.org/@someone', /without a path/],
    ['https://fosstodon.org/about', /without a path/],
    ['fosstodon.org?lang=en', /without a path/],
    ['fosstodon.org#top', /without a path/],
    ['*.fosstodon.org', /wildcard/i],
    ['https://*/*', /wildcard/i],
    ['fosstodon.org:8443', /port/],
    ['https://fosstodon.org:443/', /port/],
    ['127.0.0.1', /IP address/],
    ['10.0.0.1:443', /IP address/],
    ['[::1]', /IP address/],
    ['https://[2001:db8::1]/', /IP address/],
    ['0x7f.1', /IP address/],
    ['@me@fosstodon.org', /not an account/],
    ['me@fosstodon.org', /not an account/],
    ['localhost', /not a host name/],
    ['intranet', /not a host name/],
    ['foo_bar.example', /not a host name/],
    ['-bad.example', /not a host name/],
    ['a..example', /not a host name/],
    [`${'a'.repeat(64)}.example`, /not a host name/],
    ['fosstodon org', /not a host name/],
    ['mastodon.social', /already coaches on mastodon\.social/],
    ['x.com', /already coaches/],
    ['www.linkedin.com', /already coaches/],
    ['linkedin.com', /already coaches/],
    ['Old.Reddit.com', /already coaches on old\.reddit\.com/],
  ])('refuses %j', (input, reason) => {
    const checked = checkInstanceHost(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(reason);
  });

  it('knows the built-in networks and nothing near them', () => {
    expect(['x.com', 'm.youtube.com', 'bsky.app', 'www.threads.com'].every(isSupportedHost)).toBe(true);
    expect(
      ['notx.com', 'x.com.evil.example', 'mastodon.social.example', 'fakelinkedin.com'].some(isSupportedHost),
    ).toBe(false);
  });
});

describe('instanceHosts', () => {
  it('keeps plain https instance origins only, sorted and once each', () => {
    const granted = [
      'https://x.com/*',
      'https://*.linkedin.com/*',
      'https://mastodon.social/*',
      'https://hachyderm.io/*',
      'https://fosstodon.org/*',
      'https://fosstodon.org/*',
      'https://*/*', // "on all sites" from the browser's own settings: not an instance
      '<all_urls>',
      'http://plain.example/*',
      'https://ported.example:8443/*',
      'https://pathed.example/users/*',
      'https://localhost/*',
      'https://10.0.0.1/*',
      'https://Upper.example/*',
    ];
    expect(instanceHosts(granted)).toEqual(['fosstodon.org', 'hachyderm.io']);
    expect(instanceHosts([])).toEqual([]);
  });
});

// ---- the dynamic content script ----

const BUILT_JS = ['src/content/index.js'];

/** Like the browsers: duplicate ids and updates of missing ids are errors; tabs match by host. */
function fakeBrowser(origins: string[], tabs: Array<{ id: number; url: string }> = []) {
  const state = {
    origins,
    tabs,
    js: BUILT_JS,
    scripts: new Map<string, InstanceScript>(),
    calls: [] as string[],
    injected: [] as Array<{ tabId: number; files: string[] }>,
    brokenTabs: new Set<number>(),
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  const apis: InstanceApis = {
    getAllPermissions: async () => ({ origins: [...state.origins] }),
    async getRegistered(ids) {
      await tick();
      return ids.flatMap((id) => {
        const script = state.scripts.get(id);
        return script ? [structuredClone(script)] : [];
      });
    },
    async register(scripts) {
      state.calls.push('register');
      await tick();
      for (const s of scripts) {
        if (state.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        state.scripts.set(s.id, structuredClone(s));
      }
    },
    async update(scripts) {
      state.calls.push('update');
      await tick();
      for (const s of scripts) {
        const old = state.scripts.get(s.id);
        if (!old) throw new Error(`No script with ID '${s.id}'`);
        state.scripts.set(s.id, { ...old, ...structuredClone(s) });
      }
    },
    async unregister(ids) {
      state.calls.push('unregister');
      await tick();
      for (const id of ids) {
        if (!state.scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
    async tabsMatching(patterns) {
      const hosts = patterns.map((p) => p.slice('https://'.length, -'/*'.length));
      return state.tabs.filter((t) => hosts.includes(new URL(t.url).hostname)).map((t) => t.id);
    },
    async inject(tabId, files) {
      if (state.brokenTabs.has(tabId)) throw new Error('Cannot access contents of the page');
      state.injected.push({ tabId, files });
    },
    contentScriptFiles: () => [...state.js],
  };
  return { state, apis };
}

const expected = (...hosts: string[]): InstanceScript => ({
  id: INSTANCES_SCRIPT_ID,
  js: BUILT_JS,
  matches: hosts.map((h) => `https://${h}/*`),
  allFrames: true,
  runAt: 'document_idle',
  persistAcrossSessions: true,
});

describe('instance content script', () => {
  it('registers one script for the granted instances, once, however often it runs', async () => {
    const { state, apis } = fakeBrowser(['https://x.com/*', 'https://fosstodon.org/*']);
    const sync = createInstanceSync(apis);
    // Start-up, onAdded and a page's request arriving together still make one registration.
    const first = await Promise.all([sync(), sync(), sync()]);
    expect(first.map((r) => r.instances)).toEqual([['fosstodon.org'], ['fosstodon.org'], ['fosstodon.org']]);
    expect(await sync()).toEqual({ instances: ['fosstodon.org'], injectedTabs: [] });
    expect(state.calls).toEqual(['register']);
    expect([...state.scripts.values()]).toEqual([expected('fosstodon.org')]);
  });

  it('registers nothing while only the built-in networks are granted', async () => {
    const { state, apis } = fakeBrowser(['https://x.com/*', 'https://mastodon.social/*']);
    expect(await createInstanceSync(apis)()).toEqual({ instances: [], injectedTabs: [] });
    expect(state.calls).toEqual([]);
  });

  it('updates the registration when an instance is added or removed', async () => {
    const { state, apis } = fakeBrowser(['https://fosstodon.org/*']);
    const sync = createInstanceSync(apis);
    await sync();
    state.origins.push('https://hachyderm.io/*');
    expect((await sync()).instances).toEqual(['fosstodon.org', 'hachyderm.io']);
    expect(state.scripts.get(INSTANCES_SCRIPT_ID)).toEqual(expected('fosstodon.org', 'hachyderm.io'));
    state.origins.splice(state.origins.indexOf('https://fosstodon.org/*'), 1);
    await sync();
    expect(state.scripts.get(INSTANCES_SCRIPT_ID)).toEqual(expected('hachyderm.io'));
    expect(state.calls).toEqual(['register', 'update', 'update']);
  });

  it('does not update a registration the browser hands back in another order', async () => {
    const { state, apis } = fakeBrowser(['https://fosstodon.org/*', 'https://hachyderm.io/*']);
    const sync = createInstanceSync(apis);
    await sync();
    state.scripts.get(INSTANCES_SCRIPT_ID)?.matches?.reverse();
    await sync();
    expect(state.calls).toEqual(['register']);
  });

  it('follows the content script files of a new build', async () => {
    const { state, apis } = fakeBrowser(['https://fosstodon.org/*']);
    const sync = createInstanceSync(apis);
    await sync();
    state.js = ['assets/content-NEWHASH.js'];
    await sync();
    expect(state.scripts.get(INSTANCES_SCRIPT_ID)?.js).toEqual(['assets/content-NEWHASH.js']);
    expect(state.calls).toEqual(['register', 'update']);
  });

  it('unregisters when the last instance is removed, and only once', async () => {
    const { state, apis } = fakeBrowser(['https://fosstodon.org/*']);
    const sync = createInstanceSync(apis);
    await sync();
    state.origins = ['https://x.com/*'];
    expect(await sync()).toEqual({ instances: [], injectedTabs: [] });
    await sync();
    expect(state.scripts.size).toBe(0);
    expect(state.calls).toEqual(['register', 'unregister']);
  });

  it('coaches already-open tabs of a newly added instance without a reload', async () => {
    const { state, apis } = fakeBrowser(
      ['https://fosstodon.org/*'],
      [
        { id: 1, url: 'https://fosstodon.org/home' },
        { id: 2, url: 'https://hachyderm.io/home' },
        { id: 3, url: 'https://example.org/' },
        { id: 4, url: 'https://hachyderm.io/@someone' },
        { id: 5, url: 'https://hachyderm.io/closing' },
      ],
    );
    state.brokenTabs.add(5);
    const sync = createInstanceSync(apis);
    expect((await sync()).injectedTabs).toEqual([1]);
    state.origins.push('https://hachyderm.io/*');
    // Tab 1 already runs it; tab 5 failing (closed, navigated away) does not stop the others.
    expect((await sync()).injectedTabs).toEqual([2, 4]);
    expect(await sync()).toMatchObject({ injectedTabs: [] });
    expect(state.injected).toEqual([
      { tabId: 1, files: BUILT_JS },
      { tabId: 2, files: BUILT_JS },
      { tabId: 4, files: BUILT_JS },
    ]);
  });

  it('reports a broken build, and the next run still works', async () => {
    const { state, apis } = fakeBrowser(['https://fosstodon.org/*']);
    const sync = createInstanceSync(apis);
    state.js = [];
    await expect(sync()).rejects.toThrow(/no content script files/);
    state.js = BUILT_JS;
    expect((await sync()).instances).toEqual(['fosstodon.org']);
    expect(state.calls).toEqual(['register']);
  });
});
