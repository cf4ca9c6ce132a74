import type { z } from 'zod';

/** A pack that cannot be used, with every problem in plain words at its JSON path. */
export class PackError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'PackError';
  }
}

export function jsonPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(the whole pack)';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Parse options that keep the offending value in each issue, so messages can name it. */
export const REPORT_INPUT = { reportInput: true } as const;

export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const where = jsonPath(issue.path, prefix);
    if (issue.code === 'unrecognized_keys')
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_type') {
      return `${where}: ${issue.input === undefined ? 'is required' : `expected ${issue.expected}, got ${describeValue(issue.input)}`}`;
    }
    return `${where}: ${issue.message}`;
  });
}
