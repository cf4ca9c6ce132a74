import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm start -- --once` as CI or a machine without a display runs it. Lives in the browser project
// because it rebuilds dist/, which unit files read in parallel; browser files run one at a time.

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function runStart(): Promise<{ code: number | null; out: string }> {
  const env = { ...process.env };
  // The runner's NODE_ENV=test would leak into the rebuilt dist/ that later browser files load.
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return new Promise((done, fail) => {
    const child = spawn('npm', ['start', '--', '--once'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
  });
}

const portIsClosed = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(false)));
    socket.once('error', () => done(true));
  });

describe('npm start without a display', () => {
  it('builds, serves the demo pages, prints the by-hand guidance, and stops cleanly', async () => {
    const { code, out } = await runStart();
    expect(code, out).toBe(0);
    expect(out).toMatch(/^build: dist\/chrome\/ \d+ files, [\d.]+ KiB · dist\/firefox\/ \d+ files/m);
    expect(out).toContain('No display here');
    expect(out).toContain(join(ROOT, 'dist', 'chrome'));
    expect(out).toContain(join(ROOT, 'dist', 'firefox', 'manifest.json'));

    const served =
      /demo server answered 200 for https:\/\/127\.0\.0\.1:(\d+)\/ and 200 for https:\/\/x\.com\/home/.exec(
        out,
      );
    expect(served, out).not.toBeNull();
    const port = Number(served?.[1]);
    expect(out).toContain(`The demo pages are being served at https://127.0.0.1:${port}/`);
    const rules = out.split('\n').find((line) => line.trim().startsWith('--host-resolver-rules='));
    expect(rules).toContain(`MAP x.com 127.0.0.1:${port}`);
    expect(rules).toContain(`MAP www.linkedin.com 127.0.0.1:${port}`);
    expect(out).toContain("npx rapport check --platform x 'FLASH SALE! 40% off, buy now'");
    // --once closes the server before exiting.
    expect(await portIsClosed(port)).toBe(true);
  });
});
