// Run by scripts/built-in-pack.js in a process of its own, through tsx: makes the images of the
// built-in pack's lexicon (src/cli/lexicon-images.ts) and writes them to the directory named by
// its first argument, then prints the build's stamp, a hash of them and of its second argument
// (the hash of the validated pack's text, which goes beside them). The images name words by vocabulary id, and the bundle
// takes them up only where its vocabulary holds the same words with the same ids: so this process
// loads the CLI's modules in the order src/cli/bin.ts does, as the bundle will, before it compiles
// the pack (the build checks that the bundle takes them up: see build-cli.js).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [outDir, packHash] = process.argv.slice(2);
if (!outDir || !packHash) throw new Error('usage: lexicon-images.ts OUT_DIR PACK_HASH');

// The imports of src/cli/bin.ts, in its order (bin.ts itself would run the command).
await import('../src/cli/io.ts');
await import('../src/cli/main.ts');
const { compileDefaultPack } = await import('../src/cli/load-pack.ts');
const { encodeLexiconImage, LEXICON_IMAGE_FILES } = await import('../src/cli/lexicon-images.ts');

// Run from the sources the built-in pack is validated first, with every check, and then compiled
// as the bundle compiles it: the vocabulary grows in the same order as in a `rapport` process.
const { lexicon } = compileDefaultPack();
const filed = lexicon.image();
lexicon.fileBare();
const bare = lexicon.image();

// The stamp names these images and the pack: a bundle takes up only the files of its own build.
const hash = createHash('sha256').update(packHash);
for (const image of [filed, bare]) hash.update(encodeLexiconImage(image, ''));
const stamp = hash.digest('hex').slice(0, 24);
writeFileSync(join(outDir, LEXICON_IMAGE_FILES.filed), encodeLexiconImage(filed, stamp));
writeFileSync(join(outDir, LEXICON_IMAGE_FILES.bare), encodeLexiconImage(bare, stamp));
process.stdout.write(`${JSON.stringify({ stamp })}\n`);
