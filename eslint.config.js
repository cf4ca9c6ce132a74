import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/', 'test/fixtures/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Markup from a string is how injection starts; the build also turns Preact's innerHTML write
      // into a textContent write (scripts/build/store-lint-plugin.ts), so this would render as text.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Build the elements instead: dangerouslySetInnerHTML renders as text in Rapport builds.',
        },
      ],
    },
  },
  {
    // The engine is shared by the worker, the CLI and tests: it must not touch a browser or Node API.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'process', 'navigator'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'webextension-polyfill', 'fs', 'path'] }],
    },
  },
);
