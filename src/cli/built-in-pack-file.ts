/**
 * The built-in pack as the CLI build leaves it beside dist/cli/rapport.js: validated at build time
 * (scripts/built-in-pack.js), as JSON text with the build's stamp. A file rather than a string in
 * the bundle: V8 scans and decodes every character of a module's source before it runs, and the
 * pack was half of the bundle's; read as a file it costs a read and the JSON.parse alone.
 */
import { readFileSync } from 'node:fs';
import { validatePack, type ValidatedPack } from '../engine/index.ts';

export const BUILT_IN_PACK_FILE = 'built-in-pack.json';

/** The file's text for `validatedText`, the JSON of a ValidatedPack, made by build `stamp`. */
export function builtInPackFileText(validatedText: string, stamp: string): string {
  return `{"stamp":${JSON.stringify(stamp)},"pack":${validatedText}}`;
}

/**
 * A fresh copy of the validated pack in `dir` (compiling keeps parts of it), when the file there
 * is build `stamp`'s; else, as when a build replaced it after this bundle started, the pack at
 * `source` validated now: slower, and the same pack.
 */
export function readBuiltInPack(dir: URL, stamp: string, source: URL): ValidatedPack {
  try {
    const file = JSON.parse(readFileSync(new URL(BUILT_IN_PACK_FILE, dir), 'utf8')) as {
      stamp?: unknown;
      pack?: ValidatedPack;
    };
    if (file.stamp === stamp && file.pack) return file.pack;
  } catch {
    // Missing or unreadable: validated from its source below.
  }
  return validatePack(JSON.parse(readFileSync(source, 'utf8')));
}
