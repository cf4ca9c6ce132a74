/** The real browser behind InstanceApis (instances.ts): permissions, scripting and tabs. */
import browser from 'webextension-polyfill';
import type { InstanceApis } from './instances.ts';

/** Firefox's getManifest() gives content script files as full moz-extension:// URLs; the scripting API wants paths. */
function relative(files: readonly string[] = []): string[] {
  const base = browser.runtime.getURL('');
  return files.map((file) => (file.startsWith(base) ? file.slice(base.length) : file));
}

export function browserInstanceApis(): InstanceApis {
  return {
    getAllPermissions: () => browser.permissions.getAll(),
    async getRegistered(ids) {
      const scripts = await browser.scripting.getRegisteredContentScripts({ ids });
      return scripts.map((script) => ({ ...script, js: relative(script.js) }));
    },
    register: (scripts) => browser.scripting.registerContentScripts(scripts),
    update: (scripts) => browser.scripting.updateContentScripts(scripts),
    unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
    async tabsMatching(patterns) {
      const tabs = await browser.tabs.query({ url: patterns });
      return tabs.flatMap((tab) => (typeof tab.id === 'number' ? [tab.id] : []));
    },
    async inject(tabId, files) {
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files });
    },
    contentScriptFiles: () => relative(browser.runtime.getManifest().content_scripts?.[0]?.js),
  };
}
