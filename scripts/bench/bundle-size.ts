/**
 * What a page downloads and parses for the content script: the manifest's content_scripts files
 * and everything they import, statically or through crxjs's `import(chrome.runtime.getURL(...))`
 * loader, each gzipped on its own (each is its own request).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: BundleFile[];
  bytes: number;
  gzipBytes: number;
}

interface ManifestLike {
  content_scripts?: Array<{ js?: string[] }>;
}

// `from "./x.js"`, `import "./x.js"`, `import("./x.js")` and crxjs's `getURL("assets/x.js")`.
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}\/[^"']+)\1/g;
const EXTENSION_URL = /\bgetURL\(\s*(["'])([^"']+\.m?js)\1\s*\)/g;

/** Specifiers a built module imports, as paths from the extension root. */
export function importsOf(source: string, fromPath: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(RELATIVE_IMPORT)) {
    const spec = m[2] as string;
    found.add(posix.normalize(posix.join(posix.dirname(fromPath), spec)));
  }
  for (const m of source.matchAll(EXTENSION_URL))
    found.add(posix.normalize((m[2] as string).replace(/^\//, '')));
  return [...found];
}

export function contentScriptSize(distDir: string): BundleSize {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as ManifestLike;
  const queue = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const seen = new Set<string>();
  const files: BundleFile[] = [];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const full = normalize(join(distDir, path));
    if (!full.startsWith(normalize(distDir)))
      throw new Error(`content script import leaves the build: ${path}`);
    const source = readFileSync(full);
    files.push({ path, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length });
    queue.push(...importsOf(source.toString('utf8'), path).filter((p) => !seen.has(p)));
  }
  if (files.length === 0) throw new Error(`no content_scripts js in ${join(distDir, 'manifest.json')}`);
  return {
    files,
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
  };
}

/**
 * The card's code (src/content/card/), which the worker injects only when a person first opens
 * the card: outside the content script's budget, reported beside it.
 */
export function cardScriptSize(distDir: string, path: string): BundleFile | null {
  const full = join(distDir, path);
  if (!existsSync(full)) return null;
  const source = readFileSync(full);
  return { path, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}
