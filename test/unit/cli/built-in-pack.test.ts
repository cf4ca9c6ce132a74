/**
 * The built-in pack is validated at build time and compiled without the schema at run time: the
 * build must refuse a pack that fails validation, and the trusted path must compile exactly what
 * the validated one does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatedPackText } from '../../../scripts/built-in-pack.js';
import { builtInPack } from '../../../src/cli/built-in-pack.ts';
import {
  BUILT_IN_PACK_FILE,
  builtInPackFileText,
  readBuiltInPack,
} from '../../../src/cli/built-in-pack-file.ts';
import {
  check,
  compilePack,
  compileValidatedPack,
  defaultPackJson,
  PackError,
  validatePack,
} from '../../../src/engine/index.ts';
import { scratchDir } from './helpers.ts';

const DRAFTS = [
  'Shipping notes for this week. What broke for you?',
  'HUGE SALE!!! 50% off everything, buy now at https://shop.example 🔥🔥 #deal #sale',
  'We are thrilled to announce our synergistic, best-in-class platform. Link in bio.',
  'Estamos muy contentos de anunciar nuestro nuevo producto. ¡Compra ya con 20% de descuento!',
  '',
];

const NOW = new Date('2025-06-01T12:00:00Z');

function packWith(change: (pack: Record<string, unknown>) => void): string {
  const pack = structuredClone(defaultPackJson) as Record<string, unknown>;
  change(pack);
  return JSON.stringify(pack);
}

describe('the built-in pack', () => {
  it('compiles to the same pack through the trusted path as through the schema', () => {
    const trusted = compileValidatedPack(builtInPack(), { skipExamples: true, now: NOW });
    const parsed = compilePack(defaultPackJson, undefined, { skipExamples: true, now: NOW });
    expect(trusted.source).toStrictEqual(parsed.source);
    expect(trusted.lexicon.names).toStrictEqual(parsed.lexicon.names);
    for (const key of ['name', 'version', 'expires', 'languages', 'bands', 'promotion', 'score'] as const)
      expect(trusted[key]).toStrictEqual(parsed[key]);
    expect(trusted.rules.map(({ evaluate: _, ...rule }) => rule)).toStrictEqual(
      parsed.rules.map(({ evaluate: _, ...rule }) => rule),
    );
    for (const text of DRAFTS)
      for (const kind of ['post', 'reply'] as const)
        expect(check({ text, platform: 'x', kind }, trusted, { now: NOW })).toStrictEqual(
          check({ text, platform: 'x', kind }, parsed, { now: NOW }),
        );
  });

  it('goes beside the bundle as the validated pack, read only by a bundle of its own build', async () => {
    const dir = scratchDir();
    const source = join(dir, 'default-pack.json');
    writeFileSync(source, JSON.stringify(defaultPackJson));
    const text = await validatedPackText(JSON.stringify(defaultPackJson));
    writeFileSync(join(dir, BUILT_IN_PACK_FILE), builtInPackFileText(text, 'abc'));
    const read = () => readBuiltInPack(pathToFileURL(`${dir}/`), 'abc', pathToFileURL(source));
    const expected = JSON.parse(JSON.stringify(validatePack(defaultPackJson))) as unknown;
    expect(read()).toStrictEqual(expected);
    // Each call is a fresh copy: compiling may keep parts of it.
    expect(read()).not.toBe(read());
    // The file of another build is passed over: the pack is validated from its source instead.
    writeFileSync(join(dir, BUILT_IN_PACK_FILE), builtInPackFileText('{"pack":{}}', 'abd'));
    expect(JSON.parse(JSON.stringify(read()))).toStrictEqual(expected);
  });

  it('compiles from the file beside the bundle when a rule leaves an unbounded setting out', async () => {
    // A clauses rule with no maxSubstance or substanceRatio has no bound there: the built JSON
    // text must say so in a form that compiles (Infinity would come back as null).
    const source = packWith((pack) => {
      for (const rule of pack.rules as { type: string; params: Record<string, unknown> }[])
        if (rule.type === 'clauses') {
          delete rule.params.maxSubstance;
          delete rule.params.substanceRatio;
        }
    });
    const text = await validatedPackText(source);
    const trusted = compileValidatedPack(JSON.parse(text) as never, { skipExamples: true, now: NOW });
    const parsed = compilePack(JSON.parse(source), undefined, { skipExamples: true, now: NOW });
    for (const text of DRAFTS)
      expect(check({ text, platform: 'x', kind: 'post' }, trusted, { now: NOW })).toStrictEqual(
        check({ text, platform: 'x', kind: 'post' }, parsed, { now: NOW }),
      );
  });

  it('stops the build when it does not pass the schema', async () => {
    const bad = packWith((pack) => {
      (pack.rules as Record<string, unknown>[])[0]!.severity = 'loud';
    });
    await expect(validatedPackText(bad)).rejects.toThrow(/does not validate:\n {2}- rules\[0\]\.severity/);
  });

  it('stops the build when a rule’s params are wrong or the pack extends another', async () => {
    const rule = (defaultPackJson as { rules: { params: Record<string, unknown> }[] }).rules.findIndex(
      (r) => Object.keys(r.params).length > 0,
    );
    const badParams = packWith((pack) => {
      (pack.rules as { params: Record<string, unknown> }[])[rule]!.params = { nonsense: true };
    });
    await expect(validatedPackText(badParams)).rejects.toThrow(`rules[${rule}].params`);
    expect(() => validatePack(JSON.parse(packWith((pack) => void (pack.extends = 'default'))))).toThrow(
      PackError,
    );
  });
});
