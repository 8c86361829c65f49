import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const DECIMAL_RULE = { name: 'decimal.js', message: 'Import Decimal from lib/decimal.ts.' };

/**
 * The layers of lib/, one way only: each may import the layers it lists and itself, never
 * anything else in lib/. The plan file is the ground floor; the trade's logic stacks on it
 * (sizing, engine, the words for what the engine says, the simulator, the checks that
 * replay the ladder, and the signal reader that writes checked plans); page reading
 * (price, sites, instruments, watch) stands apart; the background's store and worker sit
 * on top. lib/decimal.ts, lib/format.ts and lib/number-limits.ts are
 * the foundation every layer may use.
 */
const LIB_LAYERS = {
  plan: [],
  sizing: ['plan'],
  engine: ['plan', 'sizing'],
  words: ['plan', 'sizing', 'engine'],
  sim: ['plan', 'sizing', 'engine', 'words'],
  checks: ['plan', 'sizing', 'engine', 'words', 'sim', 'sites'],
  signal: ['plan', 'sizing', 'engine', 'words', 'sim', 'checks', 'sites', 'price', 'instruments'],
  price: [],
  sites: ['price'],
  instruments: ['price', 'sites'],
  // The sender check reads what a page's address means (lib/sites/page-identity).
  messages: ['plan', 'sites'],
  watch: ['price', 'sites', 'messages'],
  store: ['plan', 'engine', 'messages'],
  worker: [
    'plan',
    'sizing',
    'engine',
    'words',
    'checks',
    'signal',
    'sites',
    'instruments',
    'messages',
    'store',
  ],
};
const FOUNDATION = ['./lib/decimal.ts', './lib/format.ts', './lib/number-limits.ts'];

const LAYER_ZONES = [
  ...Object.entries(LIB_LAYERS).map(([layer, below]) => ({
    target: `./lib/${layer}`,
    from: Object.keys(LIB_LAYERS)
      .filter((other) => other !== layer && !below.includes(other))
      .map((other) => `./lib/${other}`),
    message: `lib/${layer} may import only ${below.length === 0 ? 'the foundation' : below.map((other) => `lib/${other}`).join(', ')} (layers one way: eslint.config.js LIB_LAYERS).`,
  })),
  {
    target: FOUNDATION,
    from: Object.keys(LIB_LAYERS).map((layer) => `./lib/${layer}`),
    message:
      'lib/decimal.ts, lib/format.ts and lib/number-limits.ts are the foundation: they import no layer.',
  },
];
const BROWSER_MODULES = ['wxt', 'wxt/*', 'webextension-polyfill', '@wxt-dev/*', 'preact', 'preact/*'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // Resolve extensionless TypeScript imports, so that the zones below see every import.
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Dependency direction: entrypoints -> components -> lib (README, Layout).
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
            ...LAYER_ZONES,
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
