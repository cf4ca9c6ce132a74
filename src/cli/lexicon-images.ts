/**
 * The built-in pack's lexicon images on disk (see LexiconImage in the engine): the CLI build
 * writes them beside dist/cli/rapport.js, and the bundle takes them up instead of filing the
 * pack's twenty thousand phrases on every call (about a third of a `rapport check`). A file rather
 * than a string in the bundle: V8 reads a megabyte of file in about a millisecond, but scans and
 * decodes a megabyte of string literal for tens of them.
 *
 * A file holds one image: a little-endian u32, the length of a JSON header (padded with spaces
 * to a multiple of four bytes), then the trie's four arrays and the vocabulary's table as Int32,
 * one after the other. The
 * header's stamp names the build: a bundle takes up only images of its own build, so one started
 * while a build replaces the files never pairs a new bundle with old images (or the reverse).
 */
import { readFileSync } from 'node:fs';
import type { LexiconImage, LexiconImages } from '../engine/index.ts';

const FORMAT = 'rapport-lexicon-image-2';

/** The files, in the bundle's directory: as filed, and with the bare spellings filed too. */
export const LEXICON_IMAGE_FILES = { filed: 'lexicon.bin', bare: 'lexicon-bare.bin' } as const;

interface Header {
  format: string;
  stamp: string;
  words: readonly string[];
  languages: readonly string[];
  size: number;
  locals: readonly string[];
  prefixes: LexiconImage['trie']['prefixes'];
  /** The lengths of slots, ends, rootWord, rootPrefixChildren and the vocabulary's table, in that order. */
  lengths: number[];
}

/** Int32Array views read the platform's byte order; the files are written little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function encodeLexiconImage(image: LexiconImage, stamp: string): Uint8Array {
  const { trie } = image;
  const arrays = [trie.slots, trie.ends, trie.rootWord, trie.rootPrefixChildren, image.vocabulary.table];
  const header: Header = {
    format: FORMAT,
    stamp,
    words: image.vocabulary.words,
    languages: image.languages,
    size: trie.size,
    locals: trie.locals,
    prefixes: trie.prefixes,
    lengths: arrays.map((a) => a.length),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = (json.length + 3) & ~3;
  const bytes = new Uint8Array(4 + padded + arrays.reduce((n, a) => n + a.length * 4, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, padded, true);
  bytes.set(json, 4);
  // The header is padded with spaces (JSON ignores them) so the arrays start 4-byte aligned.
  bytes.fill(0x20, 4 + json.length, 4 + padded);
  let at = 4 + padded;
  for (const array of arrays)
    for (const value of array) {
      view.setInt32(at, value, true);
      at += 4;
    }
  return bytes;
}

/** The image in `bytes`, or undefined when it is not one of build `stamp` on this platform. */
export function decodeLexiconImage(bytes: Uint8Array, stamp: string): LexiconImage | undefined {
  if (!LITTLE_ENDIAN || bytes.length < 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const headerBytes = view.getUint32(0, true);
  if (4 + headerBytes > bytes.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerBytes))) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT || header.stamp !== stamp) return undefined;
  const arrayBytes = header.lengths.reduce((n, length) => n + length * 4, 0);
  if (header.lengths.length !== 5 || 4 + headerBytes + arrayBytes !== bytes.length) return undefined;
  // Views need a 4-byte-aligned start; a file read whole starts a buffer of its own, so a copy is rare.
  const aligned = (bytes.byteOffset & 3) === 0 ? bytes : bytes.slice();
  let at = aligned.byteOffset + 4 + headerBytes;
  const [slots, ends, rootWord, rootPrefixChildren, table] = header.lengths.map((length) => {
    const array = new Int32Array(aligned.buffer, at, length);
    at += length * 4;
    return array;
  }) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  return {
    vocabulary: { words: header.words, table },
    languages: header.languages,
    trie: {
      size: header.size,
      slots,
      ends,
      rootWord,
      rootPrefixChildren,
      locals: header.locals,
      prefixes: header.prefixes,
    },
  };
}

function readImage(dir: URL, file: string, stamp: string): LexiconImage | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(new URL(file, dir));
  } catch {
    // Missing or unreadable (a package that lost it): the lexicon files its phrases instead.
    return undefined;
  }
  return decodeLexiconImage(bytes, stamp);
}

/**
 * The built-in lexicon's images in `dir`, or undefined when the first is missing or of another
 * build. The bare spellings' image is read only when a draft first needs it.
 */
export function readLexiconImages(dir: URL, stamp: string): LexiconImages | undefined {
  const filed = readImage(dir, LEXICON_IMAGE_FILES.filed, stamp);
  if (!filed) return undefined;
  return { filed, bare: () => readImage(dir, LEXICON_IMAGE_FILES.bare, stamp) };
}
