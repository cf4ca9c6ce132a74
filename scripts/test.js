// `npm test`: everything CI checks, in order, stopping at the first failure with its label.
// typecheck → lint → format → build → web-ext lint (Firefox build) → unit tests → browser tests
// (real Chromium and Firefox).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/firefox-esr'];
const INSTALL = 'apt-get update && apt-get install -y chromium firefox-esr';

function ensureBrowsers() {
  const missing = BROWSERS.filter((path) => !existsSync(path));
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`test: ${missing.join(' and ')} missing; installing with: ${INSTALL}`);
    const run = spawnSync('bash', ['-c', INSTALL], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status === 0 && BROWSERS.every((path) => existsSync(path))) return;
    console.error('test: FAILED installing the browsers');
    process.exit(1);
  }
  console.error(
    `test: the browser tests need ${missing.join(' and ')}. Install them, then run npm test again:`,
  );
  console.error(`  sudo sh -c '${INSTALL}'`);
  process.exit(1);
}

const reports = join(root, '.tmp', 'test-reports');
const vitest = (project) => ({
  label: `${project} tests`,
  cmd: bin('vitest'),
  args: [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, `${project}.json`)}`,
  ],
  report: join(reports, `${project}.json`),
});

const steps = [
  { label: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', '.'] },
  { label: 'lint', cmd: bin('eslint'), args: ['.'] },
  { label: 'format', cmd: bin('prettier'), args: ['--check', '.'] },
  { label: 'build', cmd: process.execPath, args: [join(root, 'scripts', 'build.js')] },
  // Mozilla's linter, as addons.mozilla.org runs it on an upload; a warning fails the step too.
  {
    label: 'web-ext lint',
    cmd: bin('web-ext'),
    args: [
      'lint',
      '--source-dir',
      join(root, 'dist', 'firefox'),
      '--warnings-as-errors',
      '--no-config-discovery',
      '--no-input',
    ],
  },
  vitest('unit'),
  vitest('browser'),
];

/** Adds up what the vitest JSON reports say, so the run ends on one "N passed, N failed" line. */
function tally() {
  let passed = 0;
  let failed = 0;
  for (const step of steps) {
    if (!step.report || !existsSync(step.report)) continue;
    const json = JSON.parse(readFileSync(step.report, 'utf8'));
    passed += json.numPassedTests ?? 0;
    // A file that fails to load has no failed test but a failed suite; count it too.
    failed += Math.max(json.numFailedTests ?? 0, json.numFailedTestSuites ?? 0);
  }
  return { passed, failed };
}

ensureBrowsers();
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const started = Date.now();
for (const step of steps) {
  console.log(`\n=== test: ${step.label} ===`);
  const t0 = Date.now();
  const run = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (run.status !== 0) {
    const { passed, failed } = tally();
    console.error(`\ntest: FAILED at "${step.label}" (exit ${run.status ?? run.signal}, ${seconds}s)`);
    console.error(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(run.status || 1);
  }
  console.log(`=== test: ${step.label} ok (${seconds}s) ===`);
}
const { passed, failed } = tally();
console.log(`\ntest: all steps passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
