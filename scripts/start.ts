// `npm start`: build the extension, serve the fixture pages at the real host names, and open a
// visible Chromium with Rapport loaded on them. Without a display it prints how to do it by hand
// and keeps serving. `--once` (or CI=true without a terminal) checks the server and exits.
// The server listens on 127.0.0.1:8443 (`--port N` to change), or a free port when that is taken;
// https://127.0.0.1:PORT/ is the demo index.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, type FixtureServer } from '../test/browser/server.ts';
import { fixturesStale } from '../test/fixtures/build-fixtures.ts';
import { engineOneLiner, loadByHand, servingNotes, whatToTry } from './start/guidance.ts';
import { CHROMIUM_PATH, launchHeaded, type HeadedBrowser } from './start/headed.ts';
import { probe } from './start/probe.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_PORT = 8443;
const USAGE = 'usage: npm start [-- --once] [--port N] [--no-browser]';

interface Options {
  once: boolean;
  port: number;
  browser: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    once: !process.stdin.isTTY && process.env.CI === 'true',
    port: DEFAULT_PORT,
    browser: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--once') options.once = true;
    else if (arg === '--no-browser') options.browser = false;
    else if (arg === '--port' && /^\d+$/.test(argv[i + 1] ?? '')) options.port = Number(argv[++i]);
    else {
      console.error(`start: unknown argument ${arg}\n${USAGE}`);
      process.exit(2);
    }
  }
  return options;
}

/** Runs `npm run build`'s script quietly and reduces its report to one line. */
async function build(): Promise<void> {
  const started = Date.now();
  let output = '';
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) {
    process.stderr.write(output);
    console.error(`start: npm run build failed (exit ${code})`);
    process.exit(code || 1);
  }
  const targets = output
    .slice(output.lastIndexOf('build: done'))
    .split('\n')
    .filter((line) => line.trim().startsWith('dist/'))
    .map((line) => line.trim().replace(/\s{2,}/g, ' '));
  console.log(`build: ${targets.join(' · ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** The documented port when it is free, else any free one. */
async function serve(port: number): Promise<FixtureServer> {
  if (fixturesStale())
    console.log('demo pages: building them first (a few seconds, only when they changed)…');
  try {
    return await startFixtureServer({ port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (port === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw error;
    const server = await startFixtureServer({ port: 0 });
    console.log(`port ${port} is taken; serving on ${server.port} instead`);
    return server;
  }
}

/** Proves the server answers, both as the demo index and as a network host. */
async function checkServer(server: FixtureServer, demoUrl: string): Promise<void> {
  const index = await probe(server.port, `127.0.0.1:${server.port}`, '/');
  const x = await probe(server.port, 'x.com', '/home');
  const ok = index.status === 200 && index.body.includes('Rapport demo') && x.status === 200;
  console.log(`demo server answered ${index.status} for ${demoUrl} and ${x.status} for https://x.com/home`);
  if (!ok) throw new Error('the demo server did not serve its pages; see the statuses above');
}

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  await build();
  const server = await serve(options.port);
  const demoUrl = `https://127.0.0.1:${server.port}/`;
  const facts = { port: server.port, hostResolverRules: server.hostResolverRules, demoUrl };
  let browser: HeadedBrowser | null = null;
  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    if (reason) console.log(`\n${reason}; stopping.`);
    await browser?.close();
    await server.close();
    console.log('demo server stopped.');
    process.exit(code);
  };
  // A closed pipe (a `| tee` that the same Ctrl+C ended) must not skip the cleanup below.
  process.stdout.on('error', () => undefined);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void stop(`${signal === 'SIGINT' ? 'Ctrl+C' : signal}`));
  }

  try {
    await checkServer(server, demoUrl);
  } catch (error) {
    console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
    return stop('', 1);
  }

  const canShow = options.browser && hasDisplay() && existsSync(CHROMIUM_PATH);
  if (canShow) {
    try {
      browser = await launchHeaded({
        distChrome: join(ROOT, 'dist', 'chrome'),
        hostResolverRules: server.hostResolverRules,
        urls: [
          'https://x.com/home',
          'https://www.linkedin.com/feed/',
          'https://mastodon.social/notifications',
          demoUrl,
        ],
      });
    } catch (error) {
      console.log(
        `Could not open Chromium (${error instanceof Error ? error.message.split('\n')[0] : error}).`,
      );
    }
  }

  if (browser) {
    const tabs = browser.tabs.map((t) => `${t.url} (${t.status ?? 'did not load'})`).join(', ');
    console.log(
      `\nChromium is open with Rapport ${browser.extensionId ? 'loaded' : 'NOT loaded'}: ${tabs}\n`,
    );
    console.log(whatToTry(demoUrl));
    console.log(`\n${engineOneLiner()}`);
    if (options.once) return stop('--once');
    console.log('\nClose the browser or press Ctrl+C to stop.');
    await browser.closed;
    return stop('Browser closed');
  }

  const why = !options.browser
    ? 'Not opening a browser (--no-browser).'
    : !hasDisplay()
      ? 'No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window opens.'
      : existsSync(CHROMIUM_PATH)
        ? 'Chromium did not start, so no browser window opens.'
        : `${CHROMIUM_PATH} is not installed, so no browser window opens.`;
  console.log(`\n${why}\n\n${loadByHand(ROOT)}\n\n${servingNotes(ROOT, facts)}\n\n${engineOneLiner()}\n`);
  if (options.once) return stop('');
  console.log('Serving until Ctrl+C.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
