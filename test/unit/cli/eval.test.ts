import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, scratchDir } from './helpers.ts';

const ROWS = [
  { id: 'r1', platform: 'x', kind: 'post', text: 'FLASH SALE! 40% off, buy now', expect: ['pure-promotion'] },
  {
    id: 'r2',
    platform: 'linkedin',
    kind: 'post',
    text: 'What slowed your team down this quarter?',
    expect: [],
  },
  {
    id: 'r3',
    platform: 'x',
    kind: 'reply',
    text: 'Sorry! DM us.',
    expect: ['canned-reply'],
    allow: ['no-invitation'],
  },
];

describe('rapport eval', () => {
  const dir = scratchDir();
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const good = write('good.jsonl', `${ROWS.map((row) => JSON.stringify(row)).join('\n')}\n`);

  it('reports per-id counts, misses and confusion as JSON', async () => {
    const result = await run(['eval', good, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report.rows).toBe(3);
    expect(Object.keys(report).sort()).toEqual(['confusion', 'misses', 'perId', 'rows', 'score']);
    for (const stats of Object.values(report.perId as Record<string, Record<string, number>>)) {
      expect(Object.keys(stats).sort()).toEqual(['fn', 'fp', 'precision', 'recall', 'tp']);
    }
  });

  it('prints a table for people, with a pack', async () => {
    const pack = join(process.cwd(), 'public', 'default-pack.json');
    const result = await run(['eval', good, '--pack', pack]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 rows\n\nnudge id\s+tp {2}fp {2}fn {2}precision {2}recall/);
  });

  it('names every bad line by number and exits 2', async () => {
    const bad = write(
      'bad.jsonl',
      [
        JSON.stringify(ROWS[0]),
        '{"id":"r2","platform":"twitter","kind":"post","text":"hi","expect":[]}',
        '{not json',
        JSON.stringify({ ...ROWS[1], expect: 'pure-promotion' }),
        JSON.stringify(ROWS[0]),
      ].join('\n'),
    );
    const result = await run(['eval', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('4 bad line(s)');
    expect(result.stderr).toMatch(new RegExp(`${bad}:2: platform: `));
    expect(result.stderr).toContain(`${bad}:3: not valid JSON`);
    expect(result.stderr).toMatch(new RegExp(`${bad}:4: expect: `));
    expect(result.stderr).toContain(`${bad}:5: id "r1" is used twice`);
    expect(result.stdout).toBe('');
  });

  it('refuses an empty set and a missing file with exit 2', async () => {
    const empty = await run(['eval', write('empty.jsonl', '\n\n')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no rows to evaluate');
    const missing = await run(['eval', join(dir, 'missing.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.jsonl: no such file');
  });

  it('refuses a malformed pack before evaluating', async () => {
    const result = await run(['eval', good, '--pack', write('pack.json', '{"schema": 1,')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pack.json: not valid JSON');
  });
});
