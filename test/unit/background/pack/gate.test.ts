/** The acceptance gate, check by check, in order (security.md: "a bad pack cannot brick"). */
import { describe, expect, it } from 'vitest';
import { gatePack, type GateContext } from '../../../../src/background/pack/gate.ts';
import { compareVersions } from '../../../../src/background/pack/version.ts';
import { compilePack, defaultPackJson, type CompiledPack } from '../../../../src/engine/index.ts';
import { generateKeyPair } from '../../../../src/shared/signing.ts';
import { adminPack, sign, testKeys } from './packs.ts';

let base: CompiledPack | undefined;
const builtIn = () => (base ??= compilePack(defaultPackJson));
const NOW = new Date('2026-12-01T00:00:00Z');

async function ctx(extra: Partial<GateContext> = {}): Promise<GateContext> {
  return { publicKeys: undefined, base: builtIn(), lastVersion: undefined, now: NOW, ...extra };
}

describe('gatePack', () => {
  it('accepts a good pack, unsigned when no keys are set', async () => {
    const outcome = await gatePack({ text: adminPack('1.0.0'), signature: undefined }, await ctx());
    expect(outcome).toMatchObject({ ok: true, signature: 'not-required', expired: false });
    if (outcome.ok) expect(outcome.pack.rules.map((r) => r.id)).toContain('acme-term');
  });

  it('checks the signature over the exact bytes first, against any listed key', async () => {
    const text = adminPack('1.0.0');
    const other = await generateKeyPair();
    const keys = [other.publicKey, (await testKeys()).publicKey];
    const good = await gatePack({ text, signature: await sign(text) }, await ctx({ publicKeys: keys }));
    expect(good).toMatchObject({ ok: true, signature: 'verified' });

    const tampered = await gatePack(
      { text: `${text} `, signature: await sign(text) },
      await ctx({ publicKeys: keys }),
    );
    expect(tampered).toEqual({ ok: false, reason: expect.stringMatching(/^bad signature/) });
    const unsigned = await gatePack({ text, signature: undefined }, await ctx({ publicKeys: keys }));
    expect(unsigned).toEqual({ ok: false, reason: expect.stringMatching(/^unsigned/) });
    // A malformed pack with a bad signature is refused for the signature: the first check wins.
    const both = await gatePack({ text: '{', signature: await sign(text) }, await ctx({ publicKeys: keys }));
    expect(both).toEqual({ ok: false, reason: expect.stringMatching(/^bad signature/) });
  });

  it('refuses malformed JSON, a schema error and an invalid RE2 pattern with the reason', async () => {
    expect(await gatePack({ text: '{"schema":1,', signature: undefined }, await ctx())).toEqual({
      ok: false,
      reason: expect.stringMatching(/^invalid: the pack is not valid JSON/),
    });
    const schema = await gatePack({ text: adminPack('one'), signature: undefined }, await ctx());
    expect(schema).toEqual({ ok: false, reason: expect.stringContaining('version') });
    const regex = adminPack('1.0.0', {
      rules: [
        {
          id: 'backref',
          type: 'pattern',
          severity: 'warn',
          message: { title: 'T', reason: 'R', suggestion: 'S' },
          params: { patterns: ['(a)\\1'] },
        },
      ],
    });
    expect(await gatePack({ text: regex, signature: undefined }, await ctx())).toEqual({
      ok: false,
      reason: expect.stringContaining('not a valid RE2 pattern'),
    });
  });

  it('accepts a catastrophic-looking regex, which re2js runs in linear time', async () => {
    const text = adminPack('1.0.0', {
      rules: [
        {
          id: 'many-a',
          type: 'pattern',
          severity: 'warn',
          message: { title: 'T', reason: 'R', suggestion: 'S' },
          params: { patterns: ['(a+)+$'] },
          examples: { fire: ['aaaa'], pass: [`${'a'.repeat(10_000)}!`] },
        },
      ],
    });
    const started = performance.now();
    expect(await gatePack({ text, signature: undefined }, await ctx())).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a pack whose own examples fail, and an oversize one before parsing', async () => {
    const failing = adminPack('1.0.0', {}, 'zephyr').replace('We talked about zephyr today.', 'No match.');
    expect(await gatePack({ text: failing, signature: undefined }, await ctx())).toEqual({
      ok: false,
      reason: expect.stringMatching(/^examples fail: 1 .*acme-term should fire/),
    });
    const huge = `${' '.repeat(1_000_001)}{}`;
    expect(await gatePack({ text: huge, signature: undefined }, await ctx())).toEqual({
      ok: false,
      reason: expect.stringMatching(/^too large/),
    });
  });

  it('refuses an older version than the last accepted (replay); the same or newer passes', async () => {
    const older = await gatePack(
      { text: adminPack('1.9.9'), signature: undefined },
      await ctx({ lastVersion: '2.0' }),
    );
    expect(older).toEqual({ ok: false, reason: 'older version: 1.9.9 is older than 2.0, already accepted' });
    expect(
      await gatePack({ text: adminPack('2.0.0'), signature: undefined }, await ctx({ lastVersion: '2.0' })),
    ).toMatchObject({ ok: true });
    expect(
      await gatePack({ text: adminPack('2.0.1'), signature: undefined }, await ctx({ lastVersion: '2.0' })),
    ).toMatchObject({ ok: true });
  });

  it('accepts an expired pack and says it is expired', async () => {
    const text = adminPack('1.0.0', { expires: '2026-01-01' });
    expect(await gatePack({ text, signature: undefined }, await ctx())).toMatchObject({
      ok: true,
      expired: true,
    });
  });
});

describe('compareVersions', () => {
  it('compares part by part, numerically, missing parts as 0', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('2', '2.0.0')).toBe(0);
    expect(compareVersions('1.0.0', '1.0.1')).toBe(-1);
  });
});
