/**
 * Which code bin/rapport.js starts: the compiled build when it is current, the sources through tsx
 * inside a repository whose build is missing or older than a source it lists, and an error in a
 * package that lost its build. Run on a copy of bin/rapport.js in a scratch tree whose "build" and
 * "sources" each print their name.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { scratchDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('bin/rapport.js chooses', { timeout: 60_000 }, () => {
  const base = scratchDir();
  let tree = '';
  let round = 0;

  const start = () => {
    const result = spawnSync(process.execPath, [join(tree, 'bin', 'rapport.js'), 'check', 'hi'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
  };
  const at = (path: string, seconds: number) => utimesSync(join(tree, path), seconds, seconds);

  beforeEach(() => {
    tree = join(base, `tree-${round++}`);
    for (const dir of ['bin', 'dist/cli', 'src/cli', 'node_modules'])
      mkdirSync(join(tree, dir), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'rapport.js'), join(tree, 'bin', 'rapport.js'));
    symlinkSync(join(ROOT, 'node_modules', 'tsx'), join(tree, 'node_modules', 'tsx'));
    writeFileSync(join(tree, 'tsconfig.json'), '{}');
    writeFileSync(join(tree, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(tree, 'dist/cli/rapport.js'),
      'console.log("build", process.argv.slice(2).join(" "));\n',
    );
    writeFileSync(join(tree, 'dist/cli/inputs.json'), JSON.stringify({ inputs: ['src/cli/bin.ts'] }));
    writeFileSync(
      join(tree, 'src/cli/bin.ts'),
      'const argv: string[] = process.argv.slice(2);\nconsole.log("sources", argv.join(" "));\n',
    );
    at('src/cli/bin.ts', 1_000_000);
    at('dist/cli/rapport.js', 2_000_000);
  });

  it('the build when no source is newer than it', () => {
    expect(start()).toMatchObject({ code: 0, stdout: 'build check hi' });
  });

  it('the sources through tsx when a source it lists is newer', () => {
    at('src/cli/bin.ts', 3_000_000);
    expect(start()).toMatchObject({ code: 0, stdout: 'sources check hi' });
  });

  it('the sources when a listed source is gone or the list is unreadable', () => {
    writeFileSync(join(tree, 'dist/cli/inputs.json'), JSON.stringify({ inputs: ['src/cli/gone.ts'] }));
    expect(start().stdout).toBe('sources check hi');
    writeFileSync(join(tree, 'dist/cli/inputs.json'), 'not json');
    expect(start().stdout).toBe('sources check hi');
  });

  it('the sources when there is no build', () => {
    rmSync(join(tree, 'dist'), { recursive: true });
    expect(start()).toMatchObject({ code: 0, stdout: 'sources check hi' });
  });

  it('the build, unchecked, in an installed package (no sources)', () => {
    rmSync(join(tree, 'src'), { recursive: true });
    rmSync(join(tree, 'dist/cli/inputs.json'));
    expect(start()).toMatchObject({ code: 0, stdout: 'build check hi' });
  });

  it('an internal error (exit 3) in a package without its build', () => {
    rmSync(join(tree, 'src'), { recursive: true });
    rmSync(join(tree, 'dist'), { recursive: true });
    const result = start();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('dist/cli/rapport.js is missing');
  });
});
