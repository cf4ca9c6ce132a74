/**
 * The `rapport` process: runs the command line with this process's arguments and streams.
 * Built to dist/cli/rapport.js (scripts/build-cli.js); bin/rapport.js starts that file.
 */
import { nodeIo } from './io.ts';
import { main } from './main.ts';

// exitCode rather than exit(): lets a large stdout finish flushing into a pipe.
process.exitCode = await main(process.argv.slice(2), nodeIo());
