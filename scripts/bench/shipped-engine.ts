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
import { build, type Rollup } from 'vite';

type Engine = typeof import('../../src/engine/index.ts');

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: 'src/engine/index.ts',
      write: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'engine.js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result as Rollup.RollupOutput]).flatMap((r) => r.output);
  const chunks = outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry || chunks.length !== 1) throw new Error('bench: expected the engine in one chunk');
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
