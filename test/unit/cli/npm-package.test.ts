/**
 * What an admin gets from `npm pack`: a tarball with the compiled command and no sources, which
 * installs with no dependency (everything is bundled, so offline too) and runs with `npx rapport`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// npm pack runs `prepack` (the CLI build) and npm install unpacks; both are slow on a busy machine.
const NPM_TIMEOUT = 180_000;

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: NPM_TIMEOUT });
  if (result.status !== 0) {
    throw new Error(`npm ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

function npx(args: string[], cwd: string) {
  const result = spawnSync('npx', ['--offline', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm pack', { timeout: 3 * NPM_TIMEOUT }, () => {
  const dir = scratchDir();
  const app = join(dir, 'app');
  let tarball = '';
  let files: string[] = [];

  beforeAll(() => {
    npm(['pack', '--pack-destination', dir, '--loglevel', 'error'], ROOT);
    const found = readdirSync(dir).filter((name) => name.endsWith('.tgz'));
    expect(found).toHaveLength(1);
    tarball = join(dir, found[0] ?? '');
    files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    mkdirSync(join(app, 'public'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{"name":"admin-scratch","private":true}\n');
    npm(['install', '--offline', '--no-audit', '--no-fund', '--loglevel', 'error', tarball], app);
  }, 2 * NPM_TIMEOUT);

  it('holds the compiled command, the default pack and the policy schema, and no sources or tests', () => {
    expect(files).toEqual([
      'package/README.md',
      'package/bin/rapport.js',
      'package/dist/cli/built-in-pack.json',
      'package/dist/cli/lexicon-bare.bin',
      'package/dist/cli/lexicon.bin',
      'package/dist/cli/rapport.js',
      'package/docs/cli.md',
      'package/package.json',
      'package/public/default-pack.json',
      'package/public/managed-schema.json',
    ]);
  });

  it('installs with no dependency at all', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/rapport']);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
  });

  it('runs `npx rapport check` from the installed package', () => {
    const result = npx(['rapport', 'check', '--json', 'FLASH SALE! 40% off, buy now'], app);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { score: number; nudges: { id: string }[] };
    expect(answer.nudges.map((n) => n.id)).toContain('pure-promotion');
  });

  it('runs `npx rapport pack validate` on the default pack, and fails on a broken one', () => {
    copyFileSync(join(ROOT, 'public', 'default-pack.json'), join(app, 'public', 'default-pack.json'));
    const good = npx(['rapport', 'pack', 'validate', 'public/default-pack.json'], app);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    writeFileSync(join(app, 'public', 'broken.json'), '{"schema":1,"name":"acme","rules":"none"}');
    const broken = npx(['rapport', 'pack', 'validate', 'public/broken.json'], app);
    expect(broken.code).toBe(1);
  });

  it('runs the shipped default pack as packed, through the installed bin', () => {
    const shipped = join(app, 'node_modules', 'rapport', 'public', 'default-pack.json');
    const result = npx(['rapport', 'pack', 'test', shipped], app);
    expect(result.code).toBe(0);
  });
});
