#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: no build step for the CLI.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
const { main } = await import('../src/cli/main.ts');
const { nodeIo } = await import('../src/cli/io.ts');
// exitCode rather than exit(): lets a large stdout finish flushing into a pipe.
process.exitCode = await main(process.argv.slice(2), nodeIo());
