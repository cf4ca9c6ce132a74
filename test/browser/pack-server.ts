/**
 * For the shared-pack browser test: a local HTTPS server playing the admin's pack host (one pack
 * URL and its `.sig`, whatever the test puts there, ETag and CORS as docs/admin.md asks), and the
 * real policy mechanisms that point the extension at it: a Chromium policy file in a private mount
 * namespace, Firefox's managed-storage manifest under a private HOME.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../src/shared/ids.ts';
import { CHROMIUM_PATH } from './launch.ts';
import { makeCertificate } from './server.ts';

export interface Served {
  body: string;
  /** The `.sig` file; absent: 404. */
  sig?: string;
  etag?: string;
}

export interface PackRequest {
  path: string;
  ifNoneMatch: string | undefined;
  status: number;
}

export interface PackServer {
  port: number;
  /** The pack URL, at a real-looking host name the browsers send to 127.0.0.1. */
  url: string;
  serve(s: Served): void;
  requests: PackRequest[];
  close(): Promise<void>;
}

export const PACK_HOST = 'packs.example';

export async function startPackServer(): Promise<PackServer> {
  let served: Served = { body: '{}' };
  const requests: PackRequest[] = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'If-None-Match',
    'access-control-expose-headers': 'ETag',
  };
  const server = createServer(await makeCertificate([PACK_HOST]), (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const ifNoneMatch = req.headers['if-none-match'];
    const answer = (status: number, body = '', headers: Record<string, string> = {}) => {
      if (req.method !== 'OPTIONS') requests.push({ path, ifNoneMatch, status });
      res.writeHead(status, { ...cors, 'cache-control': 'no-cache', ...headers });
      res.end(body);
    };
    if (req.method === 'OPTIONS') return answer(204);
    if (path === '/acme.json.sig') return served.sig === undefined ? answer(404) : answer(200, served.sig);
    if (path !== '/acme.json') return answer(404);
    if (served.etag !== undefined && ifNoneMatch === served.etag)
      return answer(304, '', { etag: served.etag });
    answer(200, served.body, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(served.body)),
      ...(served.etag ? { etag: served.etag } : {}),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `https://${PACK_HOST}:${port}/acme.json`,
    serve: (s) => void (served = s),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface PolicyHome {
  /** Chromium: a launcher that runs the browser with this policy file mounted (needs root). */
  chromium: string;
  /** Rewrites Chromium's policy file; a running Chromium picks the change up within seconds. */
  rewriteChromium(policy: Record<string, unknown>): Promise<void>;
  /** Firefox: the environment whose HOME holds the managed-storage manifest. */
  firefoxEnv: Record<string, string | undefined>;
  cleanup(): Promise<void>;
}

/**
 * The same policy for both browsers, through their real enterprise mechanisms. Chromium reads
 * /etc/chromium/policies/managed/*.json; a private mount namespace (`unshare -m`) binds a copy of
 * /etc/chromium holding the file over the real one, so the machine's /etc is never touched.
 */
export async function writePolicy(policy: Record<string, unknown>): Promise<PolicyHome> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-policy-'));
  const etc = join(dir, 'etc-chromium');
  await mkdir(join(etc, 'policies', 'managed'), { recursive: true });
  await copyFile('/etc/chromium/master_preferences', join(etc, 'master_preferences')).catch(() => undefined);
  const policyFile = join(etc, 'policies', 'managed', 'rapport.json');
  const writeChromium = (p: Record<string, unknown>) =>
    writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: p } } }));
  await writeChromium(policy);
  const chromium = join(dir, 'chromium-with-policy');
  await writeFile(
    chromium,
    `#!/bin/sh\nexec unshare -m sh -c 'mount --bind "$0" /etc/chromium && exec ${CHROMIUM_PATH} "$@"' '${etc}' "$@"\n`,
    { mode: 0o755 },
  );
  const home = join(dir, 'home');
  await mkdir(join(home, '.mozilla', 'managed-storage'), { recursive: true });
  await writeFile(
    join(home, '.mozilla', 'managed-storage', `${GECKO_ID}.json`),
    JSON.stringify({ name: GECKO_ID, description: 'Rapport policy', type: 'storage', data: policy }),
  );
  return {
    chromium,
    rewriteChromium: writeChromium,
    firefoxEnv: { ...process.env, HOME: home },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
