/**
 * Real enterprise policy for the browser tests, without touching the machine's own:
 *
 * - Chromium reads `/etc/chromium/policies/managed/*.json`. A wrapper runs it in a private mount
 *   namespace (`unshare -m`) where a temporary folder is bind-mounted over `/etc/chromium`, so the
 *   test's policy file is the only one it sees and nothing else on the machine sees it. Needs
 *   root (or CAP_SYS_ADMIN), as writing the real folder would.
 * - Firefox reads `policies.json` in its installation's `distribution` folder at start: the same
 *   private mount puts a temporary folder there. Or it reads
 *   `~/.mozilla/managed-storage/<gecko id>.json` (the managed-storage manifest) at start: the
 *   browser gets a HOME of its own holding it.
 */
import { copyFile, cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../src/shared/ids.ts';
import { CHROMIUM_PATH, FIREFOX_PATH } from './launch.ts';

export interface ChromiumPolicy {
  /** The wrapper to launch instead of Chromium (ChromiumOptions.executablePath). */
  executablePath: string;
  /** Replaces the extension's managed storage policy; a running Chromium picks it up in ~5 s. */
  write(policy: unknown): Promise<void>;
  /** Writes the policy file as raw text (e.g. broken JSON). */
  writeRaw(text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function chromiumPolicy(policy: unknown): Promise<ChromiumPolicy> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-policy-'));
  const etc = join(dir, 'etc-chromium');
  const managed = join(etc, 'policies', 'managed');
  await mkdir(managed, { recursive: true });
  // Debian's Chromium reads its master preferences from the same folder: keep them.
  if (existsSync('/etc/chromium/master_preferences')) {
    await copyFile('/etc/chromium/master_preferences', join(etc, 'master_preferences'));
  }
  const file = join(managed, 'rapport.json');
  const writeRaw = (text: string) => writeFile(file, text);
  const write = (value: unknown) =>
    writeRaw(JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: value } } }, null, 2));
  await write(policy);
  const executablePath = join(dir, 'chromium-with-policy');
  // Playwright talks to Chromium over inherited pipes (fds 3 and 4); exec keeps them.
  await writeFile(
    executablePath,
    `#!/bin/sh\nexec unshare -m sh -c 'mount --bind "$0" /etc/chromium && exec ${CHROMIUM_PATH} "$@"' '${etc}' "$@"\n`,
    { mode: 0o755 },
  );
  return { executablePath, write, writeRaw, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface FirefoxPolicy {
  /** The browser's environment (FirefoxOptions.env). */
  env: Record<string, string | undefined>;
  remove(): Promise<void>;
}

export async function firefoxPolicy(policy: unknown): Promise<FirefoxPolicy> {
  const home = await mkdtemp(join(tmpdir(), 'rapport-ff-home-'));
  const folder = join(home, '.mozilla', 'managed-storage');
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, `${GECKO_ID}.json`),
    JSON.stringify({ name: GECKO_ID, description: 'Rapport test policy', type: 'storage', data: policy }),
  );
  return { env: { ...process.env, HOME: home }, remove: () => rm(home, { recursive: true, force: true }) };
}

export interface FirefoxPoliciesJson {
  /** The wrapper to launch instead of Firefox (FirefoxOptions.executablePath). */
  executablePath: string;
  remove(): Promise<void>;
}

/** `policies.json` with `3rdparty.Extensions.<gecko id>`, as an admin deploys it. */
export async function firefoxPoliciesJson(policy: unknown): Promise<FirefoxPoliciesJson> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-ff-policy-'));
  const distribution = join(dirname(await realpath(FIREFOX_PATH)), 'distribution');
  const ours = join(dir, 'distribution');
  // Keep what the package ships there (search plugins); add the policy.
  if (existsSync(distribution)) await cp(`${distribution}/`, `${ours}/`, { recursive: true });
  else await mkdir(ours, { recursive: true });
  await writeFile(
    join(ours, 'policies.json'),
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }, null, 2),
  );
  const executablePath = join(dir, 'firefox-with-policy');
  await writeFile(
    executablePath,
    `#!/bin/sh\nexec unshare -m sh -c 'mount --bind "$0" "${distribution}" && exec ${FIREFOX_PATH} "$@"' '${ours}' "$@"\n`,
    { mode: 0o755 },
  );
  return { executablePath, remove: () => rm(dir, { recursive: true, force: true }) };
}
