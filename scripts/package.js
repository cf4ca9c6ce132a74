// `npm run package`: builds both targets and writes the store-ready archives to dist/:
//   dist/rapport-<version>-chrome.zip   Chrome Web Store and Edge Add-ons (dist/chrome/)
//   dist/rapport-<version>-firefox.zip  addons.mozilla.org, to be signed there (dist/firefox/)
// Each holds its build folder as it is, manifest.json at the root, and refuses to pack anything
// that must not ship (source maps, TypeScript, tests, dotfiles such as vite's .vite/ metadata).
// Entries are sorted and dated 1980-01-01 so the same build gives byte-identical archives.
// `node scripts/package.js --no-build [--from DIR] [--out DIR]` packs the folders already in
// dist/ (or DIR/chrome and DIR/firefox) and writes the archives to dist/ (or --out).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const TARGETS = ['chrome', 'firefox'];
const argv = process.argv.slice(2);
function option(name, fallback) {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : resolve(argv[at + 1] ?? '.');
}
const from = option('--from', join(root, 'dist'));
const outDir = option('--out', join(root, 'dist'));
const MTIME = new Date('1980-01-01T00:00:00Z');

/** Why a file must not ship, or null when it may. */
function unshippable(path) {
  const parts = path.split('/');
  if (parts.some((part) => part.startsWith('.'))) return 'a dotfile or dot folder';
  if (/\.map$/i.test(path)) return 'a source map';
  if (/\.(ts|tsx|mts|cts)$/i.test(path)) return 'TypeScript source';
  if (
    parts.some((part) => /^(test|tests|__tests__|fixtures)$/i.test(part)) ||
    /\.(test|spec)\.[cm]?js$/i.test(path)
  )
    return 'a test file';
  return null;
}

function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}

function pack(target) {
  const dir = join(from, target);
  const entries = {};
  const refused = [];
  for (const file of listFiles(dir).sort()) {
    const path = relative(dir, file).split(sep).join('/');
    const why = unshippable(path);
    if (why) {
      refused.push(`${path} (${why})`);
      continue;
    }
    const bytes = readFileSync(file);
    if (/\.(js|css|html)$/.test(path) && bytes.includes('sourceMappingURL=')) {
      refused.push(`${path} (points to a source map)`);
      continue;
    }
    entries[path] = [bytes, { mtime: MTIME, level: 9 }];
  }
  if (refused.length > 0) {
    console.error(`package: ${dir} holds files that must not ship:\n  ${refused.join('\n  ')}`);
    process.exit(1);
  }
  if (!entries['manifest.json']) {
    console.error(`package: ${dir}/manifest.json is missing`);
    process.exit(1);
  }
  const out = join(outDir, `rapport-${version}-${target}.zip`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(out, zipSync(entries));
  return { out, files: Object.keys(entries).length };
}

const buildFirst = !argv.includes('--no-build');
if (buildFirst) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'build.js'), ...TARGETS], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
for (const target of TARGETS) {
  const { out, files } = pack(target);
  console.log(
    `package: ${relative(root, out)}  ${files} files, ${(statSync(out).size / 1024).toFixed(1)} KiB`,
  );
}
