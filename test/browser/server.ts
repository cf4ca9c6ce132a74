import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { API_ONLY_HOSTS, createFixtureApis, type FixtureApis } from '../fixtures/apis/index.ts';
import { BUILD_DIR, ensureFixturesBuilt } from '../fixtures/build-fixtures.ts';
import { FIXTURE_HOSTS, pageFor } from '../fixtures/routes.ts';

// One HTTPS server for every fixture host name. Browsers reach it through
// --host-resolver-rules (Chromium) or network.dns.forceResolve (Firefox), so pages run at
// https://x.com/... exactly where the extension's content scripts match.

export interface FixtureRequest {
  host: string;
  path: string;
  method: string;
  body?: string;
  /** The Authorization header an API request carried (the fixtures check the networks' tokens). */
  authorization?: string;
}

export interface FixtureServer {
  port: number;
  hosts: string[];
  /** Every request received, in order, so tests can prove no draft text left the page. */
  requests: FixtureRequest[];
  /** The networks' API fixtures (test/fixtures/apis/): switch a fault on with `apis.fail`. */
  apis: FixtureApis;
  /** The URL as a browser with host-resolver rules sees it (default port 443). */
  url(host: string, path?: string): string;
  /** The URL with the server's real port, for browsers without a port mapping (Firefox). */
  portUrl(host: string, path?: string): string;
  /** Value for Chromium's --host-resolver-rules. */
  hostResolverRules: string;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Content-Security-Policy for pages, like the networks send; false to send none. */
  csp?: string | false;
  /** Port to listen on (127.0.0.1 only); 0 or unset picks a free one. */
  port?: number;
}

export const FIXTURE_HOST_NAMES: readonly string[] = [...Object.keys(FIXTURE_HOSTS), ...API_ONLY_HOSTS];

// Close to what the networks send: scripts only from the origin, inline styles allowed.
const DEFAULT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const run = promisify(execFile);

/** A throwaway self-signed certificate for `hosts` (and localhost, 127.0.0.1); the pack host uses it too. */
export async function makeCertificate(hosts: readonly string[]): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cert-'));
  try {
    const names = [...hosts, 'localhost'].map((h) => `DNS:${h}`).join(',');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=rapport-fixtures',
      '-addext',
      `subjectAltName=${names},IP:127.0.0.1`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  csp?: string,
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', ...extra };
  if (csp) headers['content-security-policy'] = csp;
  res.writeHead(status, headers);
  res.end(body);
}

/** The page CSP with the origins a host's own app talks to (Bluesky's app reaches the person's PDS). */
function cspFor(csp: string | undefined, host: string): string | undefined {
  const connect = FIXTURE_HOSTS[host]?.connect;
  if (!csp || !connect?.length) return csp;
  return csp.replace("connect-src 'self'", `connect-src 'self' ${connect.join(' ')}`);
}

/** The build file for an asset path, or null if the path tries to leave the build folder. */
function assetFile(path: string): string | null {
  const file = normalize(join(BUILD_DIR, decodeURIComponent(path)));
  return file.startsWith(BUILD_DIR + sep) ? file : null;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  await ensureFixturesBuilt();
  const hosts = [...FIXTURE_HOST_NAMES];
  const csp = options.csp === false ? undefined : (options.csp ?? DEFAULT_CSP);
  const requests: FixtureRequest[] = [];
  const apis = createFixtureApis();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', 'https://fixture.invalid');
    const method = req.method ?? 'GET';
    const entry: FixtureRequest = { host, path: url.pathname + url.search, method };
    if (req.headers.authorization) entry.authorization = req.headers.authorization;
    requests.push(entry);
    const api = apis.answer({ host, method, url, headers: req.headers });
    if (api) {
      const { status, headers, body } = api.response;
      return send(res, status, headers['content-type'] ?? 'text/plain', body, undefined, headers);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      entry.body = await readBody(req);
      send(res, 405, 'text/plain', 'fixture pages accept no writes');
      return;
    }
    if (url.pathname.startsWith('/__fixture_assets/')) {
      const file = assetFile(url.pathname);
      if (!file) return send(res, 400, 'text/plain', 'bad path');
      try {
        const body = await readFile(file);
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
      } catch {
        send(res, 404, 'text/plain', 'no such asset');
      }
      return;
    }
    // 204 keeps a missing icon out of the console, where tests look for page errors.
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    const page = pageFor(host, url.pathname);
    if (!page) return send(res, 421, 'text/plain', `no fixture pages for host ${host}`);
    try {
      send(res, 200, TYPES['.html'] ?? 'text/html', await readFile(join(BUILD_DIR, page)), cspFor(csp, host));
    } catch {
      send(res, 500, 'text/plain', `fixture page ${page} is missing from the build`);
    }
  };

  const server = createServer(await makeCertificate(hosts), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    hosts,
    requests,
    apis,
    url: (host, path = '/') => `https://${host}${path}`,
    portUrl: (host, path = '/') => `https://${host}:${port}${path}`,
    hostResolverRules: hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', '),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
