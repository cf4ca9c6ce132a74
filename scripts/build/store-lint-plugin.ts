/**
 * Two library code paths that the extension never takes but that Mozilla's linter (`web-ext lint`,
 * which addons.mozilla.org runs on every upload) rightly flags, removed at build time so the
 * shipped code cannot take them either:
 *
 * - zod's `allowsEval` probes `new Function("")` to decide whether to compile parsers. Every
 *   extension entry point sets `z.config({ jitless: true })`, so the probe never runs; MV3's
 *   content security policy forbids it anyway. Here it is `false` outright (DANGEROUS_EVAL).
 * - Preact's `dangerouslySetInnerHTML` writes `innerHTML` from a prop. No Rapport component uses it
 *   (eslint forbids it in src/); here the write becomes a `textContent` write, so even a future
 *   mistake renders text, never markup (UNSAFE_VAR_ASSIGNMENT).
 *
 * Each rewrite must match exactly once: a library update that moves the code fails the build here
 * instead of shipping the pattern again unnoticed.
 */
import type { Plugin } from 'vite';

interface Rewrite {
  /** The module's path ends with this (forward slashes). */
  file: string;
  pattern: RegExp;
  replace: string;
}

const REWRITES: readonly Rewrite[] = [
  {
    file: '/node_modules/zod/v4/core/util.js',
    pattern: /export const allowsEval = [^\n]*cached\(\(\) => \{[\s\S]*?\n\}\);/g,
    replace: 'export const allowsEval = /* @__PURE__*/ cached(() => false);',
  },
  {
    file: '/node_modules/preact/dist/preact.mjs',
    pattern: /\b(\w+)\.innerHTML=(\w+)\.__html\b/g,
    replace: '$1.textContent=$2.__html',
  },
];

export function storeLintPlugin(): Plugin {
  return {
    name: 'rapport:store-lint',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
      const rewrite = REWRITES.find((r) => path.endsWith(r.file));
      if (!rewrite) return null;
      const matches = code.match(rewrite.pattern) ?? [];
      if (matches.length !== 1) {
        throw new Error(
          `rapport:store-lint: expected the pattern once in ${rewrite.file}, found it ${matches.length} times; the library changed, see scripts/build/store-lint-plugin.ts`,
        );
      }
      return { code: code.replace(rewrite.pattern, rewrite.replace), map: null };
    },
  };
}
