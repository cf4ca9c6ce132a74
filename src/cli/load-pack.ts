/** Loads the rule pack a command runs with: the built-in default, or an admin's file on top of it. */
import {
  compilePackText,
  compileValidatedPack,
  PackError,
  type CompiledPack,
  type CompileOptions,
} from '../engine/index.ts';
import { debuglog } from 'node:util';
import { builtInLexicon, builtInPack } from './built-in-pack.ts';
import { CliError, EXIT } from './errors.ts';
import { parseJson, readText } from './files.ts';
import type { Io } from './io.ts';
import { printable } from './output.ts';

/** NODE_DEBUG=rapport tells whether the lexicon came from the build's images: the build checks it. */
const debug = debuglog('rapport');

export function compileDefaultPack(): CompiledPack {
  try {
    // Its examples run in the engine's own tests; running them on every invocation only slows start-up.
    // Validated when the CLI was built (built-in-pack.ts), so no schema parse here, and its
    // lexicon comes from the images the build made when they fit.
    const pack = compileValidatedPack(builtInPack(), { skipExamples: true }, builtInLexicon());
    if (debug.enabled)
      debug('built-in lexicon %s', pack.lexicon.fromImage ? 'taken up from its image' : 'filed');
    return pack;
  } catch (error) {
    // The built-in pack is ours: if it does not compile, that is a bug, not the user's input.
    const detail = error instanceof PackError ? error.problems.join('; ') : String(error);
    throw new CliError(`the built-in rule pack does not compile: ${detail}`, EXIT.internal);
  }
}

export function formatProblems(path: string, problems: readonly string[]): string {
  const lines = problems.map((problem) => `  - ${printable(problem)}`);
  return `${path}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the rule pack:\n${lines.join('\n')}`;
}

export type PackOutcome = { ok: true; pack: CompiledPack } | { ok: false; problems: string[] };

/**
 * Compiles an admin pack over the default; the pack itself says whether it extends or replaces it.
 * Malformed JSON or an unreadable file throws (exit 2); schema problems come back as data so
 * `pack validate` can report them as a failed check rather than a usage error.
 */
export async function compilePackFile(
  io: Io,
  path: string,
  options: CompileOptions = {},
): Promise<PackOutcome> {
  const text = await readText(io, path, 'rule pack');
  // Parsed here first for an error with line and column; the engine then applies the same size cap
  // and checks as the extension's worker does on the same text.
  parseJson(text, path);
  const base = compileDefaultPack();
  try {
    return { ok: true, pack: compilePackText(text, base, options) };
  } catch (error) {
    if (error instanceof PackError) return { ok: false, problems: [...error.problems] };
    throw error;
  }
}

/** The pack for `check` and `eval`: `--pack FILE` or the default; any problem is an input error. */
export async function loadPack(io: Io, path: string | undefined): Promise<CompiledPack> {
  if (path === undefined) return compileDefaultPack();
  const outcome = await compilePackFile(io, path);
  if (!outcome.ok) throw new CliError(formatProblems(path, outcome.problems));
  return outcome.pack;
}
