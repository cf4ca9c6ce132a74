/**
 * How long one `rapport check` takes from the shell: a fresh Node process running bin/rapport.js
 * (the compiled build, dist/cli/rapport.js) on one draft, start to exit. A bare `node -e 0` is
 * timed in the same rounds, so the row shows what the command adds to Node's own start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats.ts';
import { target, type Target } from './targets.ts';

export interface CliStartResult {
  runs: number;
  medianMs: number;
  minMs: number;
  nodeMedianMs: number;
}

/** Well under the half second the issue asks for: an admin's script may call it per draft. */
export const CLI_START_BOUND_MS = 300;

function timeOnce(args: string[], cwd: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

export function runCliStartBench(root: string, runs: number): CliStartResult | { skipped: string } {
  // Built first: with a build older than its sources bin/rapport.js runs the sources through tsx,
  // and the row would time the fallback (three times slower), not the command people install.
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.js')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0 || !existsSync(join(root, 'dist', 'cli', 'rapport.js')))
    return { skipped: `the CLI did not build: ${(build.stderr || build.stdout).trim().slice(0, 200)}` };
  const cli: number[] = [];
  const node: number[] = [];
  const args = [
    join(root, 'bin', 'rapport.js'),
    'check',
    'Shipping notes for this week. What broke for you?',
  ];
  timeOnce(args, root); // warm the file cache
  for (let i = 0; i < runs; i++) {
    node.push(timeOnce(['-e', '0'], root));
    cli.push(timeOnce(args, root));
  }
  return { runs, medianMs: median(cli), minMs: Math.min(...cli), nodeMedianMs: median(node) };
}

export function cliStartTarget(
  result: CliStartResult | { skipped: string } | null,
  skipped?: string,
): Target {
  const measured = result && 'medianMs' in result ? result : null;
  const note =
    skipped ??
    (result && 'skipped' in result
      ? result.skipped
      : measured
        ? `median of ${measured.runs} spawns; min ${measured.minMs.toFixed(0)} ms; bare node -e 0 ${measured.nodeMedianMs.toFixed(0)} ms`
        : undefined);
  return target(
    'rapport check, process start to exit',
    measured?.medianMs ?? null,
    'ms',
    '<=',
    CLI_START_BOUND_MS,
    note,
  );
}
