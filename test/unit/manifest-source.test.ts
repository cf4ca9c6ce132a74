/**
 * manifest.json is the one source of the manifest, in the Chromium form; the Firefox form is
 * derived from it (scripts/build/manifest.ts). The built manifests are checked in manifest.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createManifest } from '../../scripts/build/manifest.ts';
import { SUPPORTED_HOST_PATTERNS } from '../../src/shared/hosts.ts';
import { GECKO_ID, MANIFEST_PUBLIC_KEY } from '../../src/shared/ids.ts';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('manifest.json', () => {
  it('is the Chromium form as it is, at the package version', () => {
    expect(createManifest('chrome')).toEqual(source);
    expect(source.version).toBe(pkg.version);
    expect(source.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
  });

  it('is where the pinned key and the coached hosts come from', () => {
    expect(MANIFEST_PUBLIC_KEY).toBe(source.key);
    expect(SUPPORTED_HOST_PATTERNS).toEqual(source.host_permissions);
    expect((source.content_scripts as { matches: string[] }[])[0]?.matches).toEqual(source.host_permissions);
  });

  it('gives Firefox the same manifest with an event page and a gecko id instead of the Chromium-only keys', () => {
    const firefox: unknown = createManifest('firefox');
    const { key, minimum_chrome_version, storage, background, ...common } = source;
    expect([key, minimum_chrome_version, storage, background].every(Boolean)).toBe(true);
    expect(firefox).toEqual({
      ...common,
      background: { scripts: ['src/background/index.ts'] },
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    });
  });
});
