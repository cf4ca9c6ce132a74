// One ES module for Node 20 with everything but Node's own modules inside, built by Vite the way
// the extension's code is built (no keepNames, unlike tsx). The `rapport` command ships one
// (build-cli.js) and the engine bench times one (bench/shipped-engine.ts).
import { build } from 'vite';

/** Bundles `entry` (relative to `root`) and returns its single output chunk, unwritten. */
export async function bundleForNode({ root, entry, fileName, plugins = [], json }) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // public/ holds the extension's files, not this bundle's.
    publicDir: false,
    plugins,
    ...(json ? { json } : {}),
    // Everything but Node's own modules goes into the bundle.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      write: false,
      target: 'node20',
      // Readable stack traces and profiles; size does not matter here.
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: fileName } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const chunk = chunks.find((o) => o.isEntry);
  if (!chunk || chunks.length !== 1) {
    throw new Error(
      `bundle: expected one self-contained chunk, got ${chunks.map((c) => c.fileName).join(', ')}`,
    );
  }
  return chunk;
}
