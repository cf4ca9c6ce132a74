/**
 * The extension manifest for both targets. manifest.json at the top of the repository is the one
 * source, in the Chromium form (Chrome, Edge), with source paths that @crxjs/vite-plugin rewrites
 * to the built files; the Firefox form is derived from it here.
 *
 * Least privilege: host access only for the supported networks; any other Mastodon instance is
 * asked for at run time through the optional permission, and the worker then registers the
 * content script for it (`scripting`). `activeTab` lets the popup read the host of the tab it was
 * opened on, to offer "Coach on <host>" there, without access to any other tab.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import source from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { GECKO_ID } from '../../src/shared/ids.ts';

export type Target = 'chrome' | 'firefox';

/** The plain-object member of crxjs's manifest union. */
type ManifestV3 = Extract<ManifestV3Export, { manifest_version: number }>;

export function createManifest(target: Target): ManifestV3 {
  if (source.version !== pkg.version) {
    throw new Error(
      `manifest.json says version ${source.version}, package.json ${pkg.version}: make them agree`,
    );
  }
  const chromium = structuredClone(source) as ManifestV3;
  if (target === 'chrome') return chromium;
  // Firefox MV3 runs an event page, not a service worker; it has no `key` (its id is the gecko id)
  // and no managed_schema (its managed storage comes from policies.json or a native manifest).
  const { key: _key, minimum_chrome_version: _minimum, storage: _storage, background, ...common } = chromium;
  const worker = background && 'service_worker' in background ? background.service_worker : undefined;
  if (!worker) throw new Error('manifest.json: background.service_worker is missing');
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
  return { ...common, background: { scripts: [worker] }, browser_specific_settings: settings };
}
