// ESLint: the recommended rules of JavaScript, typescript-eslint and eslint-plugin-svelte, and the shape of the code:
// src/core stays pure (no DOM adapters, no Node, no Svelte). Formatting is prettier's (see .prettierrc.json).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'public/', 'screenshots/', '.scratch/', 'src/core/runtime.d.ts'] },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks what a signature must take but does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    rules: {
      // The state classes keep caches and working sets in plain Maps and Sets on purpose (no template reads them),
      // and what a template reads is $state.raw, replaced whole: SvelteMap/SvelteSet would only add tracking.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // A write left pending when its transaction aborts rejects with no one listening: an unhandled rejection for
    // every queued put. Every request of the storage adapters is awaited, returned, voided on purpose or caught.
    files: ['src/adapters/**/*.ts'],
    ignores: ['src/adapters/db-migrations.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../adapters/*', '../state/*', '../components/*', '../routes/*', '../i18n/*'], message: 'src/core is pure: storage, state and UI come in from the edges.' },
            { group: ['node:*', 'svelte', 'svelte/*'], message: 'src/core runs anywhere: no Node or Svelte APIs.' },
          ],
        },
      ],
    },
  },
);
