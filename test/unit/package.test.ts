/**
 * `npm run package`: the store archives hold the built extension as it is, manifest.json at the
 * root, and nothing that must not ship. The packer runs on the build in dist/ (`npm test` builds
 * before the unit tests; this file builds when it is missing) and writes to a scratch folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/shared/ids.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const scratch = mkdtempSync(join(tmpdir(), 'rapport-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function packer(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.js'), '--no-build', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const archives = new Map<string, Record<string, Uint8Array>>();

beforeAll(() => {
  if (!['chrome', 'firefox'].every((t) => existsSync(join(ROOT, 'dist', t, 'manifest.json')))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.js'), 'chrome', 'firefox'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }
  const out = join(scratch, 'out');
  const result = packer(['--out', out]);
  if (result.code !== 0) throw new Error(`package.js exited ${result.code}: ${result.stderr}`);
  for (const target of ['chrome', 'firefox']) {
    const file = join(out, `rapport-${version}-${target}.zip`);
    archives.set(target, unzipSync(readFileSync(file)));
  }
}, 240_000);

function archive(target: string): Record<string, Uint8Array> {
  const entries = archives.get(target);
  if (!entries) throw new Error(`no ${target} archive`);
  return entries;
}

function manifestIn(target: string): Record<string, unknown> {
  const bytes = archive(target)['manifest.json'];
  if (!bytes) throw new Error(`${target} archive has no manifest.json at its root`);
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

describe.each(['chrome', 'firefox'])('the %s archive', (target) => {
  it('holds exactly the build folder, and no source map, TypeScript, test or dotfile', () => {
    const names = Object.keys(archive(target)).sort();
    expect(names).toEqual(listFiles(join(ROOT, 'dist', target)));
    for (const name of names) {
      expect(name).not.toMatch(/(^|\/)\.|\.map$|\.tsx?$|(^|\/)(test|tests|fixtures)\/|\.test\.js$/);
    }
    expect(names).not.toContain('default-pack.json');
    for (const [name, bytes] of Object.entries(archive(target))) {
      if (/\.(js|css|html)$/.test(name))
        expect(new TextDecoder().decode(bytes)).not.toContain('sourceMappingURL=');
    }
  });

  it('carries the manifest the build wrote, with every file it names', () => {
    const manifest = manifestIn(target);
    expect(manifest).toEqual(JSON.parse(readFileSync(join(ROOT, 'dist', target, 'manifest.json'), 'utf8')));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(version);
    const named = JSON.stringify(manifest).match(/"[^"]+\.(js|html|png|json)"/g) ?? [];
    for (const quoted of named) expect(archive(target)).toHaveProperty([JSON.parse(quoted) as string]);
  });
});

describe('per store', () => {
  it('Chrome/Edge: a module service worker, the pinned key and the managed-policy schema', () => {
    const manifest = manifestIn('chrome') as {
      key?: string;
      background?: { service_worker?: string; type?: string };
      storage?: { managed_schema?: string };
    };
    expect(manifest.background?.type).toBe('module');
    expect(manifest.background?.service_worker).toBeTruthy();
    expect(manifest.key).toBeTruthy();
    expect(archive('chrome')).toHaveProperty([manifest.storage?.managed_schema ?? 'managed-schema.json']);
  });

  it('Firefox: an event page, the fixed gecko id, and no Chromium-only key or schema', () => {
    const manifest = manifestIn('firefox') as {
      key?: string;
      background?: { scripts?: string[]; service_worker?: string };
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    expect(manifest.background?.scripts?.length).toBeGreaterThan(0);
    expect(manifest.background?.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    expect(manifest.key).toBeUndefined();
    expect(Object.keys(archive('firefox'))).not.toContain('managed-schema.json');
  });
});

describe('the packer', () => {
  it('gives byte-identical archives for the same build', () => {
    const again = join(scratch, 'again');
    expect(packer(['--out', again]).code).toBe(0);
    for (const target of ['chrome', 'firefox']) {
      const name = `rapport-${version}-${target}.zip`;
      expect(readFileSync(join(again, name)).equals(readFileSync(join(scratch, 'out', name)))).toBe(true);
    }
  });

  it('refuses a build that holds a source map or a dotfile, naming them', () => {
    const from = join(scratch, 'stray');
    for (const target of ['chrome', 'firefox'])
      cpSync(join(ROOT, 'dist', target), join(from, target), { recursive: true });
    writeFileSync(join(from, 'chrome', 'assets', 'extra.js.map'), '{}');
    writeFileSync(join(from, 'chrome', '.DS_Store'), '');
    const result = packer(['--from', from, '--out', join(scratch, 'refused')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('assets/extra.js.map (a source map)');
    expect(result.stderr).toContain('.DS_Store (a dotfile or dot folder)');
    expect(existsSync(join(scratch, 'refused', `rapport-${version}-chrome.zip`))).toBe(false);
  });
});
