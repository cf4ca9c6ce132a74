/**
 * Argument parsing in two steps: node:util's strict parseArgs for the shape (unknown flags, missing
 * values), then a zod schema for the values (enums, dates, required positionals), each failure
 * turned into one plain sentence naming the flag.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as z from 'zod';
import { UsageError } from './errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

interface ParsedShape {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function optionName(message: string): string {
  return /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? 'an option';
}

function shapeError(error: unknown, command: string): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = optionName(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(
      `unknown option ${flag} (text that starts with "-" goes after "--": rapport ${command} -- "${flag}")`,
      command,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) {
      return new UsageError(`${flag} takes no value`, command);
    }
    return new UsageError(
      `${flag} needs a value (write ${flag}=VALUE for a value that starts with "-")`,
      command,
    );
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`unexpected argument: ${message}`, command);
  }
  return new UsageError(message, command);
}

/** Turns zod issues into "--flag: problem" lines; positionals are named by their schema key. */
function valueError(error: z.ZodError, command: string, positionalKeys: readonly string[]): UsageError {
  const lines = error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const label = positionalKeys.includes(key) ? key.toUpperCase() : `--${key}`;
    return `${label} ${issue.message}`;
  });
  return new UsageError(lines.join('\n'), command);
}

/**
 * Parses `argv` for `command`: `options` says which flags exist, `positionalKeys` names the positional
 * arguments in order (extra ones are an error), and `schema` checks and types the merged result.
 */
export function parseCommand<S extends z.ZodType>(
  command: string,
  argv: readonly string[],
  options: OptionSpec,
  positionalKeys: readonly string[],
  schema: S,
): z.output<S> {
  let parsed: ParsedShape;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as ParsedShape;
  } catch (error) {
    throw shapeError(error, command);
  }
  if (parsed.positionals.length > positionalKeys.length) {
    const extra = parsed.positionals.slice(positionalKeys.length).map((p) => JSON.stringify(p));
    const hint = positionalKeys.includes('text') ? ' (quote the text so it is one argument)' : '';
    throw new UsageError(`unexpected argument ${extra.join(' ')}${hint}`, command);
  }
  const merged: Record<string, unknown> = { ...parsed.values };
  positionalKeys.forEach((key, i) => {
    if (parsed.positionals[i] !== undefined) merged[key] = parsed.positionals[i];
  });
  const result = schema.safeParse(merged);
  if (!result.success) throw valueError(result.error, command, positionalKeys);
  return result.data;
}

/** Shared value schemas, with messages that read after the flag name. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => `must be one of ${values.join(', ')} (got ${JSON.stringify(issue.input)})`,
  });

export const filePath = (what: string) =>
  z.string({ error: `needs ${what}` }).check(z.minLength(1, { error: `needs ${what}` }));

/** An ISO 8601 date-time with a zone (or a plain date, taken as midnight UTC). */
export const isoInstant = z
  .string()
  .refine(
    (value) =>
      z.iso.datetime({ offset: true }).safeParse(value).success || z.iso.date().safeParse(value).success,
    {
      error: (issue) =>
        `must be an ISO 8601 date-time such as 2026-11-02T09:00:00Z (got ${JSON.stringify(issue.input)})`,
    },
  )
  .transform((value) => new Date(value));
