/**
 * Everything the CLI needs from its process, as one object, so tests can run `main` in-process
 * with captured output and a fake stdin.
 */
import { CliError } from './errors.ts';

export interface Io {
  /** Relative paths in arguments resolve against this. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** When stdin is a terminal, a missing TEXT is a usage error rather than a silent wait. */
  stdinIsTTY: boolean;
  /** Throws a CliError past `maxBytes`, so an endless pipe cannot exhaust memory. */
  readStdin(maxBytes: number): Promise<Uint8Array>;
}

export function tooLarge(what: string, maxBytes: number): CliError {
  return new CliError(`${what} is larger than ${Math.round(maxBytes / 2 ** 20)} MiB; refusing to read it`);
}

export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // Read when asked: touching process.stdin builds its stream (and loads tty or net), which a
    // draft given as an argument never needs; that is a few milliseconds of every start.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buffer = chunk as Buffer;
        size += buffer.length;
        if (size > maxBytes) throw tooLarge('standard input', maxBytes);
        chunks.push(buffer);
      }
      return Buffer.concat(chunks);
    },
  };
}
