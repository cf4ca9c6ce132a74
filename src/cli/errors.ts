/** Exit codes are part of the CLI's contract: scripts branch on them. */
export const EXIT = {
  ok: 0,
  /** The command ran and the thing it checks failed: `pack validate|test`, `pack verify`. */
  failed: 1,
  /** Bad arguments, unreadable files, malformed input. */
  usage: 2,
  /** A bug in rapport itself. */
  internal: 3,
} as const;

/** An expected failure: its message is printed as is, without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** A mistake in the command line; main adds a pointer to the command's help. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message, EXIT.usage);
  }
}
