/**
 * Least privilege, checked on the BUILT manifests (what ships), against an approved list kept
 * here on purpose: widening a permission means editing this list in review.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { READERS, readerFile } from '../../src/background/reader-pages.ts';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../src/shared/ids.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `scripting`: the worker registers the content script on the Mastodon instances the person adds
 * (and injects it into their open tabs); without a host grant it reaches no page.
 * `activeTab`: the popup reads the host of the tab it was opened on to offer coaching there;
 * it grants nothing on any other tab and shows no install warning.
 * `notifications`: the executive's daily reminder (src/background/reminder/), one quiet one a day.
 */
const APPROVED_PERMISSIONS = ['activeTab', 'alarms', 'notifications', 'scripting', 'storage'];
const APPROVED_HOSTS = [
  'https://*.facebook.com/*',
  'https://*.instagram.com/*',
  'https://*.linkedin.com/*',
  'https://*.reddit.com/*',
  'https://*.threads.com/*',
  'https://*.threads.net/*',
  'https://*.youtube.com/*',
  'https://bsky.app/*',
  'https://mastodon.social/*',
  'https://twitter.com/*',
  'https://x.com/*',
];
/** Other Mastodon instances, asked for at run time, never granted at install. */
const APPROVED_OPTIONAL_HOSTS = ['https://*/*'];

interface BuiltManifest {
  manifest_version: number;
  key?: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[]; all_frames?: boolean }[];
  web_accessible_resources?: { matches?: string[]; extension_ids?: string[]; resources: string[] }[];
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker?: string; type?: string; scripts?: string[] };
  storage?: { managed_schema?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
}

type Target = 'chrome' | 'firefox';
const loaded = new Map<Target, BuiltManifest>();
function built(target: Target): BuiltManifest {
  const m = loaded.get(target);
  if (!m) throw new Error(`dist/${target}/manifest.json was not loaded`);
  return m;
}

beforeAll(() => {
  const missing = ['chrome', 'firefox'].filter((t) => !existsSync(join(ROOT, 'dist', t, 'manifest.json')));
  if (missing.length > 0) {
    // The build is this test's input; make it rather than skip (npm test builds before this anyway).
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, stdio: 'pipe' });
  }
  for (const target of ['chrome', 'firefox'] as const) {
    const path = join(ROOT, 'dist', target, 'manifest.json');
    loaded.set(target, JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest);
  }
}, 120_000);

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

describe.each(['chrome', 'firefox'] as const)('built %s comment readers', (target) => {
  it('are one classic script per network, apart from the content script and from pages', () => {
    for (const id of READERS) {
      const source = readFileSync(join(ROOT, 'dist', target, readerFile(id)), 'utf8');
      // A script the worker injects with executeScript: no module syntax.
      expect(source).not.toMatch(/^\s*(import|export)\b/m);
    }
    const content = (built(target).content_scripts ?? []).flatMap((c) => c.js ?? []);
    for (const file of content) {
      const source = readFileSync(join(ROOT, 'dist', target, file), 'utf8');
      expect(source).not.toContain('listNotifications');
      expect(source).not.toContain('initial-state');
    }
    // No page can load them: nothing is web-accessible.
    expect(built(target).web_accessible_resources ?? []).toEqual([]);
  });
});

describe.each(['chrome', 'firefox'] as const)('built %s manifest', (target) => {
  it('is MV3 and asks only for the approved permissions', () => {
    const m = built(target);
    expect(m.manifest_version).toBe(3);
    expect(sorted(m.permissions)).toEqual(APPROVED_PERMISSIONS);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(sorted(m.host_permissions)).toEqual(APPROVED_HOSTS);
    expect(sorted(m.optional_host_permissions)).toEqual(APPROVED_OPTIONAL_HOSTS);
  });

  it('injects content scripts only where it has host access, in every frame', () => {
    const scripts = built(target).content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(sorted(script.matches)).toEqual(APPROVED_HOSTS);
      expect(script.all_frames).toBe(true);
      for (const file of script.js ?? []) expect(existsSync(join(ROOT, 'dist', target, file))).toBe(true);
    }
  });

  it('exposes nothing to web pages or other extensions beyond the supported networks', () => {
    const m = built(target);
    expect(m.externally_connectable).toBeUndefined();
    for (const war of m.web_accessible_resources ?? []) {
      expect(war.extension_ids ?? []).toEqual([]);
      for (const match of war.matches ?? []) expect(APPROVED_HOSTS).toContain(match);
    }
    // The default policy forbids eval and remote code; nothing may loosen it.
    expect(m.content_security_policy?.extension_pages ?? '').not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

describe('target specifics', () => {
  it('Chromium: the manifest key yields the fixed extension id', () => {
    const key = built('chrome').key;
    expect(key).toBeTypeOf('string');
    const hex = createHash('sha256')
      .update(Buffer.from(key ?? '', 'base64'))
      .digest('hex')
      .slice(0, 32);
    const id = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });

  it('Chromium: a module service worker and the managed policy schema', () => {
    const m = built('chrome');
    expect(m.background?.type).toBe('module');
    expect(existsSync(join(ROOT, 'dist', 'chrome', m.background?.service_worker ?? '-'))).toBe(true);
    const schemaPath = join(ROOT, 'dist', 'chrome', m.storage?.managed_schema ?? '-');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual([
      'defaultRole',
      'disabledSites',
      'lockedSettings',
      'reminder',
      'rulePack',
      'rulePackPublicKeys',
      'rulePackSignature',
      'rulePackUrl',
    ]);
  });

  it('Firefox: an event page, the fixed gecko id, and no Chromium-only key', () => {
    const m = built('firefox');
    expect(m.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    expect(m.background?.service_worker).toBeUndefined();
    expect(m.background?.scripts?.length).toBeGreaterThan(0);
    for (const file of m.background?.scripts ?? []) {
      expect(existsSync(join(ROOT, 'dist', 'firefox', file))).toBe(true);
    }
    expect(m.key).toBeUndefined();
  });
});
