/**
 * `npm run bench [-- --json] [--no-browser] [--no-engine] [--quick] [--strict]`
 *
 * Speed of Rapport measured against its peers in the same run (engine), and the extension's own
 * costs in real Chromium (browser). Results go to the terminal and to .tmp/bench.json; with
 * --json the same JSON is printed instead of the tables. --strict exits 1 when a target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftSets } from '../bench/drafts.ts';
import { browserTargets, runBrowserBench, type BrowserBenchResult } from './bench/browser.ts';
import { popupPaintTarget } from './bench/popup-paint.ts';
import { runEngineBench, type EngineBenchResult } from './bench/engine.ts';
import { engineReport, historyReport, table, targetsReport } from './bench/report.ts';
import { engineTargets, historyTargets, linearity, type Linearity, type Target } from './bench/targets.ts';
import { runLinearityBench } from './bench/linearity.ts';
import { runHistoryBench, type HistoryBenchResult } from './bench/history.ts';
import { cliStartTarget, runCliStartBench, type CliStartResult } from './bench/cli-start.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = new Set(process.argv.slice(2));
const known = ['--json', '--no-browser', '--no-engine', '--quick', '--strict'];
for (const arg of args) {
  if (!known.includes(arg)) {
    console.error(`bench: unknown option ${arg} (known: ${known.join(' ')})`);
    process.exit(2);
  }
}
const asJson = args.has('--json');
const quick = args.has('--quick');
// Progress goes to stderr so `--json` leaves stdout as pure JSON.
const log = (line: string) => process.stderr.write(line + '\n');

// Seconds of timed rounds per size class: with warm-ups the engine part takes about 25 s and the
// browser part about 35 s.
const BUDGET_SECONDS: Record<number, number> = { 280: 4, 3_000: 5, 10_000: 3, 30_000: 4 };

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const targets: Target[] = [];
  let engine: EngineBenchResult | null = null;
  let lin: Linearity | null = null;
  if (!args.has('--no-engine')) {
    log('bench: engine (Rapport bundled as it ships, vs write-good, alex, one-regex floor)');
    engine = await runEngineBench(draftSets(), {
      budgetSeconds: (size) => (BUDGET_SECONDS[size] ?? 6) * (quick ? 0.2 : 1),
      minRounds: 3,
      maxRounds: 10_000,
      batchTargetNs: 1_000_000,
      log,
    });
    log('bench: linearity (Rapport alone, every size in each round)');
    const linRun = runLinearityBench(draftSets(), {
      budgetSeconds: quick ? 2 : 8,
      warmUpMs: quick ? 300 : 1_000,
      batchTargetNs: 1_000_000,
      log,
    });
    lin = linearity(linRun);
    targets.push(...engineTargets(engine, lin));
  }
  let history: HistoryBenchResult | null = null;
  if (!args.has('--no-engine')) {
    log('bench: history (5,000-event ledger vs empty; ledger append)');
    history = await runHistoryBench(draftSets()[0]?.drafts ?? [], {
      budgetSeconds: quick ? 2 : 8,
      appendSamples: quick ? 100 : 400,
      log,
    });
    targets.push(...historyTargets(history));
  } else {
    targets.push(...historyTargets(null, '--no-engine'));
  }

  let cli: CliStartResult | { skipped: string } | null = null;
  if (!args.has('--no-engine')) {
    log('bench: rapport CLI start (fresh process per call)');
    cli = runCliStartBench(ROOT, quick ? 5 : 15);
    targets.push(cliStartTarget(cli));
  } else {
    targets.push(cliStartTarget(null, '--no-engine'));
  }

  let browser: BrowserBenchResult;
  if (args.has('--no-browser')) {
    browser = { skipped: '--no-browser' };
  } else {
    log('bench: extension in Chromium');
    browser = await runBrowserBench({ root: ROOT, log, quick });
  }
  if ('targets' in browser) targets.push(...browser.targets);
  else
    targets.push(
      ...browserTargets(null, null, null, null, null, browser.skipped),
      popupPaintTarget(null, browser.skipped),
    );

  const result = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    /** 1-minute load at start and end: other processes share these cores, and their load shows up as noise. */
    loadAverage: [loadAtStart, loadavg()[0] ?? 0],
    seconds: (Date.now() - started) / 1000,
    pack: engine?.pack ?? null,
    engine: engine ? { gcBetweenPhases: engine.gcBetweenPhases, sizes: engine.sizes, linearity: lin } : null,
    history,
    cli,
    browser,
    targets,
  };
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(join(ROOT, '.tmp', 'bench.json'), JSON.stringify(result, null, 2) + '\n');

  if (asJson) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    const out: string[] = [];
    out.push(
      `Rapport bench — ${result.cpu}, node ${result.node}, load ${result.loadAverage.map((l) => l.toFixed(1)).join(' → ')}` +
        (engine ? `, pack ${engine.pack.name} ${engine.pack.version}` : ''),
    );
    if (Math.max(...result.loadAverage) > cpus().length * 0.75) {
      out.push(
        'WARNING: the machine was busy during this run; medians hold up, p95s and the browser numbers are noisy — rerun on an idle machine before trusting a MISS or PASS near its bound.',
      );
    }
    if (engine) {
      out.push('Per-draft times: each sample is a batch of calls on one draft divided by its call count.');
      out.push(engineReport(engine, lin));
      if (history) out.push(historyReport(history));
    } else {
      out.push('\nEngine: SKIPPED — --no-engine');
    }
    out.push('\nExtension in Chromium');
    if ('skipped' in browser) out.push(`  SKIPPED — ${browser.skipped}`);
    else out.push(table(['measure', 'value'], browser.rows, true));
    out.push('\nTargets');
    out.push(targetsReport(targets));
    out.push(`\n${result.seconds.toFixed(1)} s; results in .tmp/bench.json`);
    process.stdout.write(out.join('\n') + '\n');
  }
  if (args.has('--strict') && targets.some((t) => t.status === 'MISS')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
