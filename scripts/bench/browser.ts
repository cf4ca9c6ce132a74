/**
 * The extension's own costs in real Chromium, on the x.com fixture page served at its real host
 * name: content-script size, main-thread time per keystroke on a 3,000-char draft in a fast
 * burst and at an ordinary rhythm with pauses (with a burst without the extension for the page's
 * own baseline), latency from the last keystroke to the indicator's final state, and long tasks
 * while typing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CARD_SCRIPT } from '../../src/shared/card-script.ts';
import { cardScriptSize, contentScriptSize, type BundleSize } from './bundle-size.ts';
import { measureKeystrokes, poolRuns, TYPED, type KeystrokeRun } from './keystrokes.ts';
import { measureLatency, type LatencyRun } from './latency.ts';
import { PROBE_SCRIPT } from './page-probe.ts';
import {
  measureBlankExtensionPage,
  measurePopupPaint,
  popupPaintTarget,
  type PopupPaintRun,
} from './popup-paint.ts';
import { typingRhythm } from './rhythm.ts';
import { fmt } from './report.ts';
import { mean, median, percentile } from './stats.ts';
import { target, type Target } from './targets.ts';

export type BrowserBenchResult =
  { skipped: string } | { rows: string[][]; targets: Target[]; raw: BrowserRaw };

export interface BrowserBenchOptions {
  root: string;
  log: (line: string) => void;
  quick: boolean;
}

export interface BrowserRaw {
  contentScript: BundleSize;
  /** A steady fast burst, 25 ms between keys. */
  keystrokes: KeystrokeRun;
  /** An ordinary rhythm (rhythm.ts): pauses between words are followed by a read. */
  rhythm: KeystrokeRun;
  /** One more burst with the CPU profiler on: hot functions, and time only its samples saw. */
  profiled: KeystrokeRun;
  /** The steady burst in a Chromium without the extension. */
  baseline: KeystrokeRun;
  latency: LatencyRun;
  popup: PopupPaintRun;
  /** The popup's HTML and CSS without script, as an extension page: the floor under `popup`. */
  blankPageFirstPaintMs: number[];
}

const CHROMIUM = '/usr/bin/chromium';
/** A fast typist's burst; and the latency trials' last keys, at an ordinary pace. */
const BURST_MS = 25;
const SLOW_KEYS_MS = 180;
const burstKeys = (quick: boolean) => (quick ? 40 : TYPED.length);
const rhythmKeys = (quick: boolean) => (quick ? 20 : 60);
/** Runs pooled per typing style (each on a freshly loaded page). */
const burstRuns = (quick: boolean) => (quick ? 1 : 3);
/** Five rhythms: a p95 over 120 keys is the 6th-worst key, too few to tell a change from noise. */
const rhythmSeeds = (quick: boolean) => (quick ? [7] : [7, 8, 9, 10, 11]);
const X_HOME = ['x.com', '/home'] as const;
const popupOpens = (quick: boolean) => (quick ? 5 : 20);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds dist/chrome when it is missing or older than its sources, so the numbers are about this code. */
function ensureBuilt(root: string, log: (line: string) => void): string {
  const dist = join(root, 'dist', 'chrome');
  const manifest = join(dist, 'manifest.json');
  const sources = ['src', 'public', 'vite.config.ts', 'package.json'].map((p) => newestMtime(join(root, p)));
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= Math.max(...sources)) return dist;
  log('  building dist/chrome (missing or older than src/)');
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'build.js'), 'chrome'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error('the chrome build failed (node scripts/build.js chrome)');
  return dist;
}

/** Chromium with the same flags as the extension run (`quietFlags`, from launch.ts), minus the extension. */
async function baselineRun(
  quietFlags: readonly string[],
  hostResolverRules: string,
  url: string,
  quick: boolean,
): Promise<KeystrokeRun> {
  const profile = await mkdtemp(join(tmpdir(), 'rapport-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new is among the flags, as in the extension run
    args: [...quietFlags, `--host-resolver-rules=${hostResolverRules}`, '--ignore-certificate-errors'],
    ignoreHTTPSErrors: true,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE_SCRIPT);
    await page.goto(url);
    await page.waitForSelector('html[data-fixture-ready]', { timeout: 15_000 });
    return await measureKeystrokes(page, { origin: null, delayMs: BURST_MS, keys: burstKeys(quick) });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const stats = (values: number[]) =>
  values.length
    ? { p50: median(values), p95: percentile(values, 95), mean: mean(values), max: Math.max(...values) }
    : { p50: null, p95: null, mean: null, max: null };

export async function runBrowserBench(opts: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const { root, log, quick } = opts;
  if (!existsSync(CHROMIUM)) return { skipped: `no ${CHROMIUM} (apt-get install chromium)` };
  for (const file of ['test/browser/launch.ts', 'test/browser/server.ts']) {
    if (!existsSync(join(root, file))) return { skipped: `${file} does not exist yet` };
  }
  const dist = ensureBuilt(root, log);
  const size = contentScriptSize(dist);
  const card = cardScriptSize(dist, CARD_SCRIPT);
  const { launchChromium, QUIET_CHROMIUM } = await import('../../test/browser/launch.ts');
  const { startFixtureServer } = await import('../../test/browser/server.ts');
  const server = await startFixtureServer();
  let keystrokes: KeystrokeRun;
  let rhythm: KeystrokeRun;
  let profiled: KeystrokeRun;
  let latency: LatencyRun;
  let baseline: KeystrokeRun;
  let popup: PopupPaintRun;
  let blankPage: number[];
  try {
    const session = await launchChromium({ hostPort: server.port, hosts: server.hosts });
    try {
      const page = await session.page();
      await page.addInitScript(PROBE_SCRIPT);
      await page.goto(server.url(...X_HOME));
      await page.waitForSelector('html[data-fixture-ready]', { timeout: 15_000 });
      const origin = `chrome-extension://${session.extensionId}/`;
      const fresh = async () => {
        await page.goto(server.url(...X_HOME));
        await page.waitForSelector('html[data-fixture-ready]', { timeout: 15_000 });
      };
      log('  per-keystroke main-thread time on a 3,000-char draft');
      const bursts: KeystrokeRun[] = [];
      for (let i = 0; i < burstRuns(quick); i++) {
        if (i > 0) await fresh();
        bursts.push(await measureKeystrokes(page, { origin, delayMs: BURST_MS, keys: burstKeys(quick) }));
      }
      keystrokes = poolRuns(bursts);
      log('  the same at an ordinary typing rhythm');
      const keys = rhythmKeys(quick);
      const rhythms: KeystrokeRun[] = [];
      for (const seed of rhythmSeeds(quick)) {
        await fresh();
        const delayMs = typingRhythm(TYPED.slice(0, keys), { seed });
        rhythms.push(await measureKeystrokes(page, { origin, delayMs, keys }));
      }
      rhythm = poolRuns(rhythms);
      log('  a burst with the CPU profiler on (what escapes the trace)');
      await fresh();
      profiled = await measureKeystrokes(page, {
        origin,
        delayMs: BURST_MS,
        keys: burstKeys(quick),
        samplingIntervalUs: 200,
      });
      log('  last keystroke → indicator latency');
      latency = await measureLatency(page, quick ? 6 : 20, SLOW_KEYS_MS);
      log('  popup open → first paint, with a 5,000-event ledger');
      const { seedLedger } = await import('../../test/browser/ledger-seed.ts');
      const { playwrightTab } = await import('../../test/browser/tab.ts');
      const { POPUP_PATH } = await import('../../test/browser/launch.ts');
      const popupUrl = `${origin}${POPUP_PATH}`;
      popup = await measurePopupPaint(session.context, popupUrl, popupOpens(quick), async (events) => {
        const seeding = await session.context.newPage();
        await seeding.goto(popupUrl);
        await seeding.waitForSelector('.activity[data-fresh="true"]', { timeout: 30_000 });
        await seedLedger(playwrightTab(seeding), events, 20);
        await seeding.close();
      });
    } finally {
      await session.close();
    }
    log('  a blank extension page open → first paint (the floor under the popup’s)');
    blankPage = await measureBlankExtensionPage(dist, QUIET_CHROMIUM, popupOpens(quick));
    log('  the same typing without the extension');
    baseline = await baselineRun(QUIET_CHROMIUM, server.hostResolverRules, server.url(...X_HOME), quick);
  } finally {
    await server.close();
  }

  const raw: BrowserRaw = {
    contentScript: size,
    keystrokes,
    rhythm,
    profiled,
    baseline,
    latency,
    popup,
    blankPageFirstPaintMs: blankPage,
  };
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const ext = stats(keystrokes.perKeyCpuMs);
  const extWall = stats(keystrokes.perKeyMs);
  const scriptOnly = stats(
    keystrokes.perKeyCpuMs.map((ms, i) => ms - (keystrokes.perKeyForcedLayoutMs[i] ?? 0)),
  );
  const atRhythm = stats(rhythm.perKeyCpuMs);
  const atRhythmWall = stats(rhythm.perKeyMs);
  const withExt = stats(keystrokes.perKeyMainThreadMs);
  const without = stats(baseline.perKeyMainThreadMs);
  const dist3 = (s: ReturnType<typeof stats>) =>
    `p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, mean ${fmt(s.mean)}, max ${fmt(s.max)}`;
  const paint = stats(popup.firstPaintMs);
  const fresh = stats(popup.freshMs);
  const blank = stats(blankPage);
  const rows: string[][] = [
    [
      'content script, gzipped (raw)',
      `${kb(size.gzipBytes)} (${kb(size.bytes)}) in ${size.files.length} file${size.files.length === 1 ? '' : 's'}`,
    ],
    ...size.files.map((f) => [`  ${f.path}`, `${kb(f.gzipBytes)} (${kb(f.bytes)})`]),
    ...(card
      ? [
          [
            `  not in it: ${card.path}, injected when the card first opens`,
            `${kb(card.gzipBytes)} (${kb(card.bytes)})`,
          ],
        ]
      : []),
    [
      `content-script ms per keystroke, thread time (${keystrokes.draftChars}-char draft, burst, ${keystrokes.perKeyMs.length} keys)`,
      `${dist3(ext)}; p95 per run ${keystrokes.runP95Ms.map((ms) => fmt(ms)).join(' / ')}`,
    ],
    ['  the same, wall clock (includes time the OS ran other processes)', dist3(extWall)],
    ['  thread time without the style/layout it forced', dist3(scriptOnly)],
    [
      `  at an ordinary rhythm, thread time (${rhythm.perKeyMs.length} keys, median gap 170 ms, pauses)`,
      `${dist3(atRhythm)}; p95 per run ${rhythm.runP95Ms.map((ms) => fmt(ms)).join(' / ')}`,
    ],
    ['  at an ordinary rhythm, wall clock', dist3(atRhythmWall)],
    [
      `  seen only by CPU samples (profiled burst, 200 µs; ${profiled.perKeyMs.length} keys)`,
      `${fmt(profiled.sampledOnlyMs)} ms in all (traced: ${fmt(profiled.totalExtensionMs - profiled.sampledOnlyMs)} ms)`,
    ],
    ...profiled.hot.slice(0, 5).map((h) => [`  hot: ${h.name}`, `${fmt(h.ms)} ms sampled`]),
    ['page main thread ms per keystroke, with extension', dist3(withExt)],
    ['page main thread ms per keystroke, without extension', dist3(without)],
    [
      `last key → indicator final state, ms (last keys ${SLOW_KEYS_MS} ms apart)`,
      `p50 ${fmt(latency.p50Ms)}, p95 ${fmt(latency.p95Ms)} over ${latency.measured}/${latency.trials} trials` +
        (latency.note ? ` — ${latency.note}` : ''),
    ],
    [
      '  indicator equal to the engine’s result after the pause',
      `${latency.matchesEngine}/${latency.trials} trials (${latency.noChangeAfterLastKey} with no change after the last key)`,
    ],
    [
      'long tasks > 50 ms while typing',
      `${keystrokes.traceLongTasksWithExtension} holding content-script time; page total ${keystrokes.traceLongTasks} ` +
        `(trace, 3,000-char draft; ${baseline.traceLongTasks} without extension), ` +
        `${keystrokes.pageLongTasks + latency.pageLongTasks} (PerformanceObserver, all typing)`,
    ],
    [
      `popup open → first paint, ms (${popup.firstPaintMs.length} opens, ${popup.ledgerEvents}-event ledger)`,
      `${dist3(paint)}; cached answer in the first paint ${popup.cachedFirst}/${popup.firstPaintMs.length}`,
    ],
    ['  open → the worker’s answer on screen, ms', dist3(fresh)],
    [
      '  a blank extension page (the popup’s HTML and CSS, no script), open → first paint, ms',
      `${dist3(blank)}; the popup’s own share at p50: ${fmt(paint.p50 !== null && blank.p50 !== null ? paint.p50 - blank.p50 : null)} ms`,
    ],
  ];
  const targets = browserTargets(
    size.gzipBytes / 1000,
    ext.p95,
    atRhythm.p95,
    latency.p95Ms,
    keystrokes.traceLongTasksWithExtension,
    latency.note,
  );
  // A first paint without the cached answer does not count as one.
  const paintP95 = popup.cachedFirst === popup.firstPaintMs.length ? paint.p95 : null;
  targets.push(
    popupPaintTarget(paintP95, paintP95 === null ? 'cached answer missing from a first paint' : undefined),
  );
  return { rows, targets, raw };
}

/** The browser targets; all null gives the SKIP rows a skipped run still prints. */
export function browserTargets(
  gzipKb: number | null,
  perKeyP95Ms: number | null,
  perKeyRhythmP95Ms: number | null,
  latencyP95Ms: number | null,
  longTasks: number | null,
  note?: string,
): Target[] {
  return [
    target('content script gzipped', gzipKb, 'kB', '<=', 15, note),
    target('content-script thread time per keystroke p95 (burst)', perKeyP95Ms, 'ms', '<=', 0.5, note),
    target('content-script thread time per keystroke p95 (rhythm)', perKeyRhythmP95Ms, 'ms', '<=', 0.5, note),
    target('last key → indicator p95', latencyP95Ms, 'ms', '<=', 250, note),
    target('long tasks holding content-script time', longTasks, '', '<=', 0, note),
  ];
}
