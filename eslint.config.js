import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    rules: {
      // Data from files must never become markup.
      'svelte/no-at-html-tags': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes and set textContent: data from files is hostile.' },
        { property: 'outerHTML', message: 'Build DOM nodes and set textContent: data from files is hostile.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes and set textContent: data from files is hostile.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Our collections in state are snapshots: built whole inside $derived or stored with $state.raw and
      // replaced, never mutated in place. SvelteSet/SvelteMap would add proxies for nothing.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
);
