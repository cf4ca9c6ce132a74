// Builds the `rapport` command to plain JavaScript: dist/cli/rapport.js, one ES module for Node 20
// with the engine, zod and re2js inside, so an installed package needs no dependency and no
// TypeScript loader. Beside it go the built-in pack, validated, and the images of its lexicon
// (scripts/built-in-pack.js), which every call reads rather than validating and filing it again;
// and dist/cli/inputs.json, which lists the repository files it was built from, so bin/rapport.js
// can tell, inside the repository, when the build is stale.
// Each file is written beside its place and renamed over it: a `rapport` started during a build
// (tests run one while another builds) reads the old file or the new one, never half of one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_PACK_INPUTS, builtInPackPlugin, writeBuiltInFiles } from './built-in-pack.js';
import { bundleForNode } from './bundle-node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'cli');

/** The repository files the bundle holds (not node_modules): what a stale check must look at. */
function inputsOf(chunk) {
  const ids = new Set();
  for (const id of chunk.moduleIds) {
    const file = id.split('?')[0];
    if (!isAbsolute(file)) continue;
    const path = relative(root, file);
    if (path.startsWith('..') || path.split(sep).includes('node_modules')) continue;
    ids.add(path.split(sep).join('/'));
  }
  // The built-in pack reaches the bundle through the plugin, not an import: a stale check needs it too.
  if (ids.has('src/cli/built-in-pack.ts')) for (const path of BUILT_IN_PACK_INPUTS) ids.add(path);
  return [...ids].sort();
}

function writeAtomically(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Fails the build when the bundle files the built-in lexicon's phrases instead of taking up its
 * images (its vocabulary grew in another order than scripts/lexicon-images.ts's did): that would
 * still be correct, only some 150 ms slower a call, so nothing else would notice.
 */
function checkImagesTakenUp() {
  const run = spawnSync(process.execPath, [join(outDir, 'rapport.js'), 'check', 'Is this taken up?'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_DEBUG: 'rapport' },
  });
  if (run.status !== 0 || !run.stderr.includes('built-in lexicon taken up from its image'))
    throw new Error(
      `build-cli: dist/cli/rapport.js does not take up its lexicon images (see scripts/lexicon-images.ts):\n${run.stderr}`,
    );
}

const started = Date.now();
mkdirSync(outDir, { recursive: true });
// The pack and its lexicon images, made first: the bundle names their stamp. Moved into place
// before the bundle is.
const filesDir = mkdtempSync(join(outDir, '.built-in-'));
const stamp = await writeBuiltInFiles(filesDir);
const entry = await bundleForNode({
  root,
  entry: 'src/cli/bin.ts',
  fileName: 'rapport.js',
  // The built-in pack is validated here, once, and goes beside the bundle already parsed.
  plugins: [builtInPackPlugin(stamp)],
  // JSON a module imports goes in as JSON.parse("…"): V8 parses JSON text several times faster
  // than the same data as an object literal.
  json: { stringify: true },
});
const inputs = inputsOf(entry);
if (!inputs.includes('src/cli/bin.ts')) throw new Error('build-cli: the bundle does not hold src/cli/bin.ts');
for (const name of readdirSync(filesDir)) renameSync(join(filesDir, name), join(outDir, name));
rmSync(filesDir, { recursive: true });
writeAtomically(join(outDir, 'inputs.json'), JSON.stringify({ inputs }, null, 2) + '\n');
writeAtomically(join(outDir, 'rapport.js'), entry.code);
checkImagesTakenUp();
const bytes = statSync(join(outDir, 'rapport.js')).size;
console.log(
  `build: cli → dist/cli/rapport.js, ${(bytes / 1024).toFixed(1)} KiB in ${Date.now() - started} ms`,
);
