/**
 * The `rapport` command: routes to one file per command and turns every failure into a message and
 * an exit code. Takes its process through `io` so tests call it in-process.
 */
import { runCheck } from './check.ts';
import { CliError, EXIT, UsageError } from './errors.ts';
import { runEval } from './eval.ts';
import type { Io } from './io.ts';
import { printable } from './output.ts';
import { runPack } from './pack.ts';
import { HELP, OVERVIEW } from './usage.ts';

type Run = (argv: readonly string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Run> = { check: runCheck, eval: runEval, pack: runPack };

/** Messages quote user input (paths, values, parse errors); keep their line breaks, escape the rest. */
function safeLines(message: string): string {
  return message.split('\n').map(printable).join('\n');
}

function wantsHelp(argv: readonly string[]): boolean {
  // Only before "--", so a draft that reads "--help" can still be checked.
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      const topic = command === 'help' && rest[0] !== undefined ? HELP[rest[0]] : undefined;
      io.stdout(`${topic ?? OVERVIEW}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`, '');
    if (wantsHelp(rest)) {
      io.stdout(`${HELP[command] ?? OVERVIEW}\n`);
      return EXIT.ok;
    }
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const where = error.command ? `rapport ${error.command}` : 'rapport';
      const help = error.command ? `rapport help ${error.command.split(' ')[0]}` : 'rapport help';
      io.stderr(`${where}: ${safeLines(error.message)}\nSee: ${help}\n`);
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.stderr(`rapport: ${safeLines(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr(
      `rapport: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}
