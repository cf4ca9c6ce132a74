/** Runs the CLI in-process with captured output, a fake stdin and a scratch directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Io } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** What stdin holds; stdin counts as a terminal when this is undefined. */
  stdin?: string;
  cwd?: string;
}

export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd ?? process.cwd(),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdinIsTTY: options.stdin === undefined,
    readStdin: async (maxBytes) => {
      const bytes = new TextEncoder().encode(options.stdin ?? '');
      if (bytes.length > maxBytes) throw new Error('test stdin over the cap');
      return bytes;
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** `check --json` output, parsed; fails the test with the stderr when the command did not succeed. */
export async function checkJson(argv: string[], options: RunOptions = {}): Promise<Record<string, unknown>> {
  const result = await run(['check', '--json', ...argv], options);
  if (result.code !== 0) throw new Error(`check exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** A scratch directory removed after the file's tests. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
