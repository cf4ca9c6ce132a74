import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, defineConfig, type Plugin, type ResolvedConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { createManifest, type Target } from './scripts/build/manifest.ts';
import { CARD_SCRIPT } from './src/shared/card-script.ts';

/**
 * The card's code as one self-contained classic script at a fixed path, for the worker to inject
 * with `scripting.executeScript` (src/background/handlers/load-card.ts). Not crxjs's `?script`
 * import, which would also make the file web-accessible to every http(s) page.
 */
function cardScript(entry: string, fileName: string): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'rapport:card-script',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const built = await build({
        configFile: false,
        root: config.root,
        mode: config.mode,
        logLevel: 'warn',
        build: {
          write: false,
          emptyOutDir: false,
          minify: config.build.minify,
          target: config.build.target,
          lib: { entry, formats: ['iife'], name: 'rapportCard', fileName: () => fileName },
        },
      });
      const outputs = (Array.isArray(built) ? built : [built]).flatMap((b) =>
        'output' in b ? b.output : [],
      );
      const chunk = outputs.find((o) => o.type === 'chunk' && o.isEntry);
      if (!chunk || chunk.type !== 'chunk')
        throw new Error(`rapport:card-script: no script built from ${entry}`);
      this.emitFile({ type: 'asset', fileName, source: chunk.code });
    },
  };
}
import { readersPlugin } from './scripts/build/readers-plugin.ts';
import { storeLintPlugin } from './scripts/build/store-lint-plugin.ts';

/**
 * public/ is copied whole into each build; these of its files are not for the extension, so they
 * are removed from dist/<target>/ and never ship: the engine carries the default pack inside its
 * own code (src/engine/default-pack.ts), and Firefox has no `storage.managed_schema` (its managed
 * storage comes from policies.json or a native manifest).
 */
function dropUnshipped(outDir: string, target: Target): Plugin {
  const names = target === 'firefox' ? ['default-pack.json', 'managed-schema.json'] : ['default-pack.json'];
  return {
    name: 'rapport:drop-unshipped',
    apply: 'build',
    closeBundle() {
      for (const name of names) rmSync(join(outDir, name), { force: true });
    },
  };
}

// One config, two targets: `vite build --mode chrome` and `vite build --mode firefox`
// (scripts/build.js runs both), each into its own dist/<target>/ folder.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const minify = !process.env.RAPPORT_NO_MINIFY;
  return {
    plugins: [
      storeLintPlugin(),
      preact(),
      crx({
        manifest: createManifest(target),
        browser: target,
        // One self-contained file instead of crxjs's loader, whose dynamic import() only works where
        // the chunks are web-accessible: the worker registers this file on instances the person adds
        // at run time (src/background/instances.ts), and no extension file is exposed to pages.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
      cardScript('src/content/card/entry.ts', CARD_SCRIPT),
      // Each network's comment reader, built apart and injected by the worker only on that
      // network's pages, so the main content script does not carry them (scripts/build/readers-plugin.ts).
      readersPlugin({ minify, target: 'es2022', mode }),
      dropUnshipped(resolve(import.meta.dirname, 'dist', target), target),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Minified: the content script has a size budget (15 kB gzipped, see `npm run bench`).
      // RAPPORT_NO_MINIFY=1 keeps names readable for profiling.
      minify,
      target: 'es2022',
    },
  };
});
