import { describe, expect, it } from 'vitest';
import { checkJson, run } from './helpers.ts';

describe('rapport argument errors', () => {
  it.each([
    [['check', '--colour', 'hi'], /unknown option --colour/],
    [['check', '-x', 'hi'], /unknown option -x/],
    [['eval', 'set.jsonl', '--verbose'], /unknown option --verbose/],
    [['pack', 'verify', 'p.json', '--public', 'k'], /unknown option --public/],
  ])('refuses unknown flags: %j', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('See: rapport help');
    expect(result.stdout).toBe('');
  });

  it.each([
    [['check', 'hi', '--platform'], '--platform needs a value'],
    [['check', '--kind', '--json', 'hi'], '--kind needs a value'],
    [['check', 'hi', '--pack'], '--pack needs a value'],
    [['check', 'hi', '--history'], '--history needs a value'],
    [['check', 'hi', '--now'], '--now needs a value'],
    [['check', '--pack=', 'hi'], '--pack needs a rule pack FILE'],
    [['pack', 'sign', 'p.json', '--key'], '--key needs a value'],
    [['pack', 'sign', 'p.json'], '--key needs a private KEY'],
    [['pack', 'verify', 'p.json'], '--pub needs a public KEY'],
    [['pack', 'keygen', '--out'], '--out needs a value'],
    [['eval'], 'FILE needs a FILE.jsonl'],
    [['pack', 'validate'], 'FILE needs a rule pack FILE'],
    [['check', '--json=yes', 'hi'], '--json takes no value'],
  ])('names the flag that lacks a value: %j', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('lists the allowed platforms and kinds when given another', async () => {
    const platform = await run(['check', '--platform', 'twitter', 'hi']);
    expect(platform.code).toBe(2);
    expect(platform.stderr).toContain('--platform must be one of x, linkedin, facebook');
    expect(platform.stderr).toContain('(got "twitter")');
    const kind = await run(['check', '--kind', 'story', 'hi']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind must be one of post, reply, comment (got "story")');
    const both = await run(['check', '--kind', 'story', '--platform', 'X', 'hi']);
    expect(both.stderr).toContain('--kind');
    expect(both.stderr).toContain('--platform');
  });

  it.each(['yesterday', '2026-11-02 09:00', '2026-13-01T00:00:00Z', '1730538000', '2026-11-02T09:00:00'])(
    'refuses --now %j, which is not an ISO instant',
    async (now) => {
      const result = await run(['check', '--now', now, 'hi']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--now must be an ISO 8601 date-time');
    },
  );

  it('accepts --now as a zoned ISO date-time or a plain date', async () => {
    for (const now of ['2026-11-02T09:00:00Z', '2026-11-02T09:00:00.123+02:00', '2026-11-02']) {
      expect((await run(['check', '--now', now, 'hi'])).code).toBe(0);
    }
  });

  it('asks for quotes when the draft arrives as several arguments', async () => {
    const result = await run(['check', 'buy', 'now']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unexpected argument "now"');
    expect(result.stderr).toContain('quote the text');
  });

  it('checks drafts that start with a dash or read "--help" after "--"', async () => {
    const json = await checkJson(['--', '-50% today only']);
    expect(typeof json.score).toBe('number');
    const help = await run(['check', '--json', '--', '--help']);
    expect(help.code).toBe(0);
    expect(JSON.parse(help.stdout)).toHaveProperty('score');
  });

  it('refuses unknown commands and pack sub-commands', async () => {
    const command = await run(['lint', 'hi']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "lint"');
    const sub = await run(['pack', 'publish', 'p.json']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain(
      'pack needs one of validate, test, keygen, sign, verify, fit (got "publish")',
    );
    expect((await run(['pack'])).code).toBe(2);
  });

  it('prints help with exit 0 when asked, and exit 2 when run with nothing', async () => {
    const overview = await run(['--help']);
    expect(overview.code).toBe(0);
    for (const command of ['rapport check', 'rapport eval', 'rapport pack validate', 'rapport pack verify']) {
      expect(overview.stdout).toContain(command);
    }
    const check = await run(['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('--history FILE');
    expect(check.stdout).not.toContain('rapport eval');
    expect((await run(['help', 'pack'])).stdout).toContain('rapport pack keygen');
    expect((await run([])).code).toBe(2);
  });
});
