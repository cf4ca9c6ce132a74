/**
 * The `rapport` process: runs the command line with this process's arguments and streams.
 * Built to dist/cli/rapport.js (scripts/build-cli.js); bin/rapport.js starts that file.
 */
import { nodeIo } from './io.ts';
import { main } from './main.ts';

// A reader that stops early (`rapport eval big.jsonl | head`) closes the pipe: the rest of the
// output has nowhere to go, which is the reader's choice, not a failure, so the command ends quietly
// as other Unix tools do instead of printing Node's unhandled 'error' event and its stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// exitCode rather than exit(): lets a large stdout finish flushing into a pipe.
process.exitCode = await main(process.argv.slice(2), nodeIo());
