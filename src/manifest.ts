/**
 * The extension manifest for both targets, built by vite.config.ts through @crxjs/vite-plugin.
 * Least privilege: host access only for the supported networks; any other Mastodon instance is
 * asked for at run time through the optional permission, and the worker then registers the
 * content script for it (`scripting`). `activeTab` lets the popup read the host of the tab it
 * was opened on, to offer "Coach on <host>" there, without access to any other tab.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };
import { SUPPORTED_HOST_PATTERNS } from './shared/hosts.ts';
import { GECKO_ID, MANIFEST_PUBLIC_KEY } from './shared/ids.ts';

export type Target = 'chrome' | 'firefox';

export { SUPPORTED_HOST_PATTERNS };

/** The plain-object member of crxjs's manifest union. */
type ManifestV3 = Extract<ManifestV3Export, { manifest_version: number }>;

export function createManifest(target: Target): ManifestV3 {
  const icons = {
    16: 'icons/icon-16.png',
    32: 'icons/icon-32.png',
    48: 'icons/icon-48.png',
    128: 'icons/icon-128.png',
  };
  const common = {
    manifest_version: 3,
    name: 'Rapport',
    version: pkg.version,
    description: pkg.description,
    icons,
    action: { default_title: 'Rapport', default_popup: 'src/popup/index.html', default_icon: icons },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    host_permissions: SUPPORTED_HOST_PATTERNS,
    optional_host_permissions: ['https://*/*'],
    content_scripts: [
      {
        matches: SUPPORTED_HOST_PATTERNS,
        js: ['src/content/index.ts'],
        all_frames: true,
        run_at: 'document_idle',
      },
    ],
  };
  if (target === 'firefox') {
    // Firefox MV3 runs an event page, not a service worker; it has no `key` and no managed_schema
    // (its managed storage comes from a native manifest, not from policy keys in the manifest).
    const settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none' as const] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint's
      // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION); desktop from 140. crxjs's manifest type
      // does not know the key yet, hence the variable rather than a literal in the return.
      gecko_android: { strict_min_version: '142.0' },
    };
    return {
      ...common,
      background: { scripts: ['src/background/index.ts'] },
      browser_specific_settings: settings,
    };
  }
  return {
    ...common,
    key: MANIFEST_PUBLIC_KEY,
    minimum_chrome_version: '120',
    background: { service_worker: 'src/background/index.ts', type: 'module' },
    storage: { managed_schema: 'managed-schema.json' },
  };
}
