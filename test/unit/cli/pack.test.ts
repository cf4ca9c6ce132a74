import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, scratchDir } from './helpers.ts';

const DEFAULT_PACK = join(process.cwd(), 'public', 'default-pack.json');

const VALID = '{"schema":1,"name":"acme","version":"1.0.0","extends":"default"}';

function keysFrom(stdout: string): { pub: string; priv: string } {
  const pub = /^public key: +(\S+)$/m.exec(stdout)?.[1];
  const priv = /^private key: +(\S+)$/m.exec(stdout)?.[1];
  if (!pub || !priv) throw new Error(`no keys in: ${stdout}`);
  return { pub, priv };
}

describe('rapport pack validate and test', () => {
  const dir = scratchDir();

  it('accepts the shipped default pack', async () => {
    const validate = await run(['pack', 'validate', DEFAULT_PACK]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('valid rule pack');
    const test = await run(['pack', 'test', DEFAULT_PACK]);
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('every example');
  });

  it('reports malformed JSON with the path, the line and exit 2', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{\n  "schema": 1\n  "name": "acme"\n}');
    for (const sub of ['validate', 'test']) {
      const result = await run(['pack', sub, path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${path}: not valid JSON`);
      expect(result.stderr).toContain('line 3');
    }
  });

  it('names an unreadable pack file', async () => {
    const result = await run(['pack', 'validate', join(dir, 'absent.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('absent.json: no such file');
  });

  it('refuses a pack with the wrong schema, naming JSON paths (needs the real pack compiler)', async () => {
    const path = join(dir, 'wrong.json');
    writeFileSync(path, JSON.stringify({ schema: 'one', name: 7, rules: { nope: true } }));
    const result = await run(['pack', 'validate', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}:`);
    expect(result.stderr).toMatch(/name|rules|schema/);
  });
});

describe('rapport pack keygen, sign and verify', () => {
  const dir = scratchDir();
  const pack = join(dir, 'pack.json');
  writeFileSync(pack, readFileSync(DEFAULT_PACK));

  it('signs and verifies a round trip, and fails a tampered file or the wrong key', async () => {
    const keygen = await run(['pack', 'keygen']);
    expect(keygen.code).toBe(0);
    const { pub, priv } = keysFrom(keygen.stdout);
    expect(atob(pub)).toHaveLength(32);

    const sign = await run(['pack', 'sign', pack, '--key', priv]);
    expect(sign.code).toBe(0);
    expect(sign.stdout).toContain(`--pub ${pub}`);
    expect(atob(readFileSync(`${pack}.sig`, 'utf8').trim())).toHaveLength(64);

    const verify = await run(['pack', 'verify', pack, '--pub', pub]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('OK');

    const other = keysFrom((await run(['pack', 'keygen'])).stdout);
    const wrongKey = await run(['pack', 'verify', pack, '--pub', other.pub]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toContain('FAILED');

    writeFileSync(pack, `${readFileSync(pack, 'utf8')} `);
    const tampered = await run(['pack', 'verify', pack, '--pub', pub]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('FAILED');
  });

  it('writes key files with --out, private key owner-only, and never overwrites them', async () => {
    const name = join(dir, 'acme');
    const keygen = await run(['pack', 'keygen', '--out', name]);
    expect(keygen.code).toBe(0);
    expect(statSync(`${name}.key`).mode & 0o077).toBe(0);
    const again = await run(['pack', 'keygen', '--out', name]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');

    const target = join(dir, 'signed.json');
    writeFileSync(target, VALID);
    const sigPath = join(dir, 'elsewhere.sig');
    expect((await run(['pack', 'sign', target, '--key', `${name}.key`, '--sig', sigPath])).code).toBe(0);
    const verify = await run(['pack', 'verify', target, '--pub', `${name}.pub`, '--sig', sigPath]);
    expect(verify.code).toBe(0);
    // Relative paths resolve against the working directory.
    expect(
      (
        await run(['pack', 'verify', 'signed.json', '--pub', 'acme.pub', '--sig', 'elsewhere.sig'], {
          cwd: dir,
        })
      ).code,
    ).toBe(0);
  });

  it('explains swapped, garbage and missing keys and signatures', async () => {
    const { pub, priv } = keysFrom((await run(['pack', 'keygen'])).stdout);
    const target = join(dir, 'k.json');
    writeFileSync(target, VALID);

    const publicAsPrivate = await run(['pack', 'sign', target, '--key', pub]);
    expect(publicAsPrivate.code).toBe(2);
    expect(publicAsPrivate.stderr).toContain('looks like a public key');

    const noSig = await run(['pack', 'verify', target, '--pub', pub]);
    expect(noSig.code).toBe(2);
    expect(noSig.stderr).toContain(`${target}.sig: no such file`);

    expect((await run(['pack', 'sign', target, '--key', priv])).code).toBe(0);
    const privateAsPublic = await run(['pack', 'verify', target, '--pub', priv]);
    expect(privateAsPublic.code).toBe(2);
    expect(privateAsPublic.stderr).toContain('a private key by mistake');

    const notAKey = await run(['pack', 'verify', target, '--pub', 'not a key!']);
    expect(notAKey.code).toBe(2);
    expect(notAKey.stderr).toContain('neither a readable key file nor a base64 key');

    writeFileSync(`${target}.sig`, 'garbage\n');
    const garbage = await run(['pack', 'verify', target, '--pub', pub]);
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toContain('FAILED');
  });
});

describe('rapport pack sign refuses a pack that does not validate', () => {
  const dir = scratchDir();

  it('names the problem, writes no signature and exits 1', async () => {
    const { priv } = keysFrom((await run(['pack', 'keygen'])).stdout);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schema":1,"name":"acme","version":"one"}');
    const result = await run(['pack', 'sign', bad, '--key', priv]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('version');
    expect(result.stderr).toContain('not signed');
    expect(() => statSync(`${bad}.sig`)).toThrow();

    const failing = join(dir, 'failing.json');
    const rule = {
      id: 'acme-words',
      type: 'lexicon',
      severity: 'warn',
      message: { title: 'T', reason: 'R', suggestion: 'S' },
      params: { terms: ['widget'] },
      examples: { fire: ['nothing here'], pass: [] },
    };
    writeFileSync(failing, JSON.stringify({ schema: 1, name: 'acme', version: '1.0.0', rules: [rule] }));
    const examples = await run(['pack', 'sign', failing, '--key', priv]);
    expect(examples.code).toBe(1);
    expect(examples.stderr).toContain('acme-words');
    expect(() => statSync(`${failing}.sig`)).toThrow();
  });
});

describe('rapport pack fit', () => {
  const dir = scratchDir();
  const drafts = join(import.meta.dirname, '../../eval/dev-a.jsonl');

  it('needs labelled drafts', async () => {
    const result = await run(['pack', 'fit', DEFAULT_PACK]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--eval needs at least one labelled FILE.jsonl');
  });

  it('fits a mistuned admin pack and writes one that compiles', { timeout: 60_000 }, async () => {
    const pack = join(dir, 'mistuned.json');
    const out = join(dir, 'fitted.json');
    writeFileSync(
      pack,
      JSON.stringify({
        schema: 1,
        name: 'acme',
        version: '1.0.0',
        extends: 'default',
        thresholds: { 'promotion.min': 9, 'promotion.asklessMin': 9 },
      }),
    );
    const result = await run([
      'pack',
      'fit',
      pack,
      '--eval',
      drafts,
      '--only',
      'promotion.min',
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/promotion\.min: 9 → \d/);
    const fitted = JSON.parse(readFileSync(out, 'utf8')) as { thresholds: Record<string, number> };
    expect(fitted.thresholds['promotion.min']).toBeLessThan(9);
    expect((await run(['pack', 'test', out])).code).toBe(0);
  });
});

describe('rapport pack fit --signals', () => {
  const dir = scratchDir();
  const message = { title: 'T', reason: 'R', suggestion: 'S' };
  const pack = {
    schema: 1,
    name: 'acme',
    version: '1.0.0',
    terms: { warm: ['grateful', 'lovely', 'hugs'], facts: ['because', 'measured', 'minutes'] },
    rules: [
      {
        id: 'nothing-to-say',
        type: 'signals',
        severity: 'warn',
        message,
        params: {
          threshold: 1,
          signals: [
            { terms: 'warm', weight: 0, max: 3 },
            { terms: 'facts', weight: 0, max: 3 },
          ],
        },
      },
    ],
  };
  const drafts = [
    ['So grateful, lovely week, hugs to all', ['nothing-to-say']],
    ['Lovely Friday, grateful for you, hugs', ['nothing-to-say']],
    ['We measured it: 12 minutes saved because of the queue', []],
    ['Because we measured the queue, it takes 3 minutes now', []],
  ].map(([text, expect], i) => JSON.stringify({ id: `d${i}`, platform: 'x', kind: 'post', text, expect }));

  /** `pack fit` on the pack and drafts above, written under `name`, with these arguments after. */
  const fit = (name: string, ...rest: string[]) => {
    const file = join(dir, `${name}.json`);
    const evalFile = join(dir, `${name}.jsonl`);
    writeFileSync(file, JSON.stringify(pack));
    writeFileSync(evalFile, drafts.join('\n'));
    return run(['pack', 'fit', file, '--eval', evalFile, ...rest]);
  };

  it('fits the rule’s weights and threshold and writes a pack that compiles', async () => {
    const out = join(dir, 'acme-fitted.json');
    const result = await fit('acme', '--signals', 'nothing-to-say', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing-to-say reads 4, 2 of them labelled');
    expect(result.stdout).toMatch(/warm: 0 → \d+\.\d+/);
    expect(result.stdout).toMatch(/facts: 0 → -\d+\.\d+/);
    // Both labelled drafts now fire: recall from none to all.
    expect(result.stdout).toMatch(/nothing-to-say +precision 1\.00 → 1\.00, recall 0\.00 → 1\.00/);
    const fitted = JSON.parse(readFileSync(out, 'utf8')) as typeof pack;
    expect(fitted.rules[0]!.params.signals[0]!.weight).toBeGreaterThan(0);
    expect((await run(['pack', 'test', out])).code).toBe(0);
  });

  it('names a rule it cannot fit, and refuses --only beside --signals', async () => {
    const unknown = await fit('acme2', '--signals', 'vanity-metrics');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no signals rule "vanity-metrics"');
    const both = await fit('acme3', '--signals', 'nothing-to-say', '--only', 'x');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--only names thresholds');
    const alone = await fit('acme4', '--residual');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--residual goes with --signals');
  });

  it('with --residual, says it read the drafts the rest of the pack leaves unflagged', async () => {
    const result = await fit('acme5', '--signals', 'nothing-to-say', '--residual');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'nothing-to-say reads 4 the rest of the pack leaves unflagged, 2 of them labelled',
    );
  });

  it('fits a veto on the drafts the rest of the pack flags, and says how many it flags wrongly', async () => {
    const file = join(dir, 'acme-veto.json');
    const evalFile = join(dir, 'acme-veto.jsonl');
    writeFileSync(
      file,
      JSON.stringify({
        ...pack,
        terms: { ...pack.terms, hugs: ['hugs', 'lovely'] },
        rules: [
          { id: 'nothing-to-say', type: 'lexicon', severity: 'warn', message, params: { terms: 'hugs' } },
          {
            id: 'nothing-to-say/informs',
            type: 'signals',
            veto: true,
            severity: 'warn',
            message,
            params: { threshold: 5, signals: [{ terms: 'facts', weight: 0, max: 3 }] },
          },
        ],
      }),
    );
    const rows = [
      ['So grateful, lovely week, hugs to all', ['nothing-to-say']],
      ['Lovely Friday, hugs', ['nothing-to-say']],
      ['Lovely: we measured it, 12 minutes saved because of the queue', []],
      ['Hugs to the team: because we measured the queue, it takes 3 minutes', []],
      ['Because we measured the queue, it takes 3 minutes now', []],
    ].map(([text, expect], i) => JSON.stringify({ id: `v${i}`, platform: 'x', kind: 'post', text, expect }));
    writeFileSync(evalFile, rows.join('\n'));
    const result = await run([
      'pack',
      'fit',
      file,
      '--eval',
      evalFile,
      '--signals',
      'nothing-to-say/informs',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'nothing-to-say/informs (a veto) reads the 4 the rest of the pack flags, 2 of them wrongly',
    );
    expect(result.stdout).toMatch(/facts: 0 → \d+\.\d+/);
    // The fitted veto silences the two wrong nudges and keeps the two right ones.
    expect(result.stdout).toMatch(/nothing-to-say +precision 0\.50 → 1\.00, recall 1\.00 → 1\.00/);
  });
});
