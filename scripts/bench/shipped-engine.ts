/**
 * The engine as it ships, for the benches to time. The worker, the popup and the CLI all run the
 * engine bundled by Vite; tsx, which runs these scripts, compiles each source file with esbuild's
 * `keepNames`, which wraps every closure in a `__name(…)` call made each time the closure is
 * created (the tokenizer's and the matcher's inner helpers, once per draft). That alone made the
 * tokenizer about twice as slow as it runs in the extension, so the peers were compared with a
 * handicapped build. Here the engine is bundled the way Vite builds it (no minifying, so a
 * profile still reads) and the bench imports that; the sources stay the source of truth.
 */
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from '../bundle-node.js';

type Engine = typeof import('../../src/engine/index.ts');

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function bundle(): Promise<string> {
  const entry = await bundleForNode({ root: ROOT, entry: 'src/engine/index.ts', fileName: 'engine.js' });
  const dir = join(ROOT, '.tmp');
  mkdirSync(dir, { recursive: true });
  // One file per process: two benches started together must not read each other's half-written file.
  const path = join(dir, `bench-engine-${process.pid}.mjs`);
  writeFileSync(`${path}.tmp`, entry.code);
  renameSync(`${path}.tmp`, path);
  return path;
}

const path = await bundle();
export const engine: Engine = (await import(pathToFileURL(path).href)) as Engine;
// Loaded: the file has done its work.
unlinkSync(path);
export const { check, compilePack, defaultPackJson } = engine;
