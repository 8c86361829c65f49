import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const DECIMAL_RULE = { name: 'decimal.js', message: 'Import Decimal from lib/decimal.ts.' };
const BROWSER_MODULES = ['wxt', 'wxt/*', 'webextension-polyfill', '@wxt-dev/*', 'preact', 'preact/*'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Dependency direction: entrypoints -> components -> lib (SPEC §1).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: './entrypoints',
              message: 'lib/ is pure: it never imports entrypoints.',
            },
            { target: './lib', from: './components', message: 'lib/ is pure: it never imports components.' },
            {
              target: './components',
              from: './entrypoints',
              message: 'components take props; they never import entrypoints.',
            },
          ],
        },
      ],
    },
  },
  {
    // Decimal arithmetic goes through lib/decimal.ts, the one configured clone.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [DECIMAL_RULE] }] },
  },
  {
    // lib/ is what the CLI, tests and benchmarks run: no browser API, no DOM globals.
    // lib/sites receives its DOM as a parameter (readQuote(root, url)) and never reaches for globals.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [DECIMAL_RULE],
          patterns: [{ group: BROWSER_MODULES, message: 'lib/ must not import browser or UI modules.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'browser',
        'chrome',
        'navigator',
        'localStorage',
        'location',
      ],
    },
  },
  {
    files: ['lib/decimal.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: BROWSER_MODULES, message: 'lib/ must not import browser or UI modules.' }] },
      ],
    },
  },
);
