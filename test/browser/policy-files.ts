/**
 * Real enterprise policy for the browser tests, without touching the machine's own:
 *
 * - Chromium reads `/etc/chromium/policies/managed/*.json`. A wrapper runs it in a private mount
 *   namespace (`unshare -m`) where a temporary folder is bind-mounted over `/etc/chromium`, so the
 *   test's policy file is the only one it sees and nothing else on the machine sees it. Needs
 *   root (or CAP_SYS_ADMIN), as writing the real folder would.
 * - Firefox reads `~/.mozilla/managed-storage/<gecko id>.json` (the managed-storage manifest) at
 *   start; the browser gets a HOME of its own holding it.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../src/shared/ids.ts';
import { CHROMIUM_PATH } from './launch.ts';

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
