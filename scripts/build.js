// Builds the unpacked extension for both targets, dist/chrome/ and dist/firefox/, and the `rapport`
// command, dist/cli/ (scripts/build-cli.js). `node scripts/build.js chrome` builds one of them.
// Each target is its own process so no plugin state leaks from one build into the other.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const TARGETS = ['chrome', 'firefox', 'cli'];
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : TARGETS;

function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = sizeOf(path);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const summary = [];
for (const target of targets) {
  if (!TARGETS.includes(target)) {
    console.error(`build: unknown target "${target}" (expected ${TARGETS.join(', ')})`);
    process.exit(2);
  }
  console.log(`\nbuild: ${target}`);
  const args = target === 'cli' ? [join(root, 'scripts', 'build-cli.js')] : [vite, 'build', '--mode', target];
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`build: ${target} failed`);
    process.exit(run.status ?? 1);
  }
  const out = join(root, 'dist', target);
  const { bytes, files } = sizeOf(out);
  summary.push(`  ${relative(root, out)}/  ${files} files, ${(bytes / 1024).toFixed(1)} KiB`);
}
console.log(`\nbuild: done\n${summary.join('\n')}`);
