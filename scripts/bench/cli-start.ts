/**
 * How long one `rapport check` takes from the shell: a fresh Node process running bin/rapport.js
 * (the compiled build, dist/cli/rapport.js) on one draft, start to exit. A bare `node -e 0` is
 * timed in the same rounds, so the row shows what the command adds to Node's own start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { median } from './stats.ts';
import { target, type Target } from './targets.ts';

const timings = z.object({ cli: z.array(z.number()).min(1), node: z.array(z.number()).min(1) });

export interface CliStartResult {
  runs: number;
  medianMs: number;
  minMs: number;
  nodeMedianMs: number;
}

/** Well under the half second the issue asks for: an admin's script may call it per draft. */
export const CLI_START_BOUND_MS = 300;

export function runCliStartBench(root: string, runs: number): CliStartResult | { skipped: string } {
  // Built first: with a build older than its sources bin/rapport.js runs the sources through tsx,
  // and the row would time the fallback (three times slower), not the command people install.
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.js')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0 || !existsSync(join(root, 'dist', 'cli', 'rapport.js')))
    return { skipped: `the CLI did not build: ${(build.stderr || build.stdout).trim().slice(0, 200)}` };
  // The spawns are timed from a small child process (cli-timer.js says why).
  const timer = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'bench', 'cli-timer.js'), root, String(runs)],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (timer.status !== 0) return { skipped: `the timer failed: ${timer.stderr.trim().slice(0, 200)}` };
  const { cli, node } = timings.parse(JSON.parse(timer.stdout));
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
