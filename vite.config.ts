import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { createManifest, type Target } from './src/manifest.ts';

// One config, two targets: `vite build --mode chrome` and `vite build --mode firefox`
// (scripts/build.js runs both), each into its own dist/<target>/ folder.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({
        manifest: createManifest(target),
        browser: target,
        // One self-contained file instead of crxjs's loader, whose dynamic import() only works where
        // the chunks are web-accessible: the worker registers this file on instances the person adds
        // at run time (src/background/instances.ts), and no extension file is exposed to pages.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Minified: the content script has a size budget (15 kB gzipped, see `npm run bench`).
      // RAPPORT_NO_MINIFY=1 keeps names readable for profiling.
      minify: process.env.RAPPORT_NO_MINIFY ? false : true,
      target: 'es2022',
    },
  };
});
