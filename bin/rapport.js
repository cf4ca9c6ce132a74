#!/usr/bin/env node
// Starts the compiled command, dist/cli/rapport.js (`npm run build:cli`; `npm run build` and
// `npm pack` make it): plain JavaScript, no TypeScript loader, so a call starts in a fraction of a
// second. Inside the repository a missing or stale build (a source it was built from is newer than
// it, as dist/cli/inputs.json lists them) falls back to running the sources through tsx, so an
// edit is never answered by old code. An installed package has no sources and always runs the build.
import { existsSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const built = new URL('dist/cli/rapport.js', root);
const inRepo = existsSync(new URL('src/cli/bin.ts', root));

function builtIsCurrent() {
  if (!existsSync(built)) return false;
  if (!inRepo) return true;
  try {
    const builtAt = statSync(built).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    return inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= builtAt);
  } catch {
    // A listed source was removed or the list is unreadable: the build no longer matches the sources.
    return false;
  }
}

if (builtIsCurrent()) {
  await import(built.href);
} else if (inRepo) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: new URL('tsconfig.json', root).pathname });
  await import('../src/cli/bin.ts');
} else {
  process.stderr.write('rapport: internal error: dist/cli/rapport.js is missing from this package\n');
  process.exitCode = 3;
}
