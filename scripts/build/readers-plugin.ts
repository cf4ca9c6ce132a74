/**
 * Builds each network's comment reader (src/content/readers/<id>.ts) as one self-contained
 * classic script, dist/<target>/readers/<id>.js, which the worker injects with
 * `scripting.executeScript` when the person opens that network. The readers stay out of the main
 * content script (its size budget) and out of `web_accessible_resources`: no page can load them.
 */
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import { READERS, readerFile, type ReaderId } from '../../src/background/reader-pages.ts';

const READERS_DIR = fileURLToPath(new URL('../../src/content/readers/', import.meta.url));
const ENTRY = '\0rapport-reader-entry';

/** The entry of one reader's file: the runner around that reader. */
function entryFor(id: ReaderId): Plugin {
  return {
    name: 'rapport-reader-entry',
    resolveId: (source) => (source === ENTRY ? ENTRY : null),
    load: (source) =>
      source === ENTRY
        ? `import { ${id} } from ${JSON.stringify(`${READERS_DIR}${id}.ts`)};\n` +
          `import { runReader } from ${JSON.stringify(`${READERS_DIR}run.ts`)};\nrunReader(${id});\n`
        : null,
  };
}

export function readersPlugin(options: { minify: boolean; target: string; mode: string }): Plugin {
  return {
    name: 'rapport-readers',
    apply: 'build',
    async generateBundle() {
      for (const id of READERS) {
        const result = (await build({
          configFile: false,
          logLevel: 'warn',
          mode: options.mode,
          plugins: [entryFor(id)],
          build: {
            write: false,
            minify: options.minify,
            target: options.target,
            rollupOptions: {
              input: ENTRY,
              output: { format: 'iife', entryFileNames: 'reader.js', inlineDynamicImports: true },
            },
          },
        })) as Rollup.RollupOutput | Rollup.RollupOutput[];
        const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
        const chunk = outputs.find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry);
        if (!chunk) throw new Error(`reader ${id}: the build produced no script`);
        this.emitFile({ type: 'asset', fileName: readerFile(id), source: chunk.code });
      }
    },
  };
}
