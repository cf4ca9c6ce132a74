/** The real entry point, as a person runs it: a few spawns only, since each one starts Node and tsx. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function rapport(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/rapport.js', ...args], {
    encoding: 'utf8',
    input: input ?? '',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/rapport.js', () => {
  it('checks a draft from stdin and prints JSON', () => {
    const result = rapport(['check', '--json', '--platform', 'bluesky'], 'Shipping notes for this week. What broke for you?');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ score: expect.any(Number), band: expect.any(String), nudges: expect.any(Array) });
  });

  it('exits 2 with a message on a usage error', () => {
    const result = rapport(['check', '--platform', 'myspace', 'hi']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--platform must be one of');
    expect(result.stdout).toBe('');
  });

  it('keygen, sign and verify across processes; a tampered file exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bin-'));
    try {
      const pack = join(dir, 'pack.json');
      writeFileSync(pack, '{"schema":1,"name":"acme","version":"1.0.0","rules":[]}');
      expect(rapport(['pack', 'keygen', '--out', join(dir, 'k')]).code).toBe(0);
      expect(rapport(['pack', 'sign', pack, '--key', join(dir, 'k.key')]).code).toBe(0);
      expect(rapport(['pack', 'verify', pack, '--pub', join(dir, 'k.pub')]).code).toBe(0);
      writeFileSync(pack, '{"schema":1,"name":"acme","version":"9.0.0","rules":[]}');
      const tampered = rapport(['pack', 'verify', pack, '--pub', join(dir, 'k.pub')]);
      expect(tampered.code).toBe(1);
      expect(tampered.stderr).toContain('FAILED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
