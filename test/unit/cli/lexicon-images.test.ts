/**
 * The built-in lexicon's images on disk (src/cli/lexicon-images.ts): what is written reads back
 * as the same image, and a file of another build, format or length is not taken for one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeLexiconImage,
  encodeLexiconImage,
  LEXICON_IMAGE_FILES,
  readLexiconImages,
} from '../../../src/cli/lexicon-images.ts';
import { Lexicon } from '../../../src/engine/text/lexicon.ts';
import { tokenize } from '../../../src/engine/text/tokenize.ts';
import { scratchDir } from './helpers.ts';

const LISTS = new Map<string, readonly string[]>([
  ['cta', ['últimas plazas', 'shop now', 'promoç*', 'buy now@-es']],
  ['deal', ['<percent> off', 'code <name>', 'zzyzx quorble']],
]);

describe('lexicon images on disk', () => {
  const lexicon = new Lexicon(LISTS);
  const filed = lexicon.image();
  lexicon.fileBare();
  const bare = lexicon.image();

  it('read back as the image written', () => {
    const read = decodeLexiconImage(encodeLexiconImage(filed, 'abc'), 'abc');
    expect(read).toEqual(filed);
    // Read from an odd offset in a larger buffer: the arrays are copied to an aligned start.
    const bytes = encodeLexiconImage(bare, 'abc');
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeLexiconImage(shifted.subarray(1), 'abc')).toEqual(bare);
  });

  it('are refused when of another build, or cut short', () => {
    const bytes = encodeLexiconImage(filed, 'abc');
    expect(decodeLexiconImage(bytes, 'abd')).toBeUndefined();
    expect(decodeLexiconImage(bytes.subarray(0, 3), 'abc')).toBeUndefined();
    expect(decodeLexiconImage(bytes.subarray(0, 40), 'abc')).toBeUndefined();
    expect(decodeLexiconImage(bytes.subarray(0, bytes.length - 4), 'abc')).toBeUndefined();
  });

  it('are read from a directory, the bare one only when asked for, and make a lexicon that matches', () => {
    const dir = join(scratchDir(), 'images');
    mkdirSync(dir, { recursive: true });
    const url = pathToFileURL(`${dir}/`);
    expect(readLexiconImages(url, 'abc')).toBeUndefined();
    writeFileSync(join(dir, LEXICON_IMAGE_FILES.filed), encodeLexiconImage(filed, 'abc'));
    const images = readLexiconImages(url, 'abc');
    expect(images?.bare()).toBeUndefined();
    writeFileSync(join(dir, LEXICON_IMAGE_FILES.bare), encodeLexiconImage(bare, 'abc'));
    expect(images?.bare()).toEqual(bare);
    const taken = new Lexicon(LISTS, readLexiconImages(url, 'abc'));
    expect(taken.fromImage).toBe(true);
    const text = 'Ultimas plazas! 20% off with code JESS20, shop now';
    const found = (lex: Lexicon) => [...lex.matchByName(tokenize(text), 'es')];
    expect(found(taken)).toEqual(found(new Lexicon(LISTS)));
    expect(taken.fromImage).toBe(true);
  });
});
