/** The real entry points, as a person runs them: few spawns, since each one starts Node (and tsx, if the CLI build is stale). */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, scratchDir } from './helpers.ts';

// A spawn costs about half a second idle and several times that with the other test files running.
const SPAWN_TIMEOUT = 30_000;

function spawn(command: string, args: string[], input = '') {
  const result = spawnSync(command, args, { encoding: 'utf8', input, timeout: SPAWN_TIMEOUT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rapport = (args: string[], input?: string) =>
  spawn(process.execPath, ['bin/rapport.js', ...args], input);

describe('bin/rapport.js', { timeout: 2 * SPAWN_TIMEOUT }, () => {
  const dir = scratchDir();

  it('checks a draft from stdin and prints JSON', () => {
    const result = rapport(
      ['check', '--json', '--platform', 'bluesky'],
      'Shipping notes for this week. What broke for you?',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      score: expect.any(Number),
      band: expect.any(String),
      nudges: expect.any(Array),
    });
  });

  it('resolves through `npx rapport` from the repo root and exits 2 on a usage error', () => {
    const result = spawn('npx', ['--offline', 'rapport', 'check', '--platform', 'myspace', 'hi']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rapport check: --platform must be one of');
    expect(result.stdout).toBe('');
  });

  it('verifies in a separate process what was signed in this one; a tampered file exits 1', async () => {
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, '{"schema":1,"name":"acme","version":"1.0.0","rules":[]}');
    expect((await run(['pack', 'keygen', '--out', join(dir, 'k')])).code).toBe(0);
    expect((await run(['pack', 'sign', pack, '--key', join(dir, 'k.key')])).code).toBe(0);
    const verified = rapport(['pack', 'verify', pack, '--pub', join(dir, 'k.pub')]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    writeFileSync(pack, '{"schema":1,"name":"acme","version":"9.0.0","rules":[]}');
    const tampered = rapport(['pack', 'verify', pack, '--pub', join(dir, 'k.pub')]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('FAILED');
  });

  it('ends quietly when the reader closes the pipe early (`rapport eval … | head`)', () => {
    // Every row a miss, so the JSON report runs far past a pipe's buffer after head has gone.
    const rows = Array.from({ length: 4000 }, (_, i) =>
      JSON.stringify({
        id: `p-${i}`,
        platform: 'x',
        kind: 'post',
        text: `Row ${i} is fine.`,
        expect: ['canned-reply'],
      }),
    );
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, rows.join('\n') + '\n');
    const result = spawn('sh', [
      '-c',
      `"${process.execPath}" bin/rapport.js eval "${file}" --json | head -c 100`,
    ]);
    expect(result.stdout).toHaveLength(100);
    expect(result.stderr).toBe('');
  });
});
