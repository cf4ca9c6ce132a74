import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { createManifest, type Target } from './src/manifest.ts';

// One config, two targets: `vite build --mode chrome` and `vite build --mode firefox`
// (scripts/build.js runs both), each into its own dist/<target>/ folder.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: createManifest(target), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Readable output helps store reviewers; the extension loads from disk, size barely matters.
      minify: false,
      target: 'es2022',
    },
  };
});
